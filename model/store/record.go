package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/delegate-itu/delegate/model/item"

	"github.com/delegate-itu/delegate/model/gitrepo"
)

// Recording a package as sent is one transaction of two git steps: a
// commit moving the items to "submitted", then the package tag on the
// commit the package was made from. A journal (.git/delegate/recording)
// is written before either and removed after both; while it exists, the
// transaction is pending and Open (or the next RecordPackage) rolls it
// forward: it marks whichever items are not yet submitted and writes the
// tag if missing. Rolling forward rather than back is safe because both
// steps are idempotent and the package files were already written: the
// user asked for it to be recorded. The tag is written last, so a
// workspace never has the tag (which refuses a second export of that
// version) without the statuses.

// Errors of RecordPackage, said in the user's words.
var (
	// ErrNotRecorded: recording failed before anything changed.
	ErrNotRecorded = errors.New("the package was not recorded as sent; nothing was changed in the workspace")
	// ErrRecordPending: recording stopped half-way; the journal stays and
	// the next Open finishes it.
	ErrRecordPending = errors.New("the package is only partly recorded as sent; Delegate finishes recording it when the workspace is opened again")
)

// PackageRecord is what recording one submission package writes.
type PackageRecord struct {
	Name    string   `json:"name"`    // the package ID, the tag's name
	Message string   `json:"message"` // the tag's message
	Target  string   `json:"target"`  // the commit the package was made from
	Items   []string `json:"items"`   // the items to mark submitted in it
}

// Recorded says what RecordPackage did.
type Recorded struct {
	// Marked is how many items were moved to submitted.
	Marked int
	// Finished: an earlier recording of this package had been
	// interrupted (tag without statuses, or a pending journal); this one
	// completed it.
	Finished bool
}

func (w *Workspace) recordJournal() string { return filepath.Join(w.delegateDir(), "recording") }

// RecordPackage tags rec.Target as package rec.Name and marks rec.Items
// submitted in it, as one transaction (see above). A tag of that name on
// the same commit with the items still unmarked (what an export killed
// between the two steps left before this transaction existed) is
// finished, not refused; any other existing tag gives ErrTagExists.
func (w *Workspace) RecordPackage(rec PackageRecord) (Recorded, error) {
	out, pending, done, err := w.prepareRecording(rec)
	if err != nil || done {
		return out, err
	}
	return w.writeRecording(rec, pending, out)
}

// prepareRecording checks a recording can start, finishes one an
// interruption left, and returns the items still to mark; done says there
// is nothing left to do (the same recording was just finished).
func (w *Workspace) prepareRecording(rec PackageRecord) (out Recorded, pending []string, done bool, err error) {
	if err := checkTagName(rec.Name); err != nil {
		return out, nil, false, err
	}
	target := plumbing.NewHash(rec.Target)
	if !w.isCommit(rec.Target) {
		return out, nil, false, fmt.Errorf("%w: the package was made from commit %q, which the workspace does not hold", ErrNotRecorded, rec.Target)
	}
	if _, err := os.Stat(w.recordJournal()); err == nil {
		prev, err := w.finishRecording()
		if err != nil {
			return out, nil, false, err
		}
		if prev.Name == rec.Name {
			out.Finished = true
		}
	}
	pending, err = w.unmarked(rec)
	if err != nil {
		return out, nil, false, err
	}
	if ref, err := w.st.Reference(plumbing.NewTagReferenceName(rec.Name)); err == nil {
		if len(pending) == 0 || w.tagTarget(ref.Hash()) != target {
			if out.Finished {
				return out, nil, true, nil
			}
			return out, nil, false, fmt.Errorf("%w: %s", ErrTagExists, rec.Name)
		}
		out.Finished = true // tagged, never marked: finish it
	}
	return out, pending, false, nil
}

// writeRecording is the transaction itself: journal, status commit, tag,
// journal removed.
func (w *Workspace) writeRecording(rec PackageRecord, pending []string, out Recorded) (Recorded, error) {
	b, err := json.Marshal(rec)
	if err == nil {
		err = gitrepo.WriteFileAtomic(w.recordJournal(), b)
	}
	if err != nil {
		return out, fmt.Errorf("%w: %w", ErrNotRecorded, diskErr(err))
	}
	n, err := w.markSubmitted(pending, rec.Name)
	if err != nil && !errors.Is(err, ErrFolderBehind) { // no status commit: undo the journal
		if rerr := os.Remove(w.recordJournal()); rerr == nil {
			return out, fmt.Errorf("%w: %w", ErrNotRecorded, inWords(err))
		}
	}
	if err == nil {
		out.Marked = n
		err = w.ensureTag(rec)
	}
	if err != nil {
		return out, fmt.Errorf("%w: %w", ErrRecordPending, inWords(err))
	}
	_ = os.Remove(w.recordJournal()) // done; a journal left is found complete by Open
	return out, nil
}

// finishRecording rolls a pending recording forward and returns it.
func (w *Workspace) finishRecording() (PackageRecord, error) {
	var rec PackageRecord
	w.sweepTemps(true) // a tag object the interruption left half-written
	b, err := os.ReadFile(w.recordJournal())
	if err != nil {
		return rec, fmt.Errorf("%w: read the journal of an interrupted recording: %w", ErrRecordPending, inWords(err))
	}
	if err := json.Unmarshal(b, &rec); err != nil || checkTagName(rec.Name) != nil || !w.isCommit(rec.Target) {
		// Written atomically, so never half: not ours. Leave nothing pending.
		w.recovered = append(w.recovered, "removed an unreadable journal of a package recording")
		return rec, os.Remove(w.recordJournal())
	}
	pending, err := w.unmarked(rec)
	if err == nil {
		_, err = w.markSubmitted(pending, rec.Name)
	}
	if err == nil {
		err = w.ensureTag(rec)
	}
	if err == nil {
		err = os.Remove(w.recordJournal())
	}
	if err != nil {
		return rec, fmt.Errorf("%w (package %s): %w", ErrRecordPending, rec.Name, inWords(err))
	}
	w.recovered = append(w.recovered, fmt.Sprintf("finished recording package %s as sent, which was interrupted (%d items marked submitted now, tagged)", rec.Name, len(pending)))
	return rec, nil
}

// unmarked lists the items of rec not yet submitted in it that can be.
func (w *Workspace) unmarked(rec PackageRecord) ([]string, error) {
	var out []string
	for _, id := range rec.Items {
		rv, err := w.review(id)
		if errors.Is(err, ErrNotFound) {
			continue // deleted since: nothing to mark
		}
		if err != nil {
			return nil, err
		}
		if rv.Status == item.StatusSubmitted || rv.Status == item.StatusAcknowledged || !item.CanMove(rv.Status, item.StatusSubmitted) {
			continue
		}
		out = append(out, id)
	}
	return out, nil
}

func (w *Workspace) review(id string) (item.Review, error) {
	if c, err := w.Comment(id); err == nil {
		return c.Review, nil
	}
	o, err := w.Opinion(id)
	return o.Review, err
}

// markSubmitted is MarkSubmitted returning how many items it moved.
func (w *Workspace) markSubmitted(ids []string, pkg string) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	return len(ids), w.MarkSubmitted(ids, pkg)
}

// ensureTag writes rec's tag unless it exists.
func (w *Workspace) ensureTag(rec PackageRecord) error {
	if _, err := w.st.Reference(plumbing.NewTagReferenceName(rec.Name)); err == nil {
		return nil
	}
	return w.writeTag(rec.Name, rec.Message, plumbing.NewHash(rec.Target))
}

// isCommit reports whether s names a commit the workspace holds.
func (w *Workspace) isCommit(s string) bool {
	h := plumbing.NewHash(s)
	if h.IsZero() || h.String() != s {
		return false
	}
	_, err := object.GetCommit(w.st, h)
	return err == nil
}

// tagTarget is the commit an annotated (or lightweight) tag points at.
func (w *Workspace) tagTarget(h plumbing.Hash) plumbing.Hash {
	if t, err := object.GetTag(w.st, h); err == nil {
		return t.Target
	}
	return h
}

func checkTagName(name string) error {
	ref := plumbing.NewTagReferenceName(name)
	if name == "" || strings.ContainsAny(name, " ~^:?*[\\") || strings.Contains(name, "..") || ref.Validate() != nil {
		return fmt.Errorf("package name %q cannot be a tag: use letters, digits, '-', '_' and '.'", name)
	}
	return nil
}

// writeTag writes an annotated tag on target; the ref's atomic rename is
// its commit point.
func (w *Workspace) writeTag(name, message string, target plumbing.Hash) error {
	sig := object.Signature{Name: w.user.Name, Email: w.user.Email, When: time.Now()}
	tag := &object.Tag{Name: name, Tagger: sig, Message: strings.TrimRight(message, "\n") + "\n", TargetType: plumbing.CommitObject, Target: target}
	if err := w.signTag(tag); err != nil {
		return err
	}
	obj := &plumbing.MemoryObject{}
	if err := tag.Encode(obj); err != nil {
		return err
	}
	r, _ := obj.Reader() // a MemoryObject's reader never fails
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	th, err := w.writeObject(plumbing.TagObject, raw)
	if err != nil {
		return err
	}
	return gitrepo.WriteFileAtomic(w.abs(".git/"+plumbing.NewTagReferenceName(name).String()), []byte(th.String()+"\n"))
}

// inWords names a disk error in words unless it already is.
func inWords(err error) error {
	if errors.Is(err, ErrDiskFull) || errors.Is(err, ErrNoPermission) {
		return err
	}
	return diskErr(err)
}

// WriteFileAtomic writes a file outside the workspace (a package folder)
// the way the store writes its own: a reader or a crash sees the old
// file or the new one, never half; the temporary file is removed on
// failure. The error is the system's, for the caller to word: the folder
// is not the workspace.
func WriteFileAtomic(path string, data []byte) error { return gitrepo.WriteFileAtomic(path, data) }

// RemoveTemps deletes the temporary files an interrupted WriteFileAtomic
// left in dir, so a re-run after a crash leaves a clean folder.
func RemoveTemps(dir string) []string { return gitrepo.RemoveTemps(dir) }
