package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestRefusedSaveAndItemRemove: `comment add` and `edit` refuse, as bad
// input, a body every colleague's sync would refuse (NUL, not UTF-8, over
// 1 MB) and save nothing; `item remove` takes out an item file that
// cannot even be read (committed by hand, as an older version could),
// with the reason in the commit, and list is clean again.
func TestRefusedSaveAndItemRemove(t *testing.T) {
	tmp := t.TempDir()
	ws := filepath.Join(tmp, "ws")
	t.Setenv("DELEGATE_WORKSPACE", ws)
	draft := filepath.Join(tmp, "draft2.md")
	_ = os.WriteFile(draft, []byte(miniDraft), 0o644)
	ctl(t, "init", "--user-name", "Jane Doe", "--user-email", "jane@example.org")
	ctl(t, "draft", "import", draft, "--label", "2nd draft")
	id := addComment(t, "--para", "1", "--body", "A fine comment.")

	bodies := map[string]string{
		"the comment holds a NUL character":         "pasted \x00 binary",
		"the comment holds text that is not UTF-8":  "caf\xe9",
		"the comment is larger than 1 MB (1025 KB)": strings.Repeat("x", 1<<20),
	}
	for want, body := range bodies {
		file := filepath.Join(tmp, "body.txt")
		_ = os.WriteFile(file, []byte(body), 0o644)
		for _, args := range [][]string{{"comment", "add", "--para", "2", "--body-file", file}, {"edit", id, "--body-file", file}} {
			code, _, errs := runCLI(t, args...)
			if code != exitUsage || !strings.Contains(errs, "not saved, the previous version is kept: "+want) ||
				!strings.Contains(errs, "colleagues' Delegate would refuse it when they sync") {
				t.Errorf("%s with %q: exit %d, %s", args[0], want, code, errs)
			}
		}
	}
	if code, _, errs := runCLI(t, "edit", id, "--status", "withdrawn", "--body-file", filepath.Join(tmp, "body.txt")); code != exitUsage ||
		!strings.Contains(errs, "delegatectl item remove "+id) {
		t.Errorf("edit to a refused body does not point to item remove: exit %d, %s", code, errs)
	}
	if out := ctl(t, "show", id); !strings.Contains(out, "A fine comment.") {
		t.Fatalf("the comment changed: %s", out)
	}
	if n := strings.Count(ctl(t, "list"), "\n"); n != 2 {
		t.Fatalf("list has %d lines, want the header and one comment", n)
	}

	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("this test commits an unreadable item with git and needs the git binary")
	}
	const bad = "jd-241201-zzzzz"
	_ = os.WriteFile(filepath.Join(ws, "items", "comments", bad+".md"), []byte("+++\nid = \n+++\n"), 0o644)
	git(t, ws, "add", ".")
	git(t, ws, "-c", "user.name=Jane Doe", "-c", "user.email=jane@example.org", "commit", "-qm", "by hand")
	if _, _, errs := runCLI(t, "list"); !strings.Contains(errs, bad+".md") || !strings.Contains(errs, "delegatectl item remove ID takes it out") {
		t.Fatalf("list does not name the unreadable item and the way out: %s", errs)
	}
	if code, _, errs := runCLI(t, "show", bad); code != exitFail || !strings.Contains(errs, "delegatectl item remove "+bad+" takes it out") {
		t.Fatalf("show of the unreadable item: exit %d, %s", code, errs)
	}
	if out := ctl(t, "item", "remove", bad, "--reason", "cannot be read; blocks the delegation's sync"); !strings.HasPrefix(out, "removed "+bad) {
		t.Fatalf("item remove: %s", out)
	}
	if code, _, errs := runCLI(t, "list"); code != exitOK || errs != "" {
		t.Fatalf("list after the removal: exit %d, %s", code, errs)
	}
	if log := git(t, ws, "log", "-1", "--format=%B"); !strings.Contains(log, "Remove comment "+bad) || !strings.Contains(log, "cannot be read; blocks the delegation's sync") {
		t.Fatalf("the removal commit: %s", log)
	}
	if code, _, errs := runCLI(t, "item", "remove", bad); code != exitUsage || !strings.Contains(errs, "no comment or Opinion proposal "+bad) {
		t.Fatalf("removing it twice: exit %d, %s", code, errs)
	}
	if code, _, _ := runCLI(t, "item", "delete", bad); code != exitUsage {
		t.Fatalf("item with an unknown verb: exit %d", code)
	}
	if st := git(t, ws, "status", "--porcelain"); st != "" {
		t.Fatalf("git status: %s", st)
	}
	git(t, ws, "fsck", "--strict")
}

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}
