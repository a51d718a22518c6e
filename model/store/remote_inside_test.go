package store_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/store/storetest"
)

// TestRemoteInsideWorkspaceIsRefused: a folder remote that is the
// workspace, its .git, or any folder under them, however it is spelled
// (.., a symbolic link from outside, file://), is refused in words before
// anything is created, and the git config is left as it was. A folder
// beside the workspace is accepted (the control).
func TestRemoteInsideWorkspaceIsRefused(t *testing.T) {
	w := storetest.New(t)
	ws := w.Dir()
	outside := t.TempDir()
	link := filepath.Join(outside, "link-to-ws")
	if err := os.Symlink(ws, link); err != nil {
		t.Fatal(err)
	}
	linkGit := filepath.Join(outside, "link-to-git")
	if err := os.Symlink(filepath.Join(ws, ".git"), linkGit); err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(ws, ".git", "config")
	before, err := os.ReadFile(config)
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{
		ws,
		ws + string(filepath.Separator),
		filepath.Join(ws, ".git"),
		filepath.Join(ws, ".git", "objects"),
		filepath.Join(ws, "shared", "delegation.git"), // does not exist yet
		filepath.Join(outside, "x", "..", "link-to-ws", "new.git"),
		link,
		filepath.Join(linkGit, "refs"),
		"file://" + filepath.Join(ws, "usb.git"),
		ws + "/comments/../.git",
	} {
		_, _, err := w.AddRemote("usb", dir)
		if !errors.Is(err, store.ErrRemoteInWorkspace) {
			t.Errorf("AddRemote(%q) = %v, want the refusal", dir, err)
			continue
		}
		if !strings.Contains(err.Error(), "the shared folder is inside this workspace; choose a folder outside it") ||
			!strings.Contains(err.Error(), "nothing was changed") {
			t.Errorf("AddRemote(%q): wording %q", dir, err)
		}
	}
	for _, p := range []string{filepath.Join(ws, "shared"), filepath.Join(ws, "usb.git"), filepath.Join(ws, "link-to-ws", "new.git")} {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s was created (%v)", p, err)
		}
	}
	after, err := os.ReadFile(config)
	if err != nil {
		t.Fatal(err)
	}
	if string(after) != string(before) {
		t.Errorf("git config changed:\n%s", after)
	}
	// Control: beside the workspace, and a name that only starts like it.
	if _, _, err := w.AddRemote("usb", filepath.Join(outside, "delegation.git")); err != nil {
		t.Fatalf("a folder outside the workspace: %v", err)
	}
	if _, _, err := w.AddRemote("twin", ws+"-shared"); err != nil {
		t.Fatalf("a sibling folder whose name starts like the workspace: %v", err)
	}
}
