package gitrepo

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/transport/http"

	"github.com/delegate-itu/delegate/model/gitrepo/gittest"
)

// gitDaemon serves an empty bare repository made by git through `git
// daemon` on 127.0.0.1 with pushes enabled, and returns its git:// URL
// and the base URL of the daemon.
func gitDaemon(t *testing.T) (url, base string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("this test starts git daemon and needs the git binary")
	}
	root := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", "--bare", filepath.Join(root, "r.git")).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	base = gittest.Daemon(t, root)
	return base + "/r.git", base
}

// commitFile commits one file in the repository of dir and returns the
// commit.
func commitFile(t *testing.T, repo *git.Repository, dir, name, text string) plumbing.Hash {
	t.Helper()
	wt, err := repo.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := wt.Add(name); err != nil {
		t.Fatal(err)
	}
	sig := &object.Signature{Name: "Ana", Email: "ana@example.org", When: time.Unix(1700000000, 0)}
	h, err := wt.Commit("Save "+name, &git.CommitOptions{Author: sig, Committer: sig})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestSendPackAndFetch, against git daemon: SendPack creates a ref on the
// server, sends nothing when the ref is already there, and refuses with
// ErrRaced when the ref is no longer the old value given; ListRemote sees
// the ref; Fetch brings it into another repository, and an up-to-date
// fetch or one asking for a ref the server lacks is no error. Addresses
// no transport takes and servers without the repository fail with the
// SendError step the caller words them by.
func TestSendPackAndFetch(t *testing.T) {
	url, base := gitDaemon(t)
	ctx := context.Background()
	dir, g := newRepo(t)
	r := &Repo{Dir: dir, Git: g, St: g.Storer}
	name := plumbing.ReferenceName("refs/heads/people/ana")
	first := commitFile(t, g, dir, "a.md", "Comment 1\n")
	if err := r.SendPack(ctx, url, nil, name, plumbing.ZeroHash, first); err != nil {
		t.Fatalf("first send: %v", err)
	}
	if err := r.SendPack(ctx, url, nil, name, plumbing.ZeroHash, first); err != nil {
		t.Fatalf("the ref is already there, so nothing is sent: %v", err)
	}
	second := commitFile(t, g, dir, "b.md", "Comment 2\n")
	if err := r.SendPack(ctx, url, nil, name, plumbing.ZeroHash, second); !errors.Is(err, ErrRaced) {
		t.Fatalf("a stale old value: %v, want ErrRaced", err)
	}
	refs, err := ListRemote(ctx, url, nil)
	if err != nil || len(refs) != 1 || refs[0].Name() != name || refs[0].Hash() != first {
		t.Fatalf("ListRemote %v %v", refs, err)
	}
	if err := r.SendPack(ctx, url, nil, name, first, second); err != nil {
		t.Fatalf("second send: %v", err)
	}

	dir2, g2 := newRepo(t)
	r2 := &Repo{Dir: dir2, Git: g2, St: g2.Storer}
	if _, err := g2.CreateRemote(&config.RemoteConfig{Name: "srv", URLs: []string{url}}); err != nil {
		t.Fatal(err)
	}
	spec := []config.RefSpec{"+refs/heads/people/ana:refs/remotes/srv/people/ana"}
	for i := 0; i < 2; i++ { // the second fetch has nothing new
		if err := r2.Fetch(ctx, "srv", spec, nil); err != nil {
			t.Fatalf("fetch %d: %v", i, err)
		}
	}
	got, err := g2.Reference("refs/remotes/srv/people/ana", true)
	if err != nil || got.Hash() != second {
		t.Fatalf("fetched ref %v %v, want %s", got, err, second)
	}
	if _, err := g2.CommitObject(second); err != nil {
		t.Fatalf("the fetched commit is not there: %v", err)
	}
	if err := r2.Fetch(ctx, "srv", []config.RefSpec{"+refs/heads/people/ben:refs/remotes/srv/people/ben"}, nil); err != nil {
		t.Fatalf("a ref the server lacks: %v", err)
	}

	var se *SendError
	if err := r.SendPack(ctx, "nothing://x/r.git", nil, name, first, second); !errors.As(err, &se) || se.Step != StepEndpoint {
		t.Fatalf("unknown transport: %v", err)
	}
	if err := r.SendPack(ctx, base+"/missing.git", nil, name, first, second); !errors.As(err, &se) || se.Step != StepConnect || se.Unwrap() == nil || se.Error() != se.Err.Error() {
		t.Fatalf("no repository there: %v", err)
	}
	if refs, err := ListRemote(ctx, base+"/missing.git", nil); err == nil {
		t.Fatalf("ListRemote of no repository: %v", refs)
	}
}

// TestHTTPAuth: a token is the basic-auth password, with "delegate" for
// a user when none is given; no token, no auth at all.
func TestHTTPAuth(t *testing.T) {
	if a := HTTPAuth("oauth2", ""); a != nil {
		t.Fatalf("no token gives %v", a)
	}
	a, ok := HTTPAuth("", "tok").(*http.BasicAuth)
	if !ok || a.Username != "delegate" || a.Password != "tok" {
		t.Fatalf("HTTPAuth %#v", a)
	}
	if a := HTTPAuth("oauth2", "tok").(*http.BasicAuth); a.Username != "oauth2" {
		t.Fatalf("user %q", a.Username)
	}
}
