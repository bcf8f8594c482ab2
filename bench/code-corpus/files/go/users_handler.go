package api

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
)

type Server struct {
	DB *sql.DB
}

func (s *Server) SearchUsers(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	query := fmt.Sprintf("SELECT id, name FROM users WHERE name = '%s'", name)
	rows, err := s.DB.Query(query)
	if err != nil {
		http.Error(w, "db error", http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	json.NewEncoder(w).Encode(scanUsers(rows))
}

func (s *Server) GetUser(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	row := s.DB.QueryRow("SELECT id, name FROM users WHERE id = $1", id)
	var u struct {
		ID   int
		Name string
	}
	if err := row.Scan(&u.ID, &u.Name); err != nil {
		http.NotFound(w, r)
		return
	}
	json.NewEncoder(w).Encode(u)
}

func (s *Server) DeleteUser(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("id")
	_, err := s.DB.Exec("DELETE FROM users WHERE id = " + id)
	if err != nil {
		http.Error(w, "db error", http.StatusInternalServerError)
	}
}

func scanUsers(rows *sql.Rows) []string {
	var out []string
	for rows.Next() {
		var id int
		var name string
		rows.Scan(&id, &name)
		out = append(out, name)
	}
	return out
}
