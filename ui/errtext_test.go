package ui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/store"
)

func TestUserErrorSaysModelErrorsInTheInterfaceLanguage(t *testing.T) {
	other := errors.New("something else")
	cases := []struct {
		name string
		err  error
		want []string
	}{
		{"wrapped import error", fmt.Errorf("draft.pdf: %w", report.ErrPDF), []string{"This is a PDF."}},
		{"not saved, disk full", fmt.Errorf("%w: %w", store.ErrNotSaved, fmt.Errorf("%w (write: no space)", store.ErrDiskFull)),
			[]string{"Not saved: the previous version is kept.", "The disk holding the workspace is full."}},
		{"saved, folder behind", fmt.Errorf("%w: %w", store.ErrFolderBehind, store.ErrNoPermission),
			[]string{"Saved in the history", "no permission to write"}},
		{"export not recorded", fmt.Errorf("%w: %w", store.ErrNotRecorded, fmt.Errorf("%w (write: no space)", store.ErrDiskFull)),
			[]string{"The package was not recorded as sent; nothing was changed", "The disk holding the workspace is full."}},
		{"export partly recorded", fmt.Errorf("%w: %w", store.ErrRecordPending, store.ErrNoPermission),
			[]string{"finishes recording it when the workspace is opened again", "no permission to write"}},
		{"not synced", fmt.Errorf("%w: %w", store.ErrNotSynced, store.ErrDiskFull),
			[]string{"Not synced: nothing was merged or published", "The disk holding the workspace is full."}},
		{"shared folder full", fmt.Errorf("merged here, but not published: %w", store.ErrRemoteDiskFull),
			[]string{"The disk holding the shared folder is full."}},
		{"unknown passes through", other, []string{"something else"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := userError(c.err).Error()
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("userError(%v) = %q, want it to contain %q", c.err, got, w)
				}
			}
			if c.err == other && userError(c.err) != other {
				t.Error("an error the UI does not know must reach the user unchanged")
			}
		})
	}
}
