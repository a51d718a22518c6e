package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"

	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/userfile"
)

// TestInputFileRefusalsAreWorded: a device or folder picked in the draft
// dialog, a draft over the limit and a missing home folder reach the user
// as sentences in the interface language, saying nothing was imported.
func TestInputFileRefusalsAreWorded(t *testing.T) {
	if err := pickedFile(storage.NewFileURI("/dev/zero")); err == nil {
		t.Fatal("/dev/zero was accepted as a draft")
	}
	if err := pickedFile(storage.NewFileURI(t.TempDir())); err == nil {
		t.Fatal("a folder was accepted as a draft")
	}
	for _, c := range []struct {
		err  error
		want string
	}{
		{pickedFile(storage.NewFileURI("/dev/zero")), "This is not a regular file (a device, a pipe or a folder). Choose a file. Nothing was imported."},
		{fmt.Errorf("open: %w", &userfile.TooLargeError{Path: "/home/ana/draft.docx", Size: 40 << 20, Limit: 30 << 20}),
			"draft.docx is larger than 30 MB, too large for what it should be. Nothing was imported."},
		{store.ErrNoHome, "No home folder is set (HOME), so Delegate does not know where to put the workspace."},
	} {
		if got := userError(c.err).Error(); !strings.Contains(got, c.want) {
			t.Errorf("userError(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}
