package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/delegate-itu/delegate/model/store"
)

// runSync runs `delegatectl sync [NAME] [--json]`.
func runSync(e *env, args []string) error {
	cmd := newWSCommand(e, "sync")
	asJSON := cmd.Bool("json", false, "print what was done as JSON")
	return cmd.run(args, func(pos []string) error {
		if len(pos) > 1 {
			return usagef("sync takes at most one remote name")
		}
		return nil
	}, func(w *store.Workspace, pos []string) error {
		name := ""
		if len(pos) == 1 {
			name = pos[0]
		}
		opts := store.SyncOptions{}
		if !*asJSON {
			opts.Progress = func(s string) { fmt.Fprintln(e.stderr, s+"…") }
		}
		rep, err := w.Sync(context.Background(), name, opts)
		if errors.Is(err, store.ErrNoRemote) {
			return usageError{err}
		}
		if err != nil {
			return err
		}
		if *asJSON {
			err = writeJSON(e, rep)
		} else {
			printSync(e, rep)
		}
		if err == nil && len(rep.Unsafe) > 0 {
			err = fmt.Errorf("synced, but the work of %d colleague(s) was refused (see above): %w", len(rep.Unsafe), store.ErrUnsafeRemote)
		}
		return err
	})
}

func printSync(e *env, rep store.SyncReport) {
	for _, m := range rep.Merged {
		switch m.How {
		case store.MergeUpToDate:
			fmt.Fprintf(e.stdout, "%s: nothing new\n", m.From)
		default:
			fmt.Fprintf(e.stdout, "%s: %d files received (%s)\n", m.From, m.Changed, m.How)
		}
		for _, c := range m.Conflicts {
			fmt.Fprintf(e.stdout, "  conflict: %s was changed here and by %s; both versions kept\n", c, m.From)
		}
	}
	if rep.Published {
		fmt.Fprintf(e.stdout, "published your work as people/%s on %s\n", rep.Me, rep.Remote)
	} else {
		fmt.Fprintf(e.stdout, "%s already has all your work\n", rep.Remote)
	}
	if rep.Conflicts > 0 {
		fmt.Fprintf(e.stdout, "%d open conflict(s): see delegatectl conflicts\n", rep.Conflicts)
	}
	printSignatures(e, rep)
}

// printSignatures lists, per author, incoming commits that were not well
// signed, and the branches refused for it.
func printSignatures(e *env, rep store.SyncReport) {
	for _, a := range rep.Signatures {
		if a.Clean() {
			fmt.Fprintf(e.stdout, "signatures of %s: %d good\n", a.Author, a.Good)
			continue
		}
		fmt.Fprintf(e.stdout, "signatures of %s: %d good, %d unsigned, %d by a key not under keys/, %d bad\n", a.Author, a.Good, a.Unsigned, a.UnknownKey, a.Bad)
		for _, c := range a.BadCommits {
			fmt.Fprintf(e.stdout, "  not verified: commit %s\n", c)
		}
	}
	for _, id := range rep.Refused {
		fmt.Fprintf(e.stdout, "refused the work of %s: unsigned or badly signed commits (delegatectl key require off to accept)\n", id)
	}
	for _, u := range rep.Unsafe {
		fmt.Fprintf(e.stdout, "refused the work of %s: %s; nothing of it was brought in (ask them to check their work)\n", u.Person, u.Reason)
	}
}

// runConflicts runs `delegatectl conflicts [--json]` and
// `delegatectl conflicts resolve ID (--keep mine|PERSON | --file F)`.
func runConflicts(e *env, args []string) error {
	if len(args) > 0 && args[0] == "resolve" {
		return runResolve(e, args[1:])
	}
	cmd := newWSCommand(e, "conflicts")
	asJSON := cmd.Bool("json", false, "print JSON (file texts as base64)")
	return cmd.run(args, nil, func(w *store.Workspace, pos []string) error {
		cs, err := w.Conflicts()
		if err != nil {
			return err
		}
		if *asJSON {
			if cs == nil {
				cs = []store.Conflict{}
			}
			return writeJSON(e, cs)
		}
		if len(cs) == 0 {
			fmt.Fprintln(e.stdout, "no conflicts")
		}
		for _, c := range cs {
			fmt.Fprintf(e.stdout, "== conflict on %s (%s)\n-- mine:\n%s", conflictName(c), c.Path, ensureNL(c.Mine))
			for _, t := range c.Theirs {
				fmt.Fprintf(e.stdout, "-- from %s (%s):\n%s", t.From, t.Path, ensureNL(t.Data))
			}
		}
		return nil
	})
}

func conflictName(c store.Conflict) string {
	if c.ItemID != "" {
		return c.ItemID
	}
	return c.Path
}

func ensureNL(b []byte) string {
	s := string(b)
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return s
}

func runResolve(e *env, args []string) error {
	cmd := newWSCommand(e, "conflicts resolve")
	keep := cmd.String("keep", "", "mine, or the person ID whose version to keep")
	file := cmd.String("file", "", "a file with the combined text to keep")
	return cmd.run(args, func(pos []string) error {
		if len(pos) != 1 || (*keep == "") == (*file == "") {
			return usagef("usage: delegatectl conflicts resolve ID --keep mine|PERSON-ID, or --file FILE")
		}
		return nil
	}, func(w *store.Workspace, pos []string) error {
		chosen, err := chosenText(w, pos[0], *keep, *file)
		if err != nil {
			return err
		}
		if err := w.ResolveConflict(pos[0], chosen); err != nil {
			return usageError{err}
		}
		fmt.Fprintf(e.stdout, "conflict on %s resolved\n", pos[0])
		return nil
	})
}

func chosenText(w *store.Workspace, id, keep, file string) ([]byte, error) {
	if file != "" {
		return readInput(file, maxTextBytes)
	}
	cs, err := w.Conflicts()
	if err != nil {
		return nil, err
	}
	for _, c := range cs {
		if c.ItemID != id && c.Path != id {
			continue
		}
		if keep == "mine" {
			return c.Mine, nil
		}
		for _, t := range c.Theirs {
			if t.From == keep {
				return t.Data, nil
			}
		}
		return nil, usagef("no version from %q in the conflict on %s", keep, id)
	}
	return nil, usagef("no conflict on %s (see delegatectl conflicts)", id)
}
