package main

import (
	"database/sql"
	"net/http"

	"github.com/labstack/echo/v4"
)

type handler struct{ db *sql.DB }

func (h *handler) userPosts(c echo.Context) error {
	user := c.Param("user")
	rows, err := h.db.Query("SELECT title FROM posts WHERE author = '" + user + "' ORDER BY id DESC")
	if err != nil {
		return err
	}
	defer rows.Close()
	return c.JSON(http.StatusOK, collect(rows))
}

func (h *handler) hello(c echo.Context) error {
	return c.HTML(http.StatusOK, "<p>Hello "+c.QueryParam("name")+"</p>")
}

func (h *handler) helloText(c echo.Context) error {
	return c.String(http.StatusOK, "Hello "+c.QueryParam("name"))
}

func collect(rows *sql.Rows) []string {
	var out []string
	for rows.Next() {
		var t string
		rows.Scan(&t)
		out = append(out, t)
	}
	return out
}
