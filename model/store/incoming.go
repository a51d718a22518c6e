package store

import (
	"errors"
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/process"
)

// ErrUnsafeRemote is wrapped when a remote offers work Delegate will not
// bring into the workspace: a path that would escape the folder or break
// on Windows, a link, a huge or unreadable item file. Nothing is changed.
var ErrUnsafeRemote = errors.New("the work on the remote holds a file Delegate will not bring into your workspace; nothing was changed here")

// Limits on what a synced branch may hold: far above any delegation's work.
const (
	maxIncomingEntries  = 100000
	maxIncomingDepth    = 12
	maxIncomingBlob     = 64 << 20 // a report draft's source is at most 30 MB
	maxIncomingItemFile = 1 << 20  // an item file is a few kilobytes
)

// checkIncoming walks the tree of commit tip (a person's branch, read from
// src) before any of it reaches the workspace. known skips trees and blobs
// already in the workspace, so a sync checks only what is new.
func checkIncoming(src storer.EncodedObjectStorer, tip plumbing.Hash, known func(plumbing.Hash) bool) error {
	c, err := object.GetCommit(src, tip)
	if err != nil {
		return fmt.Errorf("%w: commit %s cannot be read: %v", ErrUnsafeRemote, tip, err)
	}
	n := 0
	return walkIncoming(src, c.TreeHash, "", 0, &n, known)
}

func walkIncoming(src storer.EncodedObjectStorer, h plumbing.Hash, dir string, depth int, n *int, known func(plumbing.Hash) bool) error {
	if known != nil && known(h) {
		return nil
	}
	if depth > maxIncomingDepth {
		return fmt.Errorf("%w: %s is nested more than %d folders deep", ErrUnsafeRemote, dir, maxIncomingDepth)
	}
	t, err := object.GetTree(src, h)
	if err != nil {
		return fmt.Errorf("%w: folder %q cannot be read: %v", ErrUnsafeRemote, dir, err)
	}
	for _, e := range t.Entries {
		if *n++; *n > maxIncomingEntries {
			return fmt.Errorf("%w: it holds more than %d files", ErrUnsafeRemote, maxIncomingEntries)
		}
		p := path.Join(dir, e.Name)
		if dir == "" {
			p = e.Name
		}
		if err := checkIncomingName(e.Name); err != nil {
			return fmt.Errorf("%w: %q %v", ErrUnsafeRemote, p, err)
		}
		switch e.Mode {
		case filemode.Dir:
			err = walkIncoming(src, e.Hash, p, depth+1, n, known)
		case filemode.Regular, filemode.Executable, filemode.Deprecated:
			if known == nil || !known(e.Hash) {
				err = checkIncomingFile(src, p, e.Hash)
			}
		default:
			err = fmt.Errorf("%w: %q is a link or a sub-repository, not a file", ErrUnsafeRemote, p)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// checkIncomingName refuses names that escape the folder (".."), reach
// into git's own folder, or that Windows cannot hold.
func checkIncomingName(name string) error {
	switch {
	case name == "" || name == "." || name == "..":
		return errors.New("is not a file name")
	case strings.EqualFold(strings.TrimRight(name, ". "), ".git"):
		return errors.New("would write into git's own folder")
	case strings.ContainsAny(name, `/\:*?"<>|`):
		return errors.New(`holds a character Windows does not allow in file names (\ / : * ? " < > |)`)
	case strings.IndexFunc(name, unicode.IsControl) >= 0 || !utf8.ValidString(name):
		return errors.New("holds a control character or invalid text")
	case strings.HasSuffix(name, ".") || strings.HasSuffix(name, " "):
		return errors.New("ends with a dot or a space, which Windows drops")
	case item.WindowsReservedName(name):
		return errors.New("is a device name on Windows (like CON or NUL)")
	}
	return nil
}

// checkIncomingFile bounds a file's size and reads the workspace's own
// files (items, profile, corrections, draft records) the way Delegate
// will, so one that cannot be read never arrives. Items are parsed, not
// validated: a rule added in a later version must not block a sync of
// work saved under an earlier one (what reaches an e-mail is checked when
// the e-mail is written).
func checkIncomingFile(src storer.EncodedObjectStorer, p string, h plumbing.Hash) error {
	obj, err := src.EncodedObject(plumbing.BlobObject, h)
	if err != nil {
		return fmt.Errorf("%w: %q cannot be read: %v", ErrUnsafeRemote, p, err)
	}
	if obj.Size() > maxIncomingBlob {
		return fmt.Errorf("%w: %q is %d MB", ErrUnsafeRemote, p, obj.Size()>>20)
	}
	parse := incomingParser(p)
	if parse == nil {
		return nil
	}
	if obj.Size() > maxIncomingItemFile {
		return fmt.Errorf("%w: %q is %d KB, far more than an item file holds", ErrUnsafeRemote, p, obj.Size()>>10)
	}
	b, err := readRaw(src, h)
	if err == nil {
		err = parse(b)
	}
	if err != nil {
		return fmt.Errorf("%w: %q cannot be read: %v", ErrUnsafeRemote, p, err)
	}
	return nil
}

// incomingParser is the check for a workspace file at p, nil for others.
func incomingParser(p string) func([]byte) error {
	p = strings.TrimPrefix(p, ConflictsDir+"/")
	dir, name := path.Split(p)
	id := strings.TrimSuffix(name, ".md")
	if i := strings.Index(id, conflictFrom); i > 0 {
		id = id[:i]
	}
	text := func(b []byte) error {
		if !utf8.Valid(b) || strings.ContainsRune(string(b), 0) {
			return errors.New("it is not UTF-8 text")
		}
		return nil
	}
	switch {
	case dir == CommentsDir+"/" && strings.HasSuffix(name, ".md"):
		return func(b []byte) error {
			c, err := ParseComment(b)
			return firstErr(text(b), err, sameID(c.ID, id))
		}
	case dir == OpinionsDir+"/" && strings.HasSuffix(name, ".md"):
		return func(b []byte) error {
			o, err := ParseOpinion(b)
			return firstErr(text(b), err, sameID(o.ID, id))
		}
	case p == ProfileFile:
		return func(b []byte) error { _, err := ParseProfile(b); return firstErr(text(b), err) }
	case p == ProcessCorrectionsFile:
		return func(b []byte) error { _, err := process.ParseCorrections(b); return firstErr(text(b), err) }
	case strings.HasPrefix(dir, DraftsDir+"/") && name == "draft.toml":
		return func(b []byte) error { _, err := ParseDraftMeta(b); return firstErr(text(b), err) }
	}
	return nil
}

func sameID(got, want string) error {
	if got != want {
		return fmt.Errorf("it holds item %q, not %q", got, want)
	}
	return nil
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// headObjects is the set of trees and blobs in the current commit's tree:
// what is already in the workspace needs no check when it comes back.
func (w *Workspace) headObjects() (func(plumbing.Hash) bool, error) {
	_, _, tree, err := w.head()
	if err != nil {
		return nil, err
	}
	seen := map[plumbing.Hash]bool{}
	var walk func(h plumbing.Hash) error
	walk = func(h plumbing.Hash) error {
		if h.IsZero() || seen[h] {
			return nil
		}
		seen[h] = true
		t, err := object.GetTree(w.st, h)
		if err != nil {
			return err
		}
		for _, e := range t.Entries {
			if e.Mode == filemode.Dir {
				if err := walk(e.Hash); err != nil {
					return err
				}
			} else {
				seen[e.Hash] = true
			}
		}
		return nil
	}
	return func(h plumbing.Hash) bool { return seen[h] }, walk(tree)
}
