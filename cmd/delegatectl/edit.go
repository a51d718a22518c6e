package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store"
)

// runEdit is `delegatectl edit ID [--body ...] [--kind ...] [--status ...]`:
// one commit per edit, its message naming what changed.
func runEdit(e *env, args []string) error {
	cmd := newWSCommand(e, "edit")
	cf := addCommentFlags(cmd.FlagSet)
	return cmd.run(args, nArgs(1, "usage: delegatectl edit ID [--body TEXT] [--kind K] [--proposed TEXT] [--status S --note N]"), func(w *store.Workspace, pos []string) error {
		c, o, err := loadItem(w, pos[0])
		if err != nil {
			return err
		}
		var what []string
		defer sayRepairs(e, w, len(w.Recovered()))
		if c != nil {
			if what, err = cf.apply(c, c.Anchor.Quote); err == nil && len(what) > 0 {
				err = w.SaveComment(c, "edit "+strings.Join(what, ", "))
			}
		} else {
			what, err = editOpinion(w.SaveOpinion, o, cf)
		}
		if errors.Is(err, store.ErrUnshareable) { // also a status change: the item already holds what colleagues refuse
			err = fmt.Errorf("%w (change that text with --body, or take the item out with delegatectl item remove %s)", err, pos[0])
		}
		if err != nil {
			return saveError(err)
		}
		if len(what) == 0 {
			return usagef("nothing to change: give --body, --kind, --status, ...")
		}
		fmt.Fprintf(e.stdout, "saved %s: edit %s\n", pos[0], strings.Join(what, ", "))
		return nil
	})
}

// editOpinion applies the flags that make sense for an Opinion proposal
// (body notes, reasons, status).
func editOpinion(save func(*item.Opinion, string) error, o *item.Opinion, cf commentFlags) ([]string, error) {
	var what []string
	body, err := readBody(*cf.body, *cf.bodyFile)
	if err != nil {
		return nil, err
	}
	if body != "" {
		o.Body, what = body, append(what, "notes")
	}
	if *cf.reasons != "" {
		o.Reasons, what = *cf.reasons, append(what, "reasons")
	}
	if *cf.kind != "" || *cf.action != "" || *cf.proposed != "" {
		return nil, usagef("--kind and text proposals apply to comments; edit the Opinion's items in its file")
	}
	if what, err = cf.applyStatus(&o.Review, what); err != nil || len(what) == 0 {
		return what, err
	}
	return what, save(o, "edit "+strings.Join(what, ", "))
}
