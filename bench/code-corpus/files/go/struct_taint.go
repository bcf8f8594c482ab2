package report

import (
	"database/sql"
	"fmt"
	"net/http"
	"os/exec"
)

type Filter struct {
	Field string
	Value string
}

func (f Filter) SQL() string {
	return fmt.Sprintf("%s = '%s'", f.Field, f.Value)
}

func Handler(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		f := Filter{Field: "region", Value: r.URL.Query().Get("region")}
		rows, err := db.Query("SELECT * FROM sales WHERE " + f.SQL())
		if err != nil {
			http.Error(w, "error", 500)
			return
		}
		rows.Close()
	}
}

func Export(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	args := []string{"-c", "pg_dump sales > /exports/" + name + ".sql"}
	exec.Command("bash", args...).Run()
}
