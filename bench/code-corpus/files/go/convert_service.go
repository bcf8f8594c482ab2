package convert

import (
	"context"
	"os/exec"
	"strconv"
)

type Request struct {
	Input  string
	Width  int
	Format string
}

func shell(ctx context.Context, script string) ([]byte, error) {
	return exec.CommandContext(ctx, "sh", "-c", script).Output()
}

func Thumbnail(ctx context.Context, r Request) ([]byte, error) {
	return shell(ctx, "convert "+r.Input+" -resize "+strconv.Itoa(r.Width)+" out."+r.Format)
}

func ThumbnailSafe(ctx context.Context, r Request) ([]byte, error) {
	return exec.CommandContext(ctx, "convert", r.Input, "-resize", strconv.Itoa(r.Width), "out.png").Output()
}
