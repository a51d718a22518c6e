package main

import (
	"bytes"
	"fmt"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store"
)

// runOpinion dispatches `delegatectl opinion add FILE` and
// `delegatectl opinion edit ID FILE`. FILE is the same
// format as a stored Opinion proposal (docs/file-format.md) without id,
// author, times and review: TOML, optionally between "+++" lines and
// followed by Markdown notes.
func runOpinion(e *env, args []string) error {
	const usage = "usage: delegatectl opinion add FILE | opinion edit ID FILE [--workspace DIR]"
	if len(args) == 0 || (args[0] != "add" && args[0] != "edit") {
		return usagef(usage)
	}
	cmd := newWSCommand(e, "opinion "+args[0])
	var o item.Opinion
	return cmd.run(args[1:], func(pos []string) (err error) {
		if (args[0] == "add" && len(pos) != 1) || (args[0] == "edit" && len(pos) != 2) {
			return usagef(usage)
		}
		o, err = readOpinionFile(pos[len(pos)-1])
		return err
	}, func(w *store.Workspace, pos []string) error {
		file, what := pos[len(pos)-1], "add"
		if args[0] == "edit" {
			old, err := w.Opinion(pos[0])
			if err != nil {
				return usageError{err}
			}
			o.ID, o.Author, o.Created, o.Review, what = old.ID, old.Author, old.Created, old.Review, "edit text"
		}
		if err := w.SaveOpinion(&o, what); err != nil {
			return usagef("%s: %v", file, err)
		}
		fmt.Fprintf(e.stdout, "saved Opinion proposal %s (%s): %s\n", o.ID, o.Title, what)
		return nil
	})
}

// readOpinionFile reads an Opinion proposal written by hand.
func readOpinionFile(file string) (item.Opinion, error) {
	b, err := readInput(file, maxTextBytes)
	if err != nil {
		return item.Opinion{}, err
	}
	if !bytes.HasPrefix(b, []byte("+++\n")) {
		b = append(append([]byte("+++\n"), bytes.TrimRight(b, "\n")...), "\n+++\n"...)
	}
	o, err := store.ParseOpinion(b)
	if err != nil {
		return o, usagef("%s: %v", file, err)
	}
	if o.ID != "" || o.Author.Name != "" || !o.Created.IsZero() || o.Review.Status != "" {
		return o, usagef("%s: leave out id, author, created, updated and review: Delegate sets them", file)
	}
	return o, nil
}
