package submit

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/process"
	"github.com/delegate-itu/delegate/model/store"
)

// ZipName is the package file's name in its folder.
func ZipName(res *export.Result) string { return res.ID + ".zip" }

// Write writes the zip and, next to it, its files unpacked, so the user
// can open message.eml and the .docx directly.
func Write(dir string, res *export.Result) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("%w: %w", ErrFolder, err)
	}
	if err := os.WriteFile(filepath.Join(dir, ZipName(res)), res.Zip, 0o644); err != nil {
		return err
	}
	for name, data := range res.Files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Record tags the commit the package was made from, then marks its items
// submitted in one new commit, so "which version did we send?" has an
// answer and the items leave the review queue.
func Record(w *store.Workspace, res *export.Result, in export.Input) error {
	msg := fmt.Sprintf("Submission package %s: %q to %s\n\nItems: %d\nDraft: %s", res.ID, in.Cover.Title,
		in.Process.Secretariat, len(res.Manifest.Items), in.Draft.ID)
	if err := w.TagPackage(res.ID, msg); err != nil {
		if errors.Is(err, store.ErrTagExists) {
			return fmt.Errorf("%w (package %s): %w", ErrAlreadyMade, res.ID, err)
		}
		return err
	}
	var ids []string
	for _, it := range res.Manifest.Items {
		if it.Status != item.StatusSubmitted && it.Status != item.StatusAcknowledged && item.CanMove(it.Status, item.StatusSubmitted) {
			ids = append(ids, it.ID)
		}
	}
	return w.MarkSubmitted(ids, res.ID)
}

// NominationInput gathers what an expert nomination e-mail needs from the
// workspace: the delegation, and the sender (a contact, else the user).
func NominationInput(w *store.Workspace, p *process.Profile, expert item.Nomination, sender string, made time.Time) (export.NominationInput, error) {
	in := export.NominationInput{Process: p, Expert: expert, Made: made}
	var err error
	if in.Delegation, err = w.Profile(); err != nil && !errors.Is(err, store.ErrNotFound) {
		return in, err
	}
	if in.Sender, err = Sender(in.Delegation, sender, w.User()); err != nil {
		return in, err
	}
	if in.Sender.Email == "" {
		u := w.User()
		in.Sender = item.Contact{Name: u.Name, Email: u.Email}
	}
	return in, nil
}
