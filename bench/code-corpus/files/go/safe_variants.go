package safe

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"database/sql"
	"encoding/hex"
	"net/http"
	"os"
	"strconv"

	"golang.org/x/crypto/chacha20poly1305"
)

const passwordResetPath = "/account/reset"

func Seal(key, msg []byte) ([]byte, error) {
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, aead.NonceSize())
	rand.Read(nonce)
	return aead.Seal(nonce, nonce, msg, nil), nil
}

func Client() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: false}}}
}

func APIKey() string {
	return os.Getenv("API_KEY")
}

func Fingerprint(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func Order(db *sql.DB, r *http.Request) (*sql.Rows, error) {
	id, err := strconv.Atoi(r.URL.Query().Get("id"))
	if err != nil {
		return nil, err
	}
	return db.Query("SELECT * FROM orders WHERE id = " + strconv.Itoa(id))
}
