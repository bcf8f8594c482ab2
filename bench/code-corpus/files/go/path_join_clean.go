package web

import (
	"net/http"
	"os"
	"path"
	"path/filepath"
)

func Avatar(w http.ResponseWriter, r *http.Request) {
	name := path.Clean("/" + r.URL.Query().Get("u"))
	data, err := os.ReadFile(filepath.Join("/srv/avatars", name))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Write(data)
}

func Theme(w http.ResponseWriter, r *http.Request) {
	theme := r.URL.Query().Get("theme")
	data, err := os.ReadFile("/srv/themes/" + theme)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Write(data)
}

func DeleteUpload(w http.ResponseWriter, r *http.Request) {
	os.Remove(filepath.Join("/srv/uploads", r.FormValue("name")))
}
