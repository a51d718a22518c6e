package store

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report/redline"
)

// Version is one saved state of an item: who, when, why, which commit.
type Version struct {
	N       int         `json:"version"` // 1 is the first save
	Commit  string      `json:"commit"`
	Author  item.Person `json:"author"`
	When    time.Time   `json:"when"`
	Message string      `json:"message"` // the commit's subject line
	Deleted bool        `json:"deleted,omitempty"`
}

// itemPath finds the file of an item ID, also for items no longer in HEAD.
func (w *Workspace) itemPath(id string) (string, error) {
	if err := item.CheckID(id); err != nil {
		return "", fmt.Errorf("%w: %w", ErrNotFound, err)
	}
	x, err := w.history()
	if err != nil {
		return "", err
	}
	for _, p := range []string{commentPath(id), opinionPath(id)} {
		if len(x.byPath[p]) > 0 {
			return p, nil
		}
	}
	return "", fmt.Errorf("%w: no comment or Opinion proposal with ID %s", ErrNotFound, id)
}

// History lists an item's versions, oldest first. It reads the history
// index and only the commits that touched the item.
func (w *Workspace) History(id string) ([]Version, error) {
	p, err := w.itemPath(id)
	if err != nil {
		return nil, err
	}
	entries := w.hist.byPath[p]
	out := make([]Version, 0, len(entries))
	for i, e := range entries {
		c, err := object.GetCommit(w.st, e.commit)
		if err != nil {
			return nil, err
		}
		subject, _, _ := strings.Cut(c.Message, "\n")
		out = append(out, Version{N: i + 1, Commit: e.commit.String(), Author: item.Person{Name: c.Author.Name, Email: c.Author.Email},
			When: c.Author.When, Message: subject, Deleted: e.deleted})
	}
	return out, nil
}

// VersionBytes returns the file of an item as saved in version n.
func (w *Workspace) VersionBytes(id string, n int) ([]byte, error) {
	vs, err := w.History(id)
	if err != nil {
		return nil, err
	}
	if n < 1 || n > len(vs) {
		return nil, fmt.Errorf("%w: %s has versions 1 to %d, not %d", ErrNotFound, id, len(vs), n)
	}
	if vs[n-1].Deleted {
		return nil, fmt.Errorf("%w: version %d of %s is its deletion", ErrNotFound, n, id)
	}
	p, _ := w.itemPath(id)
	b, _, err := w.readAt(plumbing.NewHash(vs[n-1].Commit), p)
	return b, err
}

// Diff compares two versions of an item word by word.
func (w *Workspace) Diff(id string, from, to int) ([]redline.Op, error) {
	a, err := w.VersionBytes(id, from)
	if err != nil {
		return nil, err
	}
	b, err := w.VersionBytes(id, to)
	if err != nil {
		return nil, err
	}
	return redline.Diff(string(a), string(b)), nil
}

// Restore makes version n the current one again, as a new commit: the
// versions in between stay in the history.
func (w *Workspace) Restore(id string, n int) error {
	b, err := w.VersionBytes(id, n)
	if err != nil {
		return err
	}
	p, _ := w.itemPath(id)
	subject := "Item " + id
	if c, err := ParseComment(b); err == nil && strings.HasPrefix(p, CommentsDir) {
		subject = commentSubject(c)
	} else if o, err := ParseOpinion(b); err == nil {
		subject = opinionSubject(o)
	}
	vs, _ := w.History(id)
	msg := fmt.Sprintf("%s: restore version %d (%s)", subject, n, vs[n-1].Commit[:7])
	h, err := w.commit(msg+"\n\nItem: "+id, []change{{path: p, data: b}})
	if err == nil && h.IsZero() {
		return fmt.Errorf("%s is already as in version %d", id, n)
	}
	return err
}

// ErrTagExists means a package tag of that name was already made.
var ErrTagExists = errors.New("a package with that name was already tagged")

// TagPackage marks the current commit as what went out in a submission
// package (an annotated tag "name"), so "which version did we send?"
// always has an answer.
func (w *Workspace) TagPackage(name, message string) error {
	if err := w.writable(); err != nil {
		return err
	}
	if err := checkTagName(name); err != nil {
		return err
	}
	if _, err := w.st.Reference(plumbing.NewTagReferenceName(name)); err == nil {
		return fmt.Errorf("%w: %s", ErrTagExists, name)
	}
	_, head, _, err := w.head()
	if err != nil {
		return err
	}
	return w.writeTag(name, message, head)
}

// Head is the current commit, for manifests that record what was sent.
func (w *Workspace) Head() (string, error) {
	_, h, _, err := w.head()
	return h.String(), err
}
