package main

import "log"

type dbConfig struct {
	Host     string
	User     string
	Password string
}

func openDB(host, user, password string) {
	cfg := dbConfig{Host: host, User: user, Password: password}
	log.Printf("connecting with %+v", cfg)
	safe := dbConfig{Host: host, User: user}
	log.Printf("connecting to %+v", safe)
}
