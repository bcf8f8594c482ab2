package auth

import (
	"log"
	"log/slog"
	"net/http"
)

func LoginHandler(w http.ResponseWriter, r *http.Request) {
	user := r.FormValue("username")
	pass := r.FormValue("password")
	log.Printf("login attempt user=%s pass=%s", user, pass)
	if !check(user, pass) {
		slog.Warn("login failed", "user", user)
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func logToken(token string) {
	slog.Info("issued token", "token", token)
}

func check(u, p string) bool { return u != "" && p != "" }
