package auth

import (
	"crypto/md5"
	"crypto/sha1"
	"encoding/hex"

	"golang.org/x/crypto/bcrypt"
)

func HashPasswordMD5(pw string) string {
	sum := md5.Sum([]byte(pw))
	return hex.EncodeToString(sum[:])
}

func HashPasswordSHA1(pw string) string {
	h := sha1.New()
	h.Write([]byte(pw))
	return hex.EncodeToString(h.Sum(nil))
}

func HashPassword(pw string) (string, error) {
	b, err := bcrypt.GenerateFromPassword([]byte(pw), bcrypt.DefaultCost)
	return string(b), err
}
