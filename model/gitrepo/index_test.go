package gitrepo

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/index"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// committedRepo makes a repository whose one commit (through go-git's
// worktree) holds files, and opens it as a Repo.
func committedRepo(t *testing.T, files map[string]string) (*Repo, plumbing.Hash) {
	t.Helper()
	dir := t.TempDir()
	g, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, err := g.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	for p, body := range files {
		abs := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(abs, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := wt.Add(p); err != nil {
			t.Fatal(err)
		}
	}
	sig := &object.Signature{Name: "T", Email: "t@example.org", When: time.Unix(1700000000, 0)}
	c, err := wt.Commit("files\n", &git.CommitOptions{Author: sig, Committer: sig})
	if err != nil {
		t.Fatal(err)
	}
	co, err := g.CommitObject(c)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.Close() })
	return r, co.TreeHash
}

// gitStatus is `git status --porcelain` of dir, or "" with ok false when
// the git binary is absent.
func gitStatus(t *testing.T, dir string) (string, bool) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		return "", false
	}
	out, err := exec.Command("git", "-C", dir, "status", "--porcelain").CombinedOutput()
	if err != nil {
		t.Fatalf("git status: %v\n%s", err, out)
	}
	return string(out), true
}

// TestCheckIndexFileIsGits: an index go-git and WriteIndex write passes,
// as does one with git's zero trailer (index.skipHash); garbage, a
// truncated file and an unknown version are *IndexDamage with the reason
// the repair note quotes.
func TestCheckIndexFileIsGits(t *testing.T) {
	r, _ := committedRepo(t, map[string]string{"a.txt": "a\n", "d/b.txt": "b\n"})
	good, err := os.ReadFile(r.IndexPath()) // written by go-git's worktree
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckIndexFile(good); err != nil {
		t.Fatalf("go-git's index: %v", err)
	}
	if err := r.CheckIndex(); err != nil {
		t.Fatalf("CheckIndex on go-git's index: %v", err)
	}
	skip := append([]byte(nil), good...)
	copy(skip[len(skip)-20:], make([]byte, 20))
	if err := CheckIndexFile(skip); err != nil {
		t.Fatalf("zero trailer: %v", err)
	}
	v5 := append([]byte(nil), good...)
	v5[7] = 5
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"garbage", []byte("garbage\n"), "it is not an index file"},
		{"truncated", good[:len(good)/2], "its checksum does not match"},
		{"version", v5, "unknown index version 5"},
	} {
		err := CheckIndexFile(c.data)
		var d *IndexDamage
		if !errors.As(err, &d) || !strings.Contains(d.Reason, c.want) {
			t.Errorf("%s: %v, want damage %q", c.name, err, c.want)
		}
	}
}

// TestReadIndexReusesAndNoticesLoss: ReadIndex returns the index this
// process wrote while the file is unchanged, re-reads it after another
// writer, and calls an index that existed and vanished ErrIndexMissing
// (go-git alone would read it as empty: every file deleted).
func TestReadIndexReusesAndNoticesLoss(t *testing.T) {
	r, tree := committedRepo(t, map[string]string{"a.txt": "a\n"})
	idx, err := r.IndexFromTree(tree, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.WriteIndex(idx); err != nil {
		t.Fatal(err)
	}
	if got, err := r.ReadIndex(); err != nil || got != idx {
		t.Fatalf("ReadIndex after WriteIndex = %p, %v; want the written %p", got, err, idx)
	}
	other := &index.Index{Version: 2, Entries: []*index.Entry{{Name: "z.txt", Hash: plumbing.ComputeHash(plumbing.BlobObject, nil), Mode: filemode.Regular}}}
	data, _ := EncodeIndexV2(other)
	if err := os.WriteFile(r.IndexPath(), data, 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(r.IndexPath(), later, later); err != nil {
		t.Fatal(err)
	}
	got, err := r.ReadIndex()
	if err != nil || len(got.Entries) != 1 || got.Entries[0].Name != "z.txt" {
		t.Fatalf("ReadIndex after another writer: %v %+v", err, got)
	}
	if err := os.Remove(r.IndexPath()); err != nil {
		t.Fatal(err)
	}
	if _, err := r.ReadIndex(); !errors.Is(err, ErrIndexMissing) {
		t.Fatalf("ReadIndex of a vanished index: %v, want ErrIndexMissing", err)
	}
	if err := r.CheckIndex(); !errors.Is(err, ErrIndexMissing) {
		t.Fatalf("CheckIndex of a vanished index: %v, want ErrIndexMissing", err)
	}
}

// TestIndexFromTreeIsGits: the index rebuilt from a commit has go-git's
// entries (names, hashes, modes, in git's order); git sees the clean
// files clean and a file edited by hand as modified, not hidden.
func TestIndexFromTreeIsGits(t *testing.T) {
	files := map[string]string{"README.md": "r\n", "items/c/1.json": "{}\n", "items/a.json": "[]\n", "z.txt": "z\n"}
	r, tree := committedRepo(t, files)
	want, err := r.St.Index()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(r.Dir, "z.txt"), []byte("edited by hand\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	idx, err := r.IndexFromTree(tree, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(idx.Entries) != len(want.Entries) {
		t.Fatalf("%d entries, go-git has %d", len(idx.Entries), len(want.Entries))
	}
	for i, e := range idx.Entries {
		w := want.Entries[i]
		if e.Name != w.Name || e.Hash != w.Hash || e.Mode != w.Mode {
			t.Errorf("entry %d = %s %s %v, go-git %s %s %v", i, e.Name, e.Hash, e.Mode, w.Name, w.Hash, w.Mode)
		}
		if clean := e.Name != "z.txt"; clean != (e.Size != 0) {
			t.Errorf("%s: size %d (stat data only for files that match the commit)", e.Name, e.Size)
		}
	}
	if err := os.Remove(r.IndexPath()); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteIndex(idx); err != nil {
		t.Fatal(err)
	}
	if err := r.CheckIndex(); err != nil {
		t.Fatal(err)
	}
	if st, ok := gitStatus(t, r.Dir); ok && st != " M z.txt\n" {
		t.Fatalf("git status after the rebuild = %q, want z.txt modified", st)
	}
}

// TestUpdateIndexMatchesTheFiles: after a save's files are written,
// UpdateIndex gives their entries the content's hash and the file's stat
// data, drops deleted paths, keeps git's order and clears the cached
// trees; go-git and git then see the work tree clean.
func TestUpdateIndexMatchesTheFiles(t *testing.T) {
	r, _ := committedRepo(t, map[string]string{"a.txt": "a\n", "gone.txt": "g\n"})
	idx, err := r.ReadIndex()
	if err != nil {
		t.Fatal(err)
	}
	idx.Cache = &index.Tree{}
	body := []byte("changed\n")
	for p, b := range map[string][]byte{"a.txt": body, "b/new.txt": body} {
		abs := filepath.Join(r.Dir, filepath.FromSlash(p))
		_ = os.MkdirAll(filepath.Dir(abs), 0o755)
		if err := os.WriteFile(abs, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Remove(filepath.Join(r.Dir, "gone.txt")); err != nil {
		t.Fatal(err)
	}
	changes := []IndexChange{{Path: "b/new.txt", Data: body}, {Path: "a.txt", Data: body}, {Path: "gone.txt", Delete: true}}
	if err := r.UpdateIndex(idx, changes); err != nil {
		t.Fatal(err)
	}
	got, err := r.St.Index() // as go-git reads the file written
	if err != nil {
		t.Fatal(err)
	}
	if got.Cache != nil || len(got.Entries) != 2 || got.Entries[0].Name != "a.txt" || got.Entries[1].Name != "b/new.txt" {
		t.Fatalf("index after the update: cache %v, entries %+v", got.Cache, got.Entries)
	}
	for _, e := range got.Entries {
		if e.Hash != plumbing.ComputeHash(plumbing.BlobObject, body) || e.Size != uint32(len(body)) || e.Mode != filemode.Regular {
			t.Errorf("%s: %s size %d mode %v", e.Name, e.Hash, e.Size, e.Mode)
		}
	}
	if st, ok := gitStatus(t, r.Dir); ok && st != "" {
		// the index now matches the folder; git compares it with HEAD only in the staged column
		for _, line := range strings.Split(strings.TrimSpace(st), "\n") {
			if line[1] != ' ' {
				t.Errorf("git sees a work-tree change after UpdateIndex: %q", st)
			}
		}
	}
}
