package main

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"
)

type Product struct {
	ID       uint
	Name     string
	Category string
}

func registerProductRoutes(r *gin.Engine, db *gorm.DB) {
	r.GET("/products", func(c *gin.Context) {
		var products []Product
		category := c.Query("category")
		db.Raw("SELECT * FROM products WHERE category = '" + category + "'").Scan(&products)
		c.JSON(http.StatusOK, products)
	})

	r.GET("/products/search", func(c *gin.Context) {
		var products []Product
		db.Where("name LIKE ?", "%"+c.Query("q")+"%").Find(&products)
		c.JSON(http.StatusOK, products)
	})

	r.GET("/products/sorted", func(c *gin.Context) {
		var products []Product
		db.Order(c.Query("order")).Find(&products)
		c.JSON(http.StatusOK, products)
	})

	r.GET("/products/page", func(c *gin.Context) {
		var products []Product
		page, _ := strconv.Atoi(c.DefaultQuery("page", "1"))
		db.Raw("SELECT * FROM products LIMIT 20 OFFSET " + strconv.Itoa((page-1)*20)).Scan(&products)
		c.JSON(http.StatusOK, products)
	})
}
