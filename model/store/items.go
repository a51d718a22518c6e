package store

import (
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/delegate-itu/delegate/model/item"
)

// Folders of the item files inside a workspace.
const (
	CommentsDir = "items/comments"
	OpinionsDir = "items/opinions"
	ProfileFile = "profile.toml"
)

func commentPath(id string) string { return CommentsDir + "/" + id + ".md" }
func opinionPath(id string) string { return OpinionsDir + "/" + id + ".md" }

// SaveComment validates c and commits it as one commit whose message says
// what was done ("Comment on ¶14: edit body"). A new comment (no ID) gets
// an ID, the workspace user as author and a creation time. c is updated
// in place with what was stored.
func (w *Workspace) SaveComment(c *item.Comment, what string) error {
	now := time.Now()
	if c.ID == "" {
		c.ID, c.Created = item.NewID(w.user, now), now
		if c.Author.Name == "" {
			c.Author = w.user
		}
		if c.Review.Status == "" {
			c.Review.Status = item.StatusDraft
		}
	}
	c.Updated = now
	c.Normalize()
	if err := c.Validate(); err != nil {
		return fmt.Errorf("comment not saved: %w", err)
	}
	data, err := FormatComment(*c)
	if err != nil {
		return err
	}
	return w.saveFile(commentPath(c.ID), data, commentSubject(*c)+": "+what, c.ID)
}

// SaveOpinion is SaveComment for an Opinion proposal.
func (w *Workspace) SaveOpinion(o *item.Opinion, what string) error {
	now := time.Now()
	if o.ID == "" {
		o.ID, o.Created = item.NewID(w.user, now), now
		if o.Author.Name == "" {
			o.Author = w.user
		}
		if o.Review.Status == "" {
			o.Review.Status = item.StatusDraft
		}
	}
	if o.Draft == "" {
		o.Draft = w.latestDraft()
	}
	o.Updated = now
	o.Normalize()
	if err := o.Validate(); err != nil {
		return fmt.Errorf("Opinion proposal not saved: %w", err)
	}
	data, err := FormatOpinion(*o)
	if err != nil {
		return err
	}
	return w.saveFile(opinionPath(o.ID), data, opinionSubject(*o)+": "+what, o.ID)
}

func (w *Workspace) saveFile(path string, data []byte, subject, id string) error {
	msg := subject
	if id != "" {
		msg += "\n\nItem: " + id
	}
	_, err := w.commit(msg, []change{{path: path, data: data}})
	return err
}

func commentSubject(c item.Comment) string {
	n := strings.TrimSpace(c.Anchor.Number)
	if n == "" {
		n = c.Anchor.ParagraphID
	} else if strings.IndexFunc(n, func(r rune) bool { return !unicode.IsDigit(r) }) < 0 {
		n = "¶" + n
	}
	return "Comment on " + n
}

func opinionSubject(o item.Opinion) string {
	if o.Amends > 0 {
		return fmt.Sprintf("Opinion proposal on draft Opinion %d", o.Amends)
	}
	return fmt.Sprintf("New Opinion proposal %q", o.Title)
}

// Comment reads one comment as last committed.
func (w *Workspace) Comment(id string) (item.Comment, error) {
	b, err := w.readHead(commentPath(id))
	if err != nil {
		return item.Comment{}, fmt.Errorf("comment %s: %w", id, err)
	}
	c, err := ParseComment(b)
	if err != nil {
		return item.Comment{}, fmt.Errorf("%s: %w", commentPath(id), err)
	}
	return c, nil
}

// Opinion reads one Opinion proposal as last committed.
func (w *Workspace) Opinion(id string) (item.Opinion, error) {
	b, err := w.readHead(opinionPath(id))
	if err != nil {
		return item.Opinion{}, fmt.Errorf("Opinion proposal %s: %w", id, err)
	}
	o, err := ParseOpinion(b)
	if err != nil {
		return item.Opinion{}, fmt.Errorf("%s: %w", opinionPath(id), err)
	}
	return o, nil
}

// Comments reads every comment. A damaged file is reported by name
// instead of hiding the others: the good ones are returned with the error.
func (w *Workspace) Comments() ([]item.Comment, error) {
	var out []item.Comment
	errs := w.eachFile(CommentsDir, func(name string, b []byte) error {
		c, err := ParseComment(b)
		if err == nil {
			out = append(out, c)
		}
		return err
	})
	return out, errs
}

// Opinions reads every Opinion proposal, like Comments.
func (w *Workspace) Opinions() ([]item.Opinion, error) {
	var out []item.Opinion
	errs := w.eachFile(OpinionsDir, func(name string, b []byte) error {
		o, err := ParseOpinion(b)
		if err == nil {
			out = append(out, o)
		}
		return err
	})
	return out, errs
}

func (w *Workspace) eachFile(dir string, fn func(name string, b []byte) error) error {
	ents, err := w.listDir(dir)
	if err != nil {
		return err
	}
	var errs []error
	for _, e := range ents {
		if !e.Mode.IsFile() || !strings.HasSuffix(e.Name, ".md") {
			continue
		}
		blob, err := object.GetBlob(w.st, e.Hash)
		if err == nil {
			var b []byte
			if b, err = blobBytes(blob); err == nil {
				err = fn(e.Name, b)
			}
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s/%s: %w", dir, e.Name, err))
		}
	}
	return errors.Join(errs...)
}

// Profile reads profile.toml; ErrNotFound if the delegation has none yet.
func (w *Workspace) Profile() (item.Profile, error) {
	b, err := w.readHead(ProfileFile)
	if err != nil {
		return item.Profile{}, err
	}
	return ParseProfile(b)
}

// SaveProfile validates and commits the delegation profile.
func (w *Workspace) SaveProfile(p item.Profile, what string) error {
	p.Normalize()
	if err := p.Validate(); err != nil {
		return fmt.Errorf("profile not saved: %w", err)
	}
	data, err := FormatProfile(p)
	if err != nil {
		return err
	}
	return w.saveFile(ProfileFile, data, "Profile: "+what, "")
}

func (w *Workspace) readHead(path string) ([]byte, error) {
	_, _, tree, err := w.head()
	if err != nil {
		return nil, err
	}
	b, _, err := w.readInTree(tree, path)
	return b, err
}

func blobBytes(b *object.Blob) ([]byte, error) {
	r, err := b.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	out := make([]byte, b.Size)
	_, err = io.ReadFull(r, out)
	return out, err
}

// removableFile finds the file of item id at HEAD, a comment's or an Opinion
// proposal's, and names its kind for the commit message.
func (w *Workspace) removableFile(id string) (p, kind string, err error) {
	_, _, tree, err := w.head()
	if err != nil {
		return "", "", err
	}
	for _, k := range []struct{ p, kind string }{{commentPath(id), "comment"}, {opinionPath(id), "Opinion proposal"}} {
		if _, err := w.entryHash(tree, k.p); err == nil {
			return k.p, k.kind, nil
		} else if !errors.Is(err, ErrNotFound) {
			return "", "", err
		}
	}
	return "", "", fmt.Errorf("%w: no comment or Opinion proposal %s (see delegatectl list); nothing was changed", ErrNotFound, id)
}

// RemoveItem deletes a comment or Opinion proposal (and any conflict
// copies of it) as one commit saying who removed it and why. It reads
// nothing of the item but its name, so it also takes out a file that
// cannot be parsed, one a colleague's sync refuses: the way to unblock a
// delegation. The deletion syncs like any save; an edit a colleague made
// meanwhile wins over it (the merge never lets a deletion beat an edit).
func (w *Workspace) RemoveItem(id, reason string) error {
	reason = strings.TrimSpace(reason)
	if checkIncomingName(id) != nil || strings.TrimSpace(id) != id {
		return fmt.Errorf("%w: %q is not an item ID (see delegatectl list)", ErrNotFound, id)
	}
	if !utf8.ValidString(reason) || strings.IndexFunc(reason, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }) >= 0 {
		return fmt.Errorf("%w: the reason holds a control character or text that is not UTF-8", ErrNotSaved)
	}
	p, kind, err := w.removableFile(id)
	if err != nil {
		return err
	}
	changes := []change{{path: p, del: true}}
	copies, err := w.listDir(ConflictsDir + "/" + path.Dir(p))
	if err != nil {
		return err
	}
	for _, e := range copies {
		if strings.HasPrefix(e.Name, id+conflictFrom) {
			changes = append(changes, change{path: ConflictsDir + "/" + path.Dir(p) + "/" + e.Name, del: true})
		}
	}
	msg := "Remove " + kind + " " + id
	if reason != "" {
		msg += "\n\n" + reason
	}
	_, err = w.commit(msg+"\n\nItem: "+id, changes)
	return err
}

// latestDraft is the ID of the last draft imported ("" before the
// first): the draft an Opinion proposal saved without one is written on.
func (w *Workspace) latestDraft() string {
	ds, err := w.Drafts()
	if err != nil || len(ds) == 0 {
		return ""
	}
	last := ds[0]
	for _, d := range ds[1:] {
		if !d.Imported.Before(last.Imported) {
			last = d
		}
	}
	return last.ID
}
