package rpc

import (
	"crypto/tls"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
)

func Dial(addr string) (*grpc.ClientConn, error) {
	cfg := &tls.Config{}
	cfg.InsecureSkipVerify = true
	return grpc.Dial(addr, grpc.WithTransportCredentials(credentials.NewTLS(cfg)))
}
