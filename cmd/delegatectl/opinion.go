package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/delegate-itu/delegate/model/store"
)

// runOpinion dispatches `delegatectl opinion add FILE`. FILE is the same
// format as a stored Opinion proposal (docs/file-format.md) without id,
// author, times and review: TOML, optionally between "+++" lines and
// followed by Markdown notes.
func runOpinion(e *env, args []string) error {
	if len(args) == 0 || args[0] != "add" {
		return usagef("usage: delegatectl opinion add FILE [--workspace DIR]")
	}
	fs := newFlags(e, "opinion add")
	dir := workspaceFlag(fs)
	pos, err := parseInterleaved(fs, args[1:])
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("usage: delegatectl opinion add FILE [--workspace DIR]")
	}
	b, err := os.ReadFile(pos[0])
	if err != nil {
		return usageError{err}
	}
	if !bytes.HasPrefix(b, []byte("+++\n")) {
		b = append(append([]byte("+++\n"), bytes.TrimRight(b, "\n")...), "\n+++\n"...)
	}
	o, err := store.ParseOpinion(b)
	if err != nil {
		return usagef("%s: %v", pos[0], err)
	}
	if o.ID != "" || o.Author.Name != "" || !o.Created.IsZero() || o.Review.Status != "" {
		return usagef("%s: leave out id, author, created, updated and review: Delegate sets them", pos[0])
	}
	w, err := openWorkspace(e, *dir)
	if err != nil {
		return err
	}
	defer w.Close()
	if err := w.SaveOpinion(&o, "add"); err != nil {
		return usagef("%s: %v", pos[0], err)
	}
	fmt.Fprintf(e.stdout, "added Opinion proposal %s (%s)\n", o.ID, o.Title)
	return nil
}
