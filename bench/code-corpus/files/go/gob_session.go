package session

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/http"
)

type Session struct {
	UserID int
	Roles  []string
}

func FromCookie(r *http.Request) (*Session, error) {
	c, err := r.Cookie("session")
	if err != nil {
		return nil, err
	}
	raw, err := base64.StdEncoding.DecodeString(c.Value)
	if err != nil {
		return nil, err
	}
	var s Session
	err = json.NewDecoder(bytes.NewReader(raw)).Decode(&s)
	return &s, err
}
