package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store"
)

// workspaceFlag adds --workspace to a subcommand's flags.
func workspaceFlag(fs *flag.FlagSet) *string {
	return fs.String("workspace", "", "workspace folder (default $"+store.EnvWorkspace+", else the user data folder)")
}

// openWorkspace opens the workspace and tells the user what Open had to
// repair, so an interrupted save is never silent.
func openWorkspace(e *env, dir string) (*store.Workspace, error) {
	where, err := store.Locate(dir, "")
	if err != nil {
		return nil, usageError{err}
	}
	w, err := store.Open(where, store.Options{})
	if errors.Is(err, store.ErrNotWorkspace) {
		return nil, usageError{err}
	}
	if err != nil {
		return nil, err
	}
	for _, r := range w.Recovered() {
		fmt.Fprintln(e.stderr, "note:", r)
	}
	if ro := w.ReadOnly(); ro != nil {
		fmt.Fprintln(e.stderr, "note:", ro)
	}
	if err := useSigningKey(w); err != nil {
		_ = w.Close()
		return nil, err
	}
	return w, nil
}

// sayRepairs prints what a save had to repair beyond what Open already
// said (a git index damaged since, rebuilt by the save).
func sayRepairs(e *env, w *store.Workspace, said int) {
	for _, r := range w.Recovered()[min(said, len(w.Recovered())):] {
		fmt.Fprintln(e.stderr, "note:", r)
	}
}

// parseInterleaved parses flags that may come before, between or after the
// positional arguments ("show ID --json" as well as "show --json ID").
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// itemKindOf tells whether an ID is a comment or an Opinion proposal.
func loadItem(w *store.Workspace, id string) (*item.Comment, *item.Opinion, error) {
	c, err := w.Comment(id)
	if err == nil {
		return &c, nil, nil
	}
	if !errors.Is(err, store.ErrNotFound) {
		return nil, nil, fmt.Errorf("%w (if it cannot be repaired, delegatectl item remove %s takes it out)", err, id)
	}
	o, err := w.Opinion(id)
	if err == nil {
		return nil, &o, nil
	}
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil, usagef("no comment or Opinion proposal %s (see delegatectl list)", id)
	}
	return nil, nil, fmt.Errorf("%w (if it cannot be repaired, delegatectl item remove %s takes it out)", err, id)
}

// oneLine shortens text for a table cell.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// wsCommand is a workspace subcommand's flags, with --workspace: the
// preamble every such subcommand shares (flags, arguments, usage check,
// open, close) is its run, written once.
type wsCommand struct {
	*flag.FlagSet
	e   *env
	dir *string
}

// newWSCommand starts the flags of subcommand name with --workspace.
func newWSCommand(e *env, name string) *wsCommand {
	fs := newFlags(e, name)
	return &wsCommand{FlagSet: fs, e: e, dir: workspaceFlag(fs)}
}

// run parses args (flags before, between or after the arguments), lets
// check refuse the arguments (nil checks nothing), opens the workspace
// (saying what Open repaired), runs do on it and closes it.
func (c *wsCommand) run(args []string, check func(pos []string) error, do func(w *store.Workspace, pos []string) error) error {
	pos, err := parseInterleaved(c.FlagSet, args)
	if err != nil {
		return err
	}
	if check != nil {
		if err := check(pos); err != nil {
			return err
		}
	}
	w, err := openWorkspace(c.e, *c.dir)
	if err != nil {
		return err
	}
	defer w.Close()
	return do(w, pos)
}

// nArgs is a check for exactly n arguments, refused with usage.
func nArgs(n int, usage string) func(pos []string) error {
	return func(pos []string) error {
		if len(pos) != n {
			return usageError{errors.New(usage)}
		}
		return nil
	}
}
