package auth

import (
	"net/http"
	"os"

	"github.com/golang-jwt/jwt/v5"
)

var secret = []byte(os.Getenv("JWT_SECRET"))

func UserID(r *http.Request) string {
	raw := r.Header.Get("X-Token")
	token, _ := jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) { return secret, nil })
	if claims, ok := token.Claims.(jwt.MapClaims); ok {
		sub, _ := claims["sub"].(string)
		return sub
	}
	return ""
}

func UserIDChecked(r *http.Request) string {
	raw := r.Header.Get("X-Token")
	token, err := jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) { return secret, nil }, jwt.WithValidMethods([]string{"HS256"}))
	if err != nil || !token.Valid {
		return ""
	}
	sub, _ := token.Claims.GetSubject()
	return sub
}
