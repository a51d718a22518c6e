//go:build unix

package hostile

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/delegate-itu/delegate/model/process"
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/userfile"
)

// inputFile makes one of the non-files a user can name instead of a file.
func inputFile(t *testing.T, e *env, kind, name string) string {
	t.Helper()
	switch kind {
	case "device":
		return "/dev/zero"
	case "pipe":
		p := filepath.Join(e.scratch, name)
		if err := syscall.Mkfifo(p, 0o600); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.Remove(p) })
		return p
	case "folder":
		p := filepath.Join(e.scratch, name)
		if err := os.Mkdir(p, 0o755); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.Remove(p) })
		return p
	}
	return bigFile(t, e, name, []byte("name = \"x\"\n"), 1<<30) // sparse: no disk used
}

// inputCases: files the user names (a draft, a process profile, an
// Opinion proposal, a key) that are a device, a pipe with no writer, a
// folder or a sparse 1 GB file, given to the calls delegatectl and the
// app make; and a shared folder inside the workspace.
func inputCases() []hostileCase {
	notRegular := "is not a regular file (a device, a pipe or a folder)"
	var cases []hostileCase
	for _, kind := range []string{"device", "pipe", "folder", "big"} {
		cases = append(cases,
			hostileCase{name: "draft import: " + kind, is: nil,
				want: []string{map[bool]string{true: "the limit is 30 MB", false: notRegular}[kind == "big"]},
				prepare: func(t *testing.T, e *env) func() error {
					p := inputFile(t, e, kind, "draft-"+kind+".md")
					return func() error { return importDraft(e, p) }
				}},
			hostileCase{name: "process profile: " + kind, is: process.ErrBadProfile,
				want: []string{map[bool]string{true: "is larger than 1 MB", false: notRegular}[kind == "big"]},
				prepare: func(t *testing.T, e *env) func() error {
					p := inputFile(t, e, kind, "profile-"+kind+".toml")
					return func() error { _, err := process.Load(p); return err }
				}},
			hostileCase{name: "Opinion proposal or key file: " + kind,
				is:   map[bool]error{true: userfile.ErrTooLarge, false: userfile.ErrNotRegular}[kind == "big"],
				want: []string{map[bool]string{true: "is larger than 1 MB", false: notRegular}[kind == "big"]},
				prepare: func(t *testing.T, e *env) func() error {
					p := inputFile(t, e, kind, "opinion-"+kind+".toml")
					return func() error {
						b, err := userfile.Read(p, 1<<20)
						if err != nil {
							return err
						}
						_, err = store.ParseOpinion(b)
						return err
					}
				}})
	}
	for _, where := range []string{"", ".git", "shared/delegation.git"} {
		cases = append(cases, hostileCase{name: "shared folder inside the workspace: " + where, is: store.ErrRemoteInWorkspace,
			want: []string{"the shared folder is inside this workspace; choose a folder outside it", "nothing was changed"},
			prepare: func(t *testing.T, e *env) func() error {
				return func() error { _, _, err := e.ws.AddRemote("usb", filepath.Join(e.ws.Dir(), where)); return err }
			}})
	}
	return cases
}

func TestHostileInputs(t *testing.T) { runCatalogue(t, inputCases()) }

// TestRegularInputsAreRead is the control: the same calls read real files.
func TestRegularInputsAreRead(t *testing.T) {
	dir := t.TempDir()
	md := filepath.Join(dir, "draft.md")
	if err := os.WriteFile(md, []byte("# 1 Intro\n\n1. A paragraph of the draft.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := report.ImportFile(md, report.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if b, err := userfile.Read(md, 1<<20); err != nil || len(b) == 0 {
		t.Fatal(err)
	}
	w := newWorkspace(t)
	if _, _, err := w.AddRemote("usb", filepath.Join(dir, "delegation.git")); err != nil {
		t.Fatal(err)
	}
}
