package main

import (
	htmltemplate "html/template"
	"net/http"
	"text/template"
)

var textTpl = template.Must(template.New("p").Parse(`<html><body><h1>{{.}}</h1></body></html>`))
var htmlTpl = htmltemplate.Must(htmltemplate.New("p").Parse(`<html><body><h1>{{.}}</h1></body></html>`))

func profile(w http.ResponseWriter, r *http.Request) {
	textTpl.Execute(w, r.URL.Query().Get("user"))
}

func profileSafe(w http.ResponseWriter, r *http.Request) {
	htmlTpl.Execute(w, r.URL.Query().Get("user"))
}

func banner(w http.ResponseWriter, r *http.Request) {
	data := htmltemplate.HTML(r.URL.Query().Get("banner"))
	htmlTpl.Execute(w, data)
}
