// Package storetest builds real workspaces for tests, the way httptest
// builds real servers: a git repository in t.TempDir(), a test user, and
// helpers to check the result with the git binary when it is installed.
package storetest

import (
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store"
)

// User is the author of everything a test workspace saves.
var User = item.Person{Name: "Test Expert", Email: "expert@example.org"}

// New creates a workspace in a fresh temporary folder; it is closed when
// the test ends.
func New(t testing.TB) *store.Workspace {
	t.Helper()
	w, err := store.Create(t.TempDir(), User)
	if err != nil {
		t.Fatalf("create workspace: %v", err)
	}
	t.Cleanup(func() { _ = w.Close() })
	return w
}

// Comment returns a valid, unsaved comment on paragraph number of draft
// "sg-2" with the given body.
func Comment(number, body string) item.Comment {
	return item.Comment{
		Anchor: item.Anchor{DraftID: "sg-2", ParagraphID: "p" + number, Number: number, Quote: "digital divides"},
		Kind:   item.KindSubstantive, Body: body,
	}
}

// Opinion returns a valid, unsaved proposal amending draft Opinion n.
func Opinion(n int) item.Opinion {
	return item.Opinion{
		Amends: n, Title: "Resilience of telecommunications/ICTs", SubTheme: 3,
		Preamble:  []item.PreambularBlock{{Keyword: "considering", Items: []string{"that networks fail"}}},
		Operative: []item.OperativeBlock{{Heading: "invites", Addressee: "Member States", Items: []item.OperativeItem{{Text: "to plan"}}}},
	}
}

// HasGit reports whether the git binary is on PATH.
func HasGit() bool {
	_, err := exec.LookPath("git")
	return err == nil
}

// Git runs the git binary in dir and returns its output; the test fails if
// git fails.
func Git(t testing.TB, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(cmd.Environ(), "GIT_CONFIG_NOSYSTEM=1", "LC_ALL=C")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// CheckGit asserts that the git CLI agrees the workspace is sound: status
// clean, fsck without errors. It does nothing when git is not installed
// (the store itself never needs it).
func CheckGit(t testing.TB, dir string) {
	t.Helper()
	if !HasGit() {
		t.Log("git not on PATH: CLI cross-check not run")
		return
	}
	if st := Git(t, dir, "status", "--porcelain", "--untracked-files=all"); st != "" {
		t.Fatalf("git status not clean:\n%s", st)
	}
	Git(t, dir, "fsck", "--strict", "--no-progress")
}

// Now is a fixed instant for tests that need one.
var Now = time.Date(2024, 12, 1, 9, 30, 0, 0, time.UTC)
