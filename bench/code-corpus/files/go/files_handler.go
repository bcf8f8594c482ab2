package web

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

const baseDir = "/srv/files"

func ServeRaw(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	data, err := os.ReadFile(filepath.Join(baseDir, name))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Write(data)
}

func ServeRawSafe(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	p := filepath.Join(baseDir, filepath.Clean("/"+name))
	if !strings.HasPrefix(p, baseDir+string(os.PathSeparator)) {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	data, err := os.ReadFile(p)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Write(data)
}

func ServeDownload(w http.ResponseWriter, r *http.Request) {
	http.ServeFile(w, r, baseDir+"/"+r.URL.Query().Get("file"))
}
