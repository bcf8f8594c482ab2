package auth

import "github.com/golang-jwt/jwt/v5"

func IssueUnsigned(sub string) (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{"sub": sub})
	return tok.SignedString(jwt.UnsafeAllowNoneSignatureType)
}
