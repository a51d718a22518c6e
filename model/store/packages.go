package store

import (
	"fmt"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/delegate-itu/delegate/model/item"
)

// HeadTime is the current commit and its author time: a submission
// package takes its date from it, so one commit always gives one package.
func (w *Workspace) HeadTime() (string, time.Time, error) {
	_, h, _, err := w.head()
	if err != nil || h.IsZero() {
		return "", time.Time{}, err
	}
	c, err := object.GetCommit(w.st, h)
	if err != nil {
		return "", time.Time{}, err
	}
	return h.String(), c.Author.When, nil
}

// MarkSubmitted moves the given items to submitted in package pkg, all in
// one commit, so the history shows one "sent" step per package.
func (w *Workspace) MarkSubmitted(ids []string, pkg string) error {
	var changes []change
	for _, id := range ids {
		data, err := w.submittedFile(id, pkg)
		if err != nil {
			return err
		}
		changes = append(changes, data)
	}
	if len(changes) == 0 {
		return nil
	}
	msg := fmt.Sprintf("Submitted %d items in package %s\n\nPackage: %s", len(ids), pkg, pkg)
	for _, id := range ids {
		msg += "\nItem: " + id
	}
	_, err := w.commit(msg, changes)
	return err
}

func (w *Workspace) submittedFile(id, pkg string) (change, error) {
	if c, err := w.Comment(id); err == nil {
		next, err := c.Review.Move(item.StatusSubmitted, pkg)
		if err != nil {
			return change{}, fmt.Errorf("%s: %w", id, err)
		}
		c.Review, c.Updated = next, time.Now()
		c.Normalize()
		data, err := FormatComment(c)
		return change{path: commentPath(id), data: data}, err
	}
	o, err := w.Opinion(id)
	if err != nil {
		return change{}, err
	}
	next, err := o.Review.Move(item.StatusSubmitted, pkg)
	if err != nil {
		return change{}, fmt.Errorf("%s: %w", id, err)
	}
	o.Review, o.Updated = next, time.Now()
	o.Normalize()
	data, err := FormatOpinion(o)
	return change{path: opinionPath(id), data: data}, err
}

// ImportItems saves items received in an expert's package in one commit
// authored by the sender, keeping each item's own author, ID and times.
// They arrive ready for review: the coordinator decides what goes on.
func (w *Workspace) ImportItems(sender item.Person, pkg string, comments []item.Comment, opinions []item.Opinion) error {
	var changes []change
	var ids []string
	for _, c := range comments {
		c.Review = item.Review{Status: item.StatusReady}
		c.Normalize()
		if err := c.Validate(); err != nil {
			return fmt.Errorf("comment %s: %w", c.ID, err)
		}
		data, err := FormatComment(c)
		if err != nil {
			return err
		}
		changes, ids = append(changes, change{path: commentPath(c.ID), data: data}), append(ids, c.ID)
	}
	for _, o := range opinions {
		o.Review = item.Review{Status: item.StatusReady}
		o.Normalize()
		if err := o.Validate(); err != nil {
			return fmt.Errorf("the Opinion proposal %s: %w", o.ID, err)
		}
		data, err := FormatOpinion(o)
		if err != nil {
			return err
		}
		changes, ids = append(changes, change{path: opinionPath(o.ID), data: data}), append(ids, o.ID)
	}
	if len(changes) == 0 {
		return nil
	}
	msg := fmt.Sprintf("Import %d items from package %s\n\nPackage: %s\nItem: %s", len(ids), pkg, pkg, strings.Join(ids, "\nItem: "))
	if err := sender.Validate("sender"); err != nil {
		sender = w.user
	}
	saved := w.user
	w.user = sender
	defer func() { w.user = saved }()
	_, err := w.commit(msg, changes)
	return err
}
