package api

import (
	"context"
	"database/sql"
	"net/http"
)

func Lookup(ctx context.Context, db *sql.DB, r *http.Request) (*sql.Rows, error) {
	email := r.URL.Query().Get("email")
	return db.QueryContext(ctx, "SELECT id FROM accounts WHERE email = '"+email+"'")
}

func LookupSafe(ctx context.Context, db *sql.DB, r *http.Request) (*sql.Rows, error) {
	return db.QueryContext(ctx, "SELECT id FROM accounts WHERE email = ?", r.URL.Query().Get("email"))
}
