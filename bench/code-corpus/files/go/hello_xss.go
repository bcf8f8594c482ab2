package main

import (
	"fmt"
	"html"
	"io"
	"net/http"
)

func hello(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	w.Header().Set("Content-Type", "text/html")
	fmt.Fprintf(w, "<h1>Hello, %s!</h1>", name)
}

func helloSafe(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	w.Header().Set("Content-Type", "text/html")
	fmt.Fprintf(w, "<h1>Hello, %s!</h1>", html.EscapeString(name))
}

func echo(w http.ResponseWriter, r *http.Request) {
	io.WriteString(w, "<p>"+r.FormValue("msg")+"</p>")
}
