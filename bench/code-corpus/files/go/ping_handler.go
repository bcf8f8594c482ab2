package main

import (
	"net/http"
	"os/exec"
)

func runShell(line string) ([]byte, error) {
	return exec.Command("sh", "-c", line).Output()
}

func pingHandler(w http.ResponseWriter, r *http.Request) {
	host := r.URL.Query().Get("host")
	lines := []string{"ping -c 1 " + host, "uptime"}
	out, _ := runShell(lines[0])
	w.Write(out)
}
