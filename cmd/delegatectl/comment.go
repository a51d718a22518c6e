package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store"
)

// runComment dispatches `delegatectl comment add`.
func runComment(e *env, args []string) error {
	if len(args) == 0 || args[0] != "add" {
		return usagef("usage: delegatectl comment add --para N [--draft ID] [--quote TEXT] [--kind K] --body TEXT [--action MOD --proposed TEXT]")
	}
	return runCommentAdd(e, args[1:])
}

// commentFlags are the flags shared by comment add and edit.
type commentFlags struct {
	kind, body, bodyFile, reasons, themes          *string
	action, existing, proposed, status, statusNote *string
}

func addCommentFlags(fs interface {
	String(name, value, usage string) *string
}) commentFlags {
	return commentFlags{
		kind:       fs.String("kind", "", "general, editorial, substantive or question"),
		body:       fs.String("body", "", "the comment, in Markdown"),
		bodyFile:   fs.String("body-file", "", "read the body from this file (- for standard input)"),
		reasons:    fs.String("reasons", "", "reasons for a text proposal"),
		themes:     fs.String("sub-themes", "", "sub-theme numbers, e.g. 1,3"),
		action:     fs.String("action", "", "text proposal: ADD, MOD or SUP"),
		existing:   fs.String("existing", "", "text proposal: the existing text (default: the quote)"),
		proposed:   fs.String("proposed", "", "text proposal: the proposed text"),
		status:     fs.String("status", "", "move to a status: ready-for-review, changes-requested, approved, submitted, acknowledged, withdrawn, draft"),
		statusNote: fs.String("note", "", "with --status: reviewer's note, package name or secretariat number"),
	}
}

func runCommentAdd(e *env, args []string) error {
	cmd := newWSCommand(e, "comment add")
	draft := cmd.String("draft", "", "draft ID (default: the latest imported)")
	para := cmd.String("para", "", "paragraph as displayed: 14, ¶14 or \"§3.2 ¶14\"")
	quote := cmd.String("quote", "", "the passage commented on, copied from the paragraph")
	cf := addCommentFlags(cmd.FlagSet)
	return cmd.run(args, func(pos []string) error {
		if len(pos) > 0 || *para == "" {
			return usagef("comment add needs --para (and no other arguments)")
		}
		return nil
	}, func(w *store.Workspace, pos []string) error {
		a, err := resolveAnchor(w, *draft, *para, *quote)
		if err != nil {
			return err
		}
		c := item.Comment{Anchor: a, Kind: item.KindGeneral}
		if _, err := cf.apply(&c, a.Quote); err != nil {
			return err
		}
		said := len(w.Recovered())
		err = w.SaveComment(&c, "add")
		sayRepairs(e, w, said)
		if err != nil {
			return saveError(err)
		}
		fmt.Fprintf(e.stdout, "added comment %s on %s\n", c.ID, c.Anchor.Number)
		return nil
	})
}

// apply copies the given flags into c and says which parts changed.
func (cf commentFlags) apply(c *item.Comment, quote string) ([]string, error) {
	var what []string
	if *cf.kind != "" {
		k, err := item.ParseKind(*cf.kind)
		if err != nil {
			return nil, usageError{err}
		}
		c.Kind, what = k, append(what, "kind")
	}
	body, err := readBody(*cf.body, *cf.bodyFile)
	if err != nil {
		return nil, err
	}
	if body != "" {
		c.Body, what = body, append(what, "body")
	}
	if *cf.reasons != "" {
		c.Reasons, what = *cf.reasons, append(what, "reasons")
	}
	if *cf.themes != "" {
		ns, err := parseInts(*cf.themes)
		if err != nil {
			return nil, err
		}
		c.SubThemes, what = ns, append(what, "sub-themes")
	}
	if changed, err := cf.applyProposal(c, quote); err != nil || changed {
		what = append(what, "proposal")
		if err != nil {
			return nil, err
		}
	}
	return cf.applyStatus(&c.Review, what)
}

func (cf commentFlags) applyProposal(c *item.Comment, quote string) (bool, error) {
	if *cf.action == "" && *cf.proposed == "" && *cf.existing == "" {
		return false, nil
	}
	p := item.Proposal{Action: item.ActionMod}
	if c.Proposal != nil {
		p = *c.Proposal
	}
	if *cf.action != "" {
		a, err := item.ParseAction(*cf.action)
		if err != nil {
			return true, usageError{err}
		}
		p.Action = a
	}
	if *cf.existing != "" {
		p.Existing = *cf.existing
	} else if p.Existing == "" && p.Action != item.ActionAdd {
		p.Existing = quote
	}
	if *cf.proposed != "" {
		p.Proposed = *cf.proposed
	}
	c.Proposal = &p
	return true, nil
}

func (cf commentFlags) applyStatus(r *item.Review, what []string) ([]string, error) {
	if *cf.status == "" {
		return what, nil
	}
	s, err := item.ParseStatus(*cf.status)
	if err != nil {
		return nil, usageError{err}
	}
	next, err := r.Move(s, *cf.statusNote)
	if err != nil {
		return nil, usageError{err}
	}
	*r = next
	return append(what, "status "+string(s)), nil
}

// saveError gives a refused save status 2 (bad input: an invalid item,
// text colleagues' sync would refuse) unless the folder or the disk
// refused it, or another Delegate holds the workspace (status 1).
func saveError(err error) error {
	for _, not := range []error{store.ErrReadOnly, store.ErrDiskFull, store.ErrNoPermission, store.ErrFolderBehind, store.ErrLocked} {
		if errors.Is(err, not) {
			return err
		}
	}
	return usageError{err}
}

func readBody(body, file string) (string, error) {
	switch file {
	case "":
		return body, nil
	case "-":
		b, err := readStdin(maxTextBytes)
		return string(b), err
	}
	b, err := readInput(file, maxTextBytes)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

func parseInts(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			return nil, usagef("%q is not a list of numbers like 1,3", s)
		}
		out = append(out, n)
	}
	return out, nil
}
