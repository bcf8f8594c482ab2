package api

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
)

type OrdersAPI struct {
	DB *sql.DB
}

func (a *OrdersAPI) Cancel(w http.ResponseWriter, r *http.Request) {
	orderID := r.URL.Query().Get("order")
	cancel := func() error {
		_, err := a.DB.Exec("UPDATE orders SET status = 'cancelled' WHERE id = " + orderID)
		return err
	}
	if err := cancel(); err != nil {
		http.Error(w, "failed", http.StatusInternalServerError)
	}
}

func (a *OrdersAPI) Page(w http.ResponseWriter, r *http.Request) {
	page := r.URL.Query().Get("page")
	q := fmt.Sprintf("SELECT id, total FROM orders ORDER BY id LIMIT 20 OFFSET %d", page)
	rows, err := a.DB.Query(q)
	if err != nil {
		http.Error(w, "failed", http.StatusInternalServerError)
		return
	}
	defer rows.Close()
}

func (a *OrdersAPI) Echo(w http.ResponseWriter, r *http.Request) {
	note := r.URL.Query().Get("note")
	w.Write([]byte("<p>" + note + "</p>"))
}

func (a *OrdersAPI) EchoJSON(w http.ResponseWriter, r *http.Request) {
	note := r.URL.Query().Get("note")
	body, _ := json.Marshal(map[string]string{"note": note})
	w.Write(body)
}

func StaticFiles() http.Handler {
	return http.FileServer(http.Dir("/"))
}

func PublicFiles() http.Handler {
	return http.FileServer(http.Dir("./public"))
}

var statusClient = &http.Client{}

func StatusRequest() *http.Request {
	req, _ := http.NewRequest("GET", "https://status.internal.example/api", nil)
	req.Header.Set("Authorization", "Bearer 7fQk2LmZp9XwR4tV1sNb8cJh")
	return req
}
