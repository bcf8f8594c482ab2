package main

import (
	"database/sql"
	"fmt"
	"net/http"
)

func reportHandler(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, req *http.Request) {
		region := req.URL.Query().Get("region")
		q := fmt.Sprintf("SELECT id, total FROM reports WHERE region = '%s'", region)
		rows, err := db.Query(q)
		if err != nil {
			http.Error(w, "query failed", http.StatusInternalServerError)
			return
		}
		defer rows.Close()
		fmt.Fprintln(w, "ok")
	}
}

func regionHandler(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, req *http.Request) {
		region := req.URL.Query().Get("region")
		rows, err := db.Query("SELECT id, total FROM reports WHERE region = $1", region)
		if err != nil {
			http.Error(w, "query failed", http.StatusInternalServerError)
			return
		}
		defer rows.Close()
		fmt.Fprintln(w, "ok")
	}
}
