package auth

import (
	"errors"
	"os"

	"github.com/golang-jwt/jwt/v5"
)

var hmacKey = []byte(os.Getenv("JWT_KEY"))

func ParseChecked(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, errors.New("unexpected signing method")
		}
		return hmacKey, nil
	})
}

func ParseAnyNone(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
		return jwt.UnsafeAllowNoneSignatureType, nil
	})
}
