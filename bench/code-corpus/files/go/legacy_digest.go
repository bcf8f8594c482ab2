package main

import (
	"crypto/sha256"

	"golang.org/x/crypto/md4"
)

func legacyPasswordDigest(password []byte) []byte {
	return md4.New().Sum(password)
}

func contentDigest(blob []byte) []byte {
	sum := sha256.Sum256(blob)
	return sum[:]
}
