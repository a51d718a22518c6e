package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/delegate-itu/delegate/model/gitrepo"
)

// ErrBadUnsavedName is returned for an unsaved-edit slot whose name is not
// a short lower-case word: the name becomes a file name, so it must not
// climb out of the slot folder.
var ErrBadUnsavedName = errors.New("not a name for unsaved edits")

// unsavedDir is where unsaved edits live, inside the repository folder so
// git never sees them and a copy of the workspace carries them along. It
// has been the same place since the first release, so edits left by an
// older Delegate are still found.
const unsavedDir = "delegate-ui"

// Unsaved is one slot of edits not yet saved as a commit (the comment
// form, the Opinion form), so a crash or a power cut loses nothing. The
// bytes are the caller's: the store only keeps them.
type Unsaved struct {
	path string
	err  error // the name was refused
}

// Unsaved returns the slot called name ("unsaved", "unsaved-opinion"):
// lower-case letters, digits and inner hyphens only.
func (w *Workspace) Unsaved(name string) *Unsaved {
	if !goodUnsavedName(name) {
		return &Unsaved{err: fmt.Errorf("%w: %q", ErrBadUnsavedName, name)}
	}
	return &Unsaved{path: filepath.Join(w.dir, ".git", unsavedDir, name+".json")}
}

func goodUnsavedName(name string) bool {
	if name == "" || len(name) > 64 || name[0] == '-' || name[len(name)-1] == '-' {
		return false
	}
	for _, r := range name {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-' {
			return false
		}
	}
	return true
}

// Save replaces the slot's edits with data atomically: a crash while
// saving leaves the previous edits, never half of the new ones.
func (u *Unsaved) Save(data []byte) error {
	if u.err != nil {
		return u.err
	}
	if err := gitrepo.WriteFileAtomic(u.path, data); err != nil {
		return fmt.Errorf("keep unsaved edits: %w", diskErr(err))
	}
	return nil
}

// Load returns the slot's edits; ErrNotFound when there are none.
func (u *Unsaved) Load() ([]byte, error) {
	if u.err != nil {
		return nil, u.err
	}
	b, err := os.ReadFile(u.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("unsaved edits: %w", ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("read unsaved edits: %w", err)
	}
	return b, nil
}

// Discard drops the slot's edits, after a save or when the user throws
// them away; a slot already empty is not an error.
func (u *Unsaved) Discard() error {
	if u.err != nil {
		return u.err
	}
	if err := os.Remove(u.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("discard unsaved edits: %w", err)
	}
	return nil
}
