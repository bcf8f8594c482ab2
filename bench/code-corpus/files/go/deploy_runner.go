package deploy

import (
	"fmt"
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
