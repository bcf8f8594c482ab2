package config

import "os"

const (
	awsAccessKey = "AKIAIOSFODNN7EXAMPLE"
	awsRegion    = "us-west-2"
	awsSecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
)

var DBPassword = os.Getenv("DB_PASSWORD")

var dsn = "postgres://app:Tr0ub4dor&3-example@db.internal:5432/app?sslmode=require"

func DSN() string {
	if v := os.Getenv("DATABASE_URL"); v != "" {
		return v
	}
	return dsn
}
