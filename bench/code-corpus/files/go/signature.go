package webhook

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
)

func SignLegacy(secret, body []byte) string {
	h := md5.New()
	h.Write(secret)
	h.Write(body)
	return hex.EncodeToString(h.Sum(nil))
}

func Sign(secret, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return hex.EncodeToString(m.Sum(nil))
}
