package ui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/store/storetest"
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
		{"remote inside the workspace", fmt.Errorf("%w (/w/items; nothing was changed)", store.ErrRemoteInWorkspace),
			[]string{"The shared folder is inside this workspace. Choose a folder outside it"}},
		{"no place for a token", fmt.Errorf("save the token: %w", store.ErrNoTokenPlace),
			[]string{"No home folder is set (HOME), so there is no place outside the workspace to keep the access token."}},
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

// TestRefusedSaveSaidInTheInterfaceLanguage: the store's real refusals
// of a save colleagues' sync would refuse (a NUL byte, text that is not
// UTF-8, over 1 MB) reach the user in the interface language, saying
// first that nothing was saved, then why.
func TestRefusedSaveSaidInTheInterfaceLanguage(t *testing.T) {
	w := storetest.New(t)
	t.Cleanup(func() { SetLanguage(language.English) })
	for _, c := range []struct {
		body, en, fr string
	}{
		{"a\x00b", "The text holds a NUL character", "Le texte contient un caractère NUL"},
		{"caf\xe9", "The text holds characters that are not UTF-8", "Le texte contient des caractères qui ne sont pas en UTF-8"},
		{strings.Repeat("x", 1<<20), "The item is larger than 1 MB", "L'élément dépasse 1 Mo"},
	} {
		cm := storetest.Comment("3", c.body)
		err := w.SaveComment(&cm, "add")
		if !errors.Is(err, store.ErrNotSaved) {
			t.Fatalf("save %q: %v", c.en, err)
		}
		for _, l := range []struct {
			tag          language.Tag
			outcome, why string
		}{{language.English, "Not saved: the previous version is kept.", c.en}, {language.French, "Non enregistré", c.fr}} {
			SetLanguage(l.tag)
			got := userError(err).Error()
			if !strings.HasPrefix(got, l.outcome) || !strings.Contains(got, l.why) {
				t.Errorf("%v: %q, want %q then %q", l.tag, got, l.outcome, l.why)
			}
		}
		SetLanguage(language.English)
	}
	ro := readOnlySave{}
	if got := userError(ro).Error(); !strings.HasPrefix(got, "This workspace folder is read-only: you can read the work in it") || strings.Contains(got, "Not saved") {
		t.Errorf("read-only: %q", got)
	}
}

// readOnlySave is shaped like the store's refusal of a save in a
// workspace open for reading: it is ErrReadOnly, ErrNotSaved and
// ErrNoPermission at once, and must be said once, not as "not saved"
// and then "nothing can be saved".
type readOnlySave struct{}

func (readOnlySave) Error() string {
	return "this workspace folder is read-only (/media/cd: read-only file system); nothing was saved"
}

func (readOnlySave) Is(target error) bool {
	return target == store.ErrReadOnly || target == store.ErrNotSaved || target == store.ErrNoPermission
}
