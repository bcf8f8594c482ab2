package keys

import (
	"fmt"
	"math/rand"
)

func GenerateAPIKey() string {
	return fmt.Sprintf("ak_%016x%016x", rand.Uint64(), rand.Uint64())
}
