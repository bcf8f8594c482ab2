package main

import (
	"crypto/md5"
	"database/sql"
	"encoding/hex"
	"fmt"
	"log"
	"math/rand"
	"net/http"
	"os/exec"

	_ "github.com/lib/pq"
)

var db *sql.DB

func hashPassword(p string) string {
	h := md5.Sum([]byte(p))
	return hex.EncodeToString(h[:])
}

func register(w http.ResponseWriter, r *http.Request) {
	user := r.FormValue("username")
	pass := r.FormValue("password")
	log.Printf("register %s:%s", user, pass)
	_, err := db.Exec(fmt.Sprintf("INSERT INTO users (name, pw) VALUES ('%s', '%s')", user, hashPassword(pass)))
	if err != nil {
		http.Error(w, err.Error(), 500)
		return
	}
	token := fmt.Sprintf("%x", rand.Int63())
	http.SetCookie(w, &http.Cookie{Name: "session", Value: token})
}

func backup(w http.ResponseWriter, r *http.Request) {
	out, _ := exec.Command("bash", "-c", "pg_dump "+r.FormValue("db")).Output()
	w.Write(out)
}

func main() {
	var err error
	db, err = sql.Open("postgres", "postgres://admin:Tr0ub4dor&3-example@localhost/notes?sslmode=disable")
	if err != nil {
		log.Fatal(err)
	}
	http.HandleFunc("/register", register)
	http.HandleFunc("/backup", backup)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
