package main

import (
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/delegate-itu/delegate/model/report/redline"
	"github.com/delegate-itu/delegate/model/store"
)

// runHistory is `delegatectl history ID [--json]`: every saved version.
func runHistory(e *env, args []string) error {
	cmd := newWSCommand(e, "history")
	asJSON := cmd.Bool("json", false, "print JSON")
	return cmd.run(args, nArgs(1, "usage: delegatectl history ID [--json]"), func(w *store.Workspace, pos []string) error {
		vs, err := w.History(pos[0])
		if err != nil {
			return usageError{err}
		}
		if *asJSON {
			return writeJSON(e, vs)
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "VERSION\tDATE\tAUTHOR\tCOMMIT\tWHAT")
		for _, v := range vs {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", v.N, v.When.Local().Format("2006-01-02 15:04:05"), line(v.Author.Name), v.Commit[:7], line(v.Message))
		}
		return tw.Flush()
	})
}

// runRestore is `delegatectl restore ID VERSION`: a new commit with the
// old content; nothing in between is lost.
func runRestore(e *env, args []string) error {
	cmd := newWSCommand(e, "restore")
	var n int
	return cmd.run(args, func(pos []string) (err error) {
		if len(pos) != 2 {
			return usagef("usage: delegatectl restore ID VERSION")
		}
		if n, err = strconv.Atoi(pos[1]); err != nil {
			return usagef("VERSION must be a number from delegatectl history %s", pos[0])
		}
		return nil
	}, func(w *store.Workspace, pos []string) error {
		if err := w.Restore(pos[0], n); err != nil {
			return usageError{err}
		}
		vs, _ := w.History(pos[0])
		fmt.Fprintf(e.stdout, "restored %s to version %d (now version %d)\n", pos[0], n, len(vs))
		return nil
	})
}

// runDiff is `delegatectl diff ID FROM TO [--json]`: a word diff of two
// versions, in git's --word-diff notation.
func runDiff(e *env, args []string) error {
	cmd := newWSCommand(e, "diff")
	var from, to int
	asJSON := cmd.Bool("json", false, "print JSON")
	return cmd.run(args, func(pos []string) error {
		if len(pos) != 3 {
			return usagef("usage: delegatectl diff ID FROM TO [--json]")
		}
		var err1, err2 error
		from, err1 = strconv.Atoi(pos[1])
		to, err2 = strconv.Atoi(pos[2])
		if err1 != nil || err2 != nil {
			return usagef("FROM and TO are version numbers from delegatectl history %s", pos[0])
		}
		return nil
	}, func(w *store.Workspace, pos []string) error {
		ops, err := w.Diff(pos[0], from, to)
		if err != nil {
			return usageError{err}
		}
		if *asJSON {
			return writeJSON(e, ops)
		}
		d := redline.Render(ops)
		if !strings.HasSuffix(d, "\n") {
			d += "\n"
		}
		fmt.Fprint(e.stdout, d)
		return nil
	})
}
