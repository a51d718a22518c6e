package store

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
	"github.com/go-git/go-git/v5/plumbing/revlist"
	"github.com/go-git/go-git/v5/storage/memory"

	"github.com/delegate-itu/delegate/model/gitrepo"
	"github.com/delegate-itu/delegate/model/item"
)

// packWorkspace saves n comments, one commit each, in a fresh workspace.
func packWorkspace(t testing.TB, n int) *Workspace {
	t.Helper()
	w, err := Create(filepath.Join(t.TempDir(), "ws"), item.Person{Name: "Ana", Email: "ana@example.org"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = w.Close() })
	packSaves(t, w, n)
	return w
}

func packSaves(t testing.TB, w *Workspace, n int) {
	t.Helper()
	for i := range n {
		c := item.Comment{Anchor: item.Anchor{DraftID: "sg-2", ParagraphID: "p1", Number: "1", Quote: "digital divides"},
			Kind: item.KindSubstantive, Body: fmt.Sprintf("comment %d %d", i, rand.Int())}
		if err := w.SaveComment(&c, "add"); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBuildPack: the pack from an empty remote holds every object the
// history reaches, each readable with the right hash (go-git's parser
// resolves the deltas); from a remote that has the first half, only the
// rest. git index-pack and fsck accept it when git is there.
func TestBuildPack(t *testing.T) {
	w := packWorkspace(t, 120)
	_, head, _, _ := w.head()
	want, err := revlist.Objects(w.st, []plumbing.Hash{head}, nil) // go-git's own walk
	if err != nil {
		t.Fatal(err)
	}
	for _, ofs := range []bool{true, false} {
		pack, err := gitrepo.BuildPack(w.objects(), head, nil, ofs)
		if err != nil {
			t.Fatal(err)
		}
		st := memory.NewStorage()
		if err := packfile.UpdateObjectStorage(st, bytes.NewReader(pack)); err != nil {
			t.Fatalf("ofs=%v: pack does not parse: %v", ofs, err)
		}
		for _, h := range want {
			if _, err := st.EncodedObject(plumbing.AnyObject, h); err != nil {
				t.Fatalf("ofs=%v: object %s missing", ofs, h)
			}
		}
		if len(st.Objects) != len(want) {
			t.Errorf("ofs=%v: %d objects, want %d", ofs, len(st.Objects), len(want))
		}
	}
	gitAccepts(t, w, head)
}

// gitAccepts unpacks the pack into an empty repository with git and runs fsck.
func gitAccepts(t *testing.T, w *Workspace, head plumbing.Hash) {
	if _, err := exec.LookPath("git"); err != nil {
		return // the go-git parse above is the check without git
	}
	pack, err := gitrepo.BuildPack(w.objects(), head, nil, true)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, args := range [][]string{{"init", "-q", "--bare", dir}, {"-C", dir, "index-pack", "--stdin", "--strict"},
		{"-C", dir, "update-ref", "refs/heads/x", head.String()}, {"-C", dir, "fsck", "--strict", "--no-dangling"}} {
		cmd := exec.Command("git", args...)
		if args[2] == "index-pack" {
			cmd.Stdin = bytes.NewReader(pack)
		}
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
}

// BenchmarkBuildPack: the pack for 1,000 new items (1,000 commits).
func BenchmarkBuildPack(b *testing.B) {
	w := packWorkspace(b, 1000)
	_, head, _, _ := w.head()
	for b.Loop() {
		if _, err := gitrepo.BuildPack(w.objects(), head, nil, true); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBuildPackIncremental: with a remote holding the first commits, the
// pack holds only what came after, and still parses on top of them.
func TestBuildPackIncremental(t *testing.T) {
	w := packWorkspace(t, 20)
	_, mid, _, _ := w.head()
	packSaves(t, w, 5)
	_, head, _, _ := w.head()
	missing, err := gitrepo.MissingCommits(w.st, head, []plumbing.Hash{mid, plumbing.NewHash("1234567890123456789012345678901234567890")})
	if err != nil || len(missing) != 5 {
		t.Fatalf("missing commits: %d, %v; want the 5 new ones", len(missing), err)
	}
	pack, err := gitrepo.BuildPack(w.objects(), head, []plumbing.Hash{mid}, true)
	if err != nil {
		t.Fatal(err)
	}
	st := memory.NewStorage()
	old, err := revlist.Objects(w.st, []plumbing.Hash{mid}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range old {
		o, _ := w.st.EncodedObject(plumbing.AnyObject, h)
		_, _ = st.SetEncodedObject(o)
	}
	if err := packfile.UpdateObjectStorage(st, bytes.NewReader(pack)); err != nil {
		t.Fatal(err)
	}
	if got := len(st.Objects) - len(old); got != 5*5 {
		t.Errorf("%d new objects, want 25 (a commit, 3 trees and a file per save)", got)
	}
	want, _ := revlist.Objects(w.st, []plumbing.Hash{head}, nil)
	for _, h := range want {
		if _, err := st.EncodedObject(plumbing.AnyObject, h); err != nil {
			t.Fatalf("object %s missing", h)
		}
	}
}
