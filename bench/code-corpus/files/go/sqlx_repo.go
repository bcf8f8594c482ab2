package store

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

type Repo struct{ db *sqlx.DB }

var sortColumns = map[string]string{"name": "name", "created": "created_at"}

func (r *Repo) ListByTenant(ctx context.Context, tenant, sort string) ([]Item, error) {
	col, ok := sortColumns[sort]
	if !ok {
		col = "created_at"
	}
	var items []Item
	q := fmt.Sprintf("SELECT * FROM items WHERE tenant = $1 ORDER BY %s", col)
	err := r.db.SelectContext(ctx, &items, q, tenant)
	return items, err
}

func (r *Repo) FindByTag(ctx context.Context, tag string) ([]Item, error) {
	var items []Item
	err := r.db.SelectContext(ctx, &items, "SELECT * FROM items WHERE tag = '"+tag+"'")
	return items, err
}

type Item struct {
	ID  int    `db:"id"`
	Tag string `db:"tag"`
}
