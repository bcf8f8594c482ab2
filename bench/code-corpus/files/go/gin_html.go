package main

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func greet(c *gin.Context) {
	c.Data(http.StatusOK, "text/html; charset=utf-8", []byte("<p>Hi "+c.Query("name")+"</p>"))
}

func greetJSON(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"greeting": "Hi " + c.Query("name")})
}
