package net2

import (
	"crypto/tls"
	"net/smtp"
)

func DialInsecure(addr string) (*tls.Conn, error) {
	return tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true})
}

func Dial(addr, host string) (*tls.Conn, error) {
	return tls.Dial("tcp", addr, &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12})
}

func SendMail(c *smtp.Client) error {
	return c.StartTLS(&tls.Config{InsecureSkipVerify: true, ServerName: "smtp.example.com"})
}
