package main

import (
	"net/http"
	"path/filepath"

	"github.com/gin-gonic/gin"
)

func upload(c *gin.Context) {
	file, _ := c.FormFile("file")
	dst := "/var/uploads/" + c.PostForm("dir") + "/" + file.Filename
	c.SaveUploadedFile(file, dst)
	c.Status(http.StatusCreated)
}

func uploadSafe(c *gin.Context) {
	file, _ := c.FormFile("file")
	dst := filepath.Join("/var/uploads", filepath.Base(file.Filename))
	c.SaveUploadedFile(file, dst)
	c.Status(http.StatusCreated)
}

func openLog(c *gin.Context) {
	c.File("/var/log/app/" + c.Query("name"))
}
