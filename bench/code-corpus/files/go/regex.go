package validate

import "regexp"

var (
	emailRe = regexp.MustCompile(`^([a-zA-Z0-9_.+-])+@(([a-zA-Z0-9-])+\.)+([a-zA-Z0-9]{2,4})+$`)
	idRe    = regexp.MustCompile(`^[0-9a-f]{32}$`)
)

func IsEmail(s string) bool { return emailRe.MatchString(s) }
func IsID(s string) bool    { return idRe.MatchString(s) }
