package main

import (
	"net/http"
	"os/exec"
)

type archiveOptions struct {
	Name   string
	Format string
}

func splitTarget(raw string) (string, string) {
	return "tar", raw
}

func archiveHandler(w http.ResponseWriter, r *http.Request) {
	opts := archiveOptions{Name: r.URL.Query().Get("name"), Format: "gzip"}
	_ = exec.Command("sh", "-c", "tar --"+opts.Format+" -cf out.tar /srv/data").Run()

	// The name the client chose goes into the archive's file name.
	_ = exec.Command("sh", "-c", "tar -czf "+opts.Name+".tgz /srv/data").Run()
	tool, target := splitTarget(r.URL.Query().Get("dir"))
	_ = exec.Command("sh", "-c", tool+" --version").Run()

	// The directory comes back as the second result.
	_ = exec.Command("sh", "-c", "tar -czf out.tgz "+target).Run()
	w.WriteHeader(http.StatusAccepted)
}
