package web

import (
	"fmt"
	"html/template"
	"net/http"
)

var page = template.Must(template.New("p").Parse(`<div>{{.Msg}}</div><a href="{{.Link}}">next</a>`))

type data struct {
	Msg  template.HTML
	Link string
}

func Notice(w http.ResponseWriter, r *http.Request) {
	page.Execute(w, data{Msg: template.HTML("<b>" + r.URL.Query().Get("msg") + "</b>"), Link: "/"})
}

func NoticeSafe(w http.ResponseWriter, r *http.Request) {
	page.Execute(w, data{Msg: "Saved", Link: r.URL.Query().Get("next")})
}

func Raw(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write([]byte(fmt.Sprintf("<script>var user = '%s';</script>", r.URL.Query().Get("u"))))
}
