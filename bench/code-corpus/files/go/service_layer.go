package service

import (
	"database/sql"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
)

type Repo struct{ db *sql.DB }

func (r *Repo) CountByStatus(status string) (int, error) {
	var n int
	q := fmt.Sprintf("SELECT count(*) FROM tickets WHERE status = '%s'", status)
	err := r.db.QueryRow(q).Scan(&n)
	return n, err
}

type Service struct{ repo *Repo }

func (s *Service) Stats(status string) (int, error) { return s.repo.CountByStatus(status) }

type API struct{ svc *Service }

func (a *API) StatsHandler(w http.ResponseWriter, r *http.Request) {
	n, err := a.svc.Stats(r.URL.Query().Get("status"))
	if err != nil {
		http.Error(w, "error", http.StatusInternalServerError)
		return
	}
	fmt.Fprintf(w, "%d", n)
}

func (a *API) Attachment(w http.ResponseWriter, r *http.Request) {
	ticket := r.URL.Query().Get("ticket")
	name := r.URL.Query().Get("name")
	data, err := os.ReadFile(filepath.Join("/srv/tickets", ticket, name))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Write(data)
}
