package middleware

import (
	"log"
	"net/http"
)

func Logging(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.Printf("%s %s headers=%v", r.Method, r.URL.Path, r.Header)
		next.ServeHTTP(w, r)
	})
}

func LoggingSafe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.Printf("%s %s ua=%q", r.Method, r.URL.Path, r.UserAgent())
		next.ServeHTTP(w, r)
	})
}
