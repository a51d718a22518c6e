package gitrepo

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/memory"
)

// TestPrefixSuffixDelta: applying the delta to the base gives the target,
// including copies longer than one 64 KiB piece and offsets above 255.
func TestPrefixSuffixDelta(t *testing.T) {
	big := bytes.Repeat([]byte("0123456789abcdef"), 10000)
	cases := []struct{ base, target []byte }{
		{[]byte("hello world"), []byte("hello brave world")},
		{[]byte("abc"), []byte("abc")},
		{[]byte("gone"), []byte("")},
		{big, append(append(append([]byte{}, big[:70000]...), "inserted"...), big[70000:]...)},
		{big, big[1000:150000]},
	}
	for i, tc := range cases {
		got, err := packfile.PatchDelta(tc.base, prefixSuffixDelta(tc.base, tc.target))
		if err != nil || !bytes.Equal(got, tc.target) {
			t.Errorf("case %d: %v (got %d bytes, want %d)", i, err, len(got), len(tc.target))
		}
	}
}

// commitFiles commits files (path: content) in the work tree of repo and
// returns the new commit.
func commitFiles(t *testing.T, dir string, repo *git.Repository, files map[string]string, when time.Time) plumbing.Hash {
	t.Helper()
	wt, err := repo.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	for p, c := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := wt.Add(p); err != nil {
			t.Fatal(err)
		}
	}
	sig := &object.Signature{Name: "Ana", Email: "ana@example.org", When: when}
	h, err := wt.Commit("save", &git.CommitOptions{Author: sig, Committer: sig})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestBuildPackReadsBack: the pack BuildPack writes, whole or on top of
// what a remote has, is read by go-git's pack parser into a store that then
// holds every commit with its full tree; only the missing commits go.
func TestBuildPackReadsBack(t *testing.T) {
	dir, repo := newRepo(t)
	at := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	first := commitFiles(t, dir, repo, map[string]string{"comments/1.json": "one", "draft.json": "d"}, at)
	var head plumbing.Hash
	for i := range 4 { // a changed folder each time: trees go as deltas
		body := strings.Repeat("line of a long comment\n", 40) + string(rune('a'+i))
		head = commitFiles(t, dir, repo, map[string]string{"comments/2.json": body}, at.Add(time.Duration(i+1)*time.Minute))
	}
	o := Objects{Dir: filepath.Join(dir, ".git", "objects"), St: repo.Storer}
	for _, ofs := range []bool{true, false} {
		pack, err := BuildPack(o, head, nil, ofs)
		if err != nil {
			t.Fatal(err)
		}
		got := memory.NewStorage()
		if err := packfile.UpdateObjectStorage(got, bytes.NewReader(pack)); err != nil {
			t.Fatalf("ofs %v: go-git cannot read the pack: %v", ofs, err)
		}
		c, err := object.GetCommit(got, head)
		if err != nil {
			t.Fatal(err)
		}
		tree, err := c.Tree()
		if err != nil {
			t.Fatal(err)
		}
		f, err := tree.File("comments/1.json")
		if err != nil {
			t.Fatalf("ofs %v: %v", ofs, err)
		}
		if s, _ := f.Contents(); s != "one" {
			t.Fatalf("comments/1.json holds %q", s)
		}
		if _, err := object.GetCommit(got, first); err != nil {
			t.Fatalf("ofs %v: the first commit is missing: %v", ofs, err)
		}
	}
	missing, err := MissingCommits(repo.Storer, head, []plumbing.Hash{first, plumbing.NewHash("1234567890123456789012345678901234567890")})
	if err != nil || len(missing) != 4 || missing[first] != nil {
		t.Fatalf("missing on top of the first commit: %d %v", len(missing), err)
	}
	pack, err := BuildPack(o, head, []plumbing.Hash{first}, true)
	if err != nil {
		t.Fatal(err)
	}
	whole, _ := BuildPack(o, head, nil, true)
	if len(pack) >= len(whole) {
		t.Fatalf("the pack on top of the first commit (%d bytes) is not smaller than the whole (%d)", len(pack), len(whole))
	}
	if none, err := MissingCommits(repo.Storer, head, []plumbing.Hash{head}); err != nil || len(none) != 0 {
		t.Fatalf("nothing is missing from a remote at head: %d %v", len(none), err)
	}
}
