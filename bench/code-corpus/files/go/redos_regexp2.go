package validate

import "github.com/dlclark/regexp2"

var emailRe = regexp2.MustCompile(`^([a-zA-Z0-9]+\.?)+@example\.com$`, regexp2.None)

func IsCorpEmail(s string) bool {
	ok, _ := emailRe.MatchString(s)
	return ok
}
