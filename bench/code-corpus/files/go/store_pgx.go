package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Store struct{ pool *pgxpool.Pool }

func (s *Store) Search(ctx context.Context, fields map[string]string) (int, error) {
	var conds []string
	for k, v := range fields {
		conds = append(conds, fmt.Sprintf("%s = '%s'", k, v))
	}
	q := "SELECT count(*) FROM products WHERE " + strings.Join(conds, " AND ")
	var n int
	err := s.pool.QueryRow(ctx, q).Scan(&n)
	return n, err
}

func (s *Store) ByOwner(ctx context.Context, owner string) (int, error) {
	var n int
	err := s.pool.QueryRow(ctx, "SELECT count(*) FROM products WHERE owner = $1", owner).Scan(&n)
	return n, err
}

func (s *Store) Page(ctx context.Context, limit, offset int) (int, error) {
	q := fmt.Sprintf("SELECT count(*) FROM (SELECT 1 FROM products LIMIT %d OFFSET %d) t", limit, offset)
	var n int
	err := s.pool.QueryRow(ctx, q).Scan(&n)
	return n, err
}
