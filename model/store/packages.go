package store

import (
	"fmt"
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

// ImportItems imports a package's items like Import with
// RefuseCollisions: nothing already in the workspace is ever replaced.
func (w *Workspace) ImportItems(sender item.Person, pkg string, comments []item.Comment, opinions []item.Opinion) error {
	_, err := w.Import(Received{Sender: sender, Package: pkg, Comments: comments, Opinions: opinions}, RefuseCollisions)
	return err
}
