package auth

import (
	"log"
	"net/http"
)

type Credentials struct {
	User     string `json:"user"`
	Password string `json:"password"`
}

func logCreds(c Credentials) {
	log.Printf("credentials: %+v", c)
}

func logUser(c Credentials) {
	log.Printf("login for user %q", c.User)
}

func logCookie(r *http.Request) {
	if ck, err := r.Cookie("session"); err == nil {
		log.Println("session cookie:", ck.Value)
	}
}
