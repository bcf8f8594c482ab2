package main

import (
	"fmt"
	"net/http"
	"net/url"
)

func queryEcho(w http.ResponseWriter, r *http.Request) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		w.Write([]byte(fmt.Sprintf("<p>bad query: %v</p>", err)))
		return
	}
	w.Write([]byte(fmt.Sprintf("<p>hello %s</p>", q.Get("name"))))
}
