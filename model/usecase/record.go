package usecase

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"syscall"
	"time"

	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/process"
	"github.com/delegate-itu/delegate/model/store"
)

// ZipName is the package file's name in its folder.
func ZipName(res *export.Result) string { return res.ID + ".zip" }

// Write writes the package files and, last, the zip, each atomically
// (a reader or a crash sees a whole file or none), after removing what an
// interrupted earlier write left: a re-run after a crash or a full disk
// rewrites the folder whole. A zip in the folder means every file beside
// it is complete. Nothing is recorded here, so a failure changes nothing
// in the workspace.
func Write(dir string, res *export.Result) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return folderErr(err)
	}
	store.RemoveTemps(dir)
	names := make([]string, 0, len(res.Files)+1)
	for name := range res.Files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range append(names, ZipName(res)) {
		data, ok := res.Files[name]
		if !ok {
			data = res.Zip
		}
		if err := store.WriteFileAtomic(filepath.Join(dir, name), data); err != nil {
			return folderErr(err)
		}
	}
	return nil
}

// folderErr says why the package folder could not be written, and that
// nothing was recorded.
func folderErr(err error) error {
	why := err.Error()
	switch {
	case errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT):
		why = "the disk holding it is full (" + why + ")"
	case errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EROFS):
		why = "no permission to write there, or the drive is read-only (" + why + ")"
	}
	return fmt.Errorf("%w: %s; nothing was recorded as sent and no half-written file is left: free some space or choose another folder, then export again: %w", ErrFolder, why, ErrNothingRecorded)
}

// ErrNothingRecorded means the export stopped before recording; the workspace
// is unchanged.
var ErrNothingRecorded = errors.New("the workspace is unchanged")

// Record records the package as sent, in one transaction of the store
// (store.RecordPackage): its items are marked submitted and the commit it
// was made from is tagged, both or neither, even across a crash or a full
// disk. An export that an older version left tagged but unmarked is
// finished here rather than refused (Recorded.Finished says so).
func Record(w *store.Workspace, res *export.Result, in export.Input) (store.Recorded, error) {
	msg := fmt.Sprintf("Submission package %s: %q to %s\n\nItems: %d\nDraft: %s", res.ID, in.Cover.Title,
		in.Process.Secretariat, len(res.Manifest.Items), in.Draft.ID)
	ids := make([]string, 0, len(res.Manifest.Items))
	for _, it := range res.Manifest.Items {
		ids = append(ids, it.ID)
	}
	rec, err := w.RecordPackage(store.PackageRecord{Name: res.ID, Message: msg, Target: in.Commit, Items: ids})
	if errors.Is(err, store.ErrTagExists) {
		return rec, fmt.Errorf("%w (package %s): %w", ErrAlreadyMade, res.ID, err)
	}
	return rec, err
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
