package ldapauth

import (
	"crypto/tls"
	"os"

	"github.com/go-ldap/ldap/v3"
)

func Dial() (*ldap.Conn, error) {
	return ldap.DialURL("ldaps://ldap.corp.example:636", ldap.DialWithTLSConfig(&tls.Config{InsecureSkipVerify: true}))
}

func DialVerified() (*ldap.Conn, error) {
	return ldap.DialURL("ldaps://ldap.corp.example:636", ldap.DialWithTLSConfig(&tls.Config{ServerName: "ldap.corp.example"}))
}

func Bind(c *ldap.Conn, user string) error {
	return c.Bind(user, os.Getenv("LDAP_BIND_PASSWORD"))
}

func BindService(c *ldap.Conn) error {
	return c.Bind("cn=svc,dc=corp,dc=example", "Sup3rS3cret-example!")
}
