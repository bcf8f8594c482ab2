package deploy

import (
	"fmt"
	"net/http"
	"os/exec"
)

func RunHook(branch string) error {
	script := fmt.Sprintf("cd /srv/app && git checkout %s && make deploy", branch)
	cmd := exec.Command("/bin/bash", "-c", script)
	return cmd.Run()
}

func Restart() error {
	return exec.Command("/bin/bash", "-c", "systemctl restart app.service").Run()
}

func HookHandler(w http.ResponseWriter, r *http.Request) {
	if err := RunHook(r.URL.Query().Get("branch")); err != nil {
		http.Error(w, "deploy failed", http.StatusInternalServerError)
	}
}
