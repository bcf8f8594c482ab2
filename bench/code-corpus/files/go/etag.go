package web

import (
	"crypto/md5"
	"crypto/sha256"
	"fmt"
	"net/http"
)

func writeWithETag(w http.ResponseWriter, body []byte) {
	w.Header().Set("ETag", fmt.Sprintf("\"%x\"", md5.Sum(body)))
	w.Write(body)
}

func blobID(data []byte) string {
	return fmt.Sprintf("%x", sha256.Sum256(data))
}
