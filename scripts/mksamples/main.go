// Command mksamples generates the sample report drafts in assets/samples:
// it reads the hand-written draft2.md, applies a fixed list of named edits
// to produce draft3.md and the ground-truth changes-2-to-3.json, and writes
// both drafts as .docx in the secretariat's Word form.
//
//	go run ./scripts/mksamples [-dir assets/samples]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	dir := flag.String("dir", "assets/samples", "directory holding draft2.md; outputs are written there")
	flag.Parse()
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "mksamples:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	src, err := os.ReadFile(filepath.Join(dir, "draft2.md"))
	if err != nil {
		return err
	}
	files, err := generate(string(src))
	if err != nil {
		return err
	}
	for _, name := range outputNames {
		if err := os.WriteFile(filepath.Join(dir, name), files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}
