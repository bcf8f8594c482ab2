package otp

import (
	"crypto/rand"
	"fmt"
	"math/big"
	mrand "math/rand/v2"
)

func Code() string {
	return fmt.Sprintf("%06d", mrand.IntN(1000000))
}

func CodeSecure() (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(1000000))
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%06d", n.Int64()), nil
}

func Shuffle(items []string) {
	mrand.Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
}
