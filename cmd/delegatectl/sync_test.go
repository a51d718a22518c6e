package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSyncThroughFolder: two experts and a coordinator work together
// through a folder remote with only the CLI: everyone's items reach the
// coordinator, a same-item edit is a conflict showing both texts, and
// resolving it keeps the chosen one.
func TestSyncThroughFolder(t *testing.T) {
	tmp := t.TempDir()
	usb := filepath.Join(tmp, "usb", "delegation.git")
	draft := filepath.Join(tmp, "draft2.md")
	_ = os.WriteFile(draft, []byte(miniDraft), 0o644)
	t.Setenv("PATH", tmp) // no git binary needed
	ws := func(n string) string { return filepath.Join(tmp, n) }
	as := func(n string, args ...string) string {
		return ctl(t, append(args, "--workspace", ws(n))...)
	}
	as("coord", "init", "--user-name", "Cora Ord", "--user-email", "cora@example.org", "--entity", "Republic of Xyz")
	as("coord", "draft", "import", draft, "--label", "2nd draft")
	shared := strings.Fields(as("coord", "comment", "add", "--para", "3", "--body", "Coordinator's first text."))[2]
	as("coord", "remote", "add", "usb", usb)
	as("coord", "sync")
	var mine []string
	for _, n := range []string{"ana", "ben"} {
		as(n, "init", "--user-name", strings.ToUpper(n[:1])+n[1:], "--user-email", n+"@example.org")
		as(n, "remote", "add", "usb", usb)
		as(n, "sync", "usb")
		mine = append(mine, strings.Fields(as(n, "comment", "add", "--para", "1", "--body", "Point from "+n+"."))[2])
		as(n, "edit", shared, "--body", n+"'s rewording.")
	}
	as("ana", "sync")
	if out := as("ben", "sync"); !strings.Contains(out, "conflict: items/comments/"+shared+".md") {
		t.Fatalf("ben's sync: %s", out)
	}
	as("coord", "sync")
	list := as("coord", "list")
	for _, id := range mine {
		if !strings.Contains(list, id) {
			t.Errorf("coordinator's list lacks %s:\n%s", id, list)
		}
	}
	out := as("coord", "conflicts")
	if !strings.Contains(out, "ana's rewording.") || !strings.Contains(out, "ben's rewording.") {
		t.Fatalf("conflicts do not show both texts:\n%s", out)
	}
	as("coord", "conflicts", "resolve", shared, "--keep", "ana-example-org")
	if out := as("coord", "show", shared); !strings.Contains(out, "ana's rewording.") {
		t.Fatalf("after resolve: %s", out)
	}
	if out := as("coord", "conflicts"); !strings.Contains(out, "no conflicts") {
		t.Fatalf("still conflicts: %s", out)
	}
	if out := as("coord", "sync", "--json"); !strings.Contains(out, `"published": true`) {
		t.Fatalf("sync --json: %s", out)
	}
}

// TestSyncErrors: unreachable remotes and bad input say so.
func TestSyncErrors(t *testing.T) {
	tmp := t.TempDir()
	w := filepath.Join(tmp, "ws")
	ctl(t, "init", "--user-name", "Ana", "--user-email", "ana@example.org", "--workspace", w)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"sync"}, exitUsage, "delegatectl remote add"},
		{[]string{"remote", "add", "x"}, exitUsage, "needs NAME and URL"},
		{[]string{"remote", "add", "stick", filepath.Join(tmp, "stick")}, exitOK, "remote stick (folder)"},
		{[]string{"remote", "add", "net", "https://127.0.0.1:1/d.git"}, exitOK, "remote net (http)"},
		{[]string{"sync", "net"}, exitFail, "cannot be reached"},
		{[]string{"sync", "nope"}, exitUsage, "no such remote"},
		{[]string{"conflicts", "resolve", "xx-000000-aaaaa", "--keep", "mine"}, exitUsage, "no conflict"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			var out bytes.Buffer
			code := run(&env{stdout: &out, stderr: &out}, append(tc.args, "--workspace", w))
			if code != tc.code || !strings.Contains(out.String(), tc.want) {
				t.Fatalf("exit %d, want %d; output:\n%s", code, tc.code, out.String())
			}
		})
	}
	_ = os.RemoveAll(filepath.Join(tmp, "stick"))
	var out bytes.Buffer
	if code := run(&env{stdout: &out, stderr: &out}, []string{"sync", "stick", "--workspace", w}); code != exitFail || !strings.Contains(out.String(), "not there") {
		t.Fatalf("unplugged stick: %d %s", code, out.String())
	}
}

// TestSyncRefusesOneColleague: Ben publishes honest work; someone writes,
// by hand into the shared folder's packed-refs, a branch named with
// "../" that climbs out of the workspace. Ana's sync brings Ben's
// comment, prints a line naming the refused branch, writes nothing
// outside, and exits with a failure so a script notices.
func TestSyncRefusesOneColleague(t *testing.T) {
	tmp := t.TempDir()
	usb := filepath.Join(tmp, "usb", "delegation.git")
	t.Setenv("PATH", tmp)
	ws := func(n string) string { return filepath.Join(tmp, n) }
	ctl(t, "init", "--user-name", "Ben", "--user-email", "ben@example.org", "--workspace", ws("ben"))
	ctl(t, "remote", "add", "usb", usb, "--workspace", ws("ben"))
	draft := filepath.Join(tmp, "draft2.md")
	_ = os.WriteFile(draft, []byte(miniDraft), 0o644)
	ctl(t, "draft", "import", draft, "--label", "2nd draft", "--workspace", ws("ben"))
	id := strings.Fields(ctl(t, "comment", "add", "--para", "1", "--body", "Ben's point.", "--workspace", ws("ben")))[2]
	ctl(t, "sync", "--workspace", ws("ben"))
	head, err := os.ReadFile(filepath.Join(usb, "refs", "heads", "people", "ben-example-org"))
	if err != nil {
		t.Fatal(err)
	}
	packed := strings.TrimSpace(string(head)) + " refs/heads/people/../../../../../../escaped\n"
	if err := os.WriteFile(filepath.Join(usb, "packed-refs"), []byte(packed), 0o644); err != nil {
		t.Fatal(err)
	}
	ctl(t, "init", "--user-name", "Ana", "--user-email", "ana@example.org", "--workspace", ws("ana"))
	ctl(t, "remote", "add", "usb", usb, "--workspace", ws("ana"))
	var out bytes.Buffer
	code := run(&env{stdout: &out, stderr: &out}, []string{"sync", "--workspace", ws("ana")})
	for _, want := range []string{"ben-example-org: ", `refused the work of "../../../../../../escaped": its branch name is not one Delegate makes`, "the work of 1 colleague(s) was refused"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if code != exitFail {
		t.Errorf("exit %d, want %d", code, exitFail)
	}
	if list := ctl(t, "list", "--workspace", ws("ana")); !strings.Contains(list, id) {
		t.Errorf("Ben's comment did not arrive:\n%s", list)
	}
	if _, err := os.Lstat(filepath.Join(tmp, "escaped")); !os.IsNotExist(err) {
		t.Errorf("a file was written outside the workspace: %v", err)
	}
}
