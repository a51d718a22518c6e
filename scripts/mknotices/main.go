// Command mknotices writes the third-party notices shipped with Delegate:
// the licence files of every Go module linked into delegate or delegatectl
// on Linux, Windows or macOS, of the Go standard library, of the C library
// GLFW compiled in through go-gl, and of the fonts Fyne embeds. Licences
// are read from the module cache, so the file follows go.mod exactly; CI
// runs it with -check to catch a dependency change that forgot it.
//
//	go run ./scripts/mknotices [-out assets/legal/third-party-notices.md] [-check]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
)

func main() {
	out := flag.String("out", "assets/legal/third-party-notices.md", "the notices file")
	check := flag.Bool("check", false, "fail when the file is not current instead of writing it")
	flag.Parse()
	comps, err := components()
	if err != nil {
		fmt.Fprintln(os.Stderr, "mknotices:", err)
		os.Exit(1)
	}
	text := render(comps)
	if *check {
		old, err := os.ReadFile(*out)
		if err != nil || !bytes.Equal(old, text) {
			fmt.Fprintf(os.Stderr, "mknotices: %s is not current: run `make notices` and commit it\n", *out)
			os.Exit(1)
		}
		fmt.Println("mknotices: ok")
		return
	}
	if err := os.WriteFile(*out, text, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "mknotices:", err)
		os.Exit(1)
	}
}
