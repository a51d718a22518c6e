package store_test

import (
	"context"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/delegate-itu/delegate/model/store"
)

// syncBenchItems is how many new items the sync benchmarks move.
const syncBenchItems = 1000

// BenchmarkSync measures one expert publishing 1,000 new items (1,000
// commits) over loopback HTTP (git http-backend) and a coordinator
// fetching and merging them, next to the git CLI pushing and fetching the
// same commits. scripts/bench-sync.sh runs it.
func BenchmarkSync(b *testing.B) {
	b.Setenv(store.EnvToken, "tok")
	ana := person(b, "Ana")
	addComments(b, ana, syncBenchItems, "ana")
	b.Run("delegate-publish", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			url, _ := httpRemote(b, "tok")
			w := reopenCopy(b, ana, url)
			b.StartTimer()
			mustSync(b, w, "")
			b.StopTimer()
			_ = w.Close()
			b.StartTimer()
		}
	})
	url, _ := httpRemote(b, "tok")
	addRemote(b, ana, "origin", url)
	mustSync(b, ana, "")
	b.Run("delegate-fetch-merge", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			coord := person(b, "Coord")
			addComments(b, coord, 1, "coord")
			addRemote(b, coord, "origin", url)
			b.StartTimer()
			rep, err := coord.Sync(context.Background(), "", store.SyncOptions{})
			if err != nil || len(rep.Merged) == 0 || rep.Merged[0].Changed < syncBenchItems {
				b.Fatalf("%v %+v", err, rep)
			}
		}
	})
	b.Run("git-push", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			url, _ := httpRemote(b, "tok")
			b.StartTimer()
			gitRun(b, ana.Dir(), "push", "-q", withTok(url), "main:refs/heads/people/ana-example-org")
		}
	})
	b.Run("git-fetch", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			dir := filepath.Join(b.TempDir(), "c")
			gitRun(b, "", "init", "-q", dir)
			b.StartTimer()
			gitRun(b, dir, "fetch", "-q", withTok(url), "refs/heads/people/*:refs/remotes/o/people/*")
		}
	})
}

// reopenCopy clones w's repository into a fresh folder with the git
// binary and opens it as a workspace with remote url, so each run
// publishes into an empty remote.
func reopenCopy(b *testing.B, w *store.Workspace, url string) *store.Workspace {
	dir := filepath.Join(b.TempDir(), "copy")
	gitRun(b, "", "clone", "-q", "--no-local", w.Dir(), dir)
	gitRun(b, dir, "remote", "remove", "origin")
	c, err := store.Open(dir, store.Options{User: w.User()})
	if err != nil {
		b.Fatal(err)
	}
	addRemote(b, c, "origin", url)
	return c
}

func withTok(url string) string { return "http://x:tok@" + url[len("http://"):] }

func gitRun(b *testing.B, dir string, args ...string) {
	b.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// BenchmarkIncomingCheck is the incoming check alone on the branch the
// sync benchmarks move (1,000 items saved one commit each): every new
// commit's tree is checked, as a coordinator's first sync with an expert
// does. It is part of delegate-fetch-merge.
func BenchmarkIncomingCheck(b *testing.B) {
	ana := person(b, "Ana")
	addComments(b, ana, syncBenchItems, "ana")
	coord := person(b, "Coord")
	for b.Loop() {
		if err := store.CheckBranchOf(coord, ana); err != nil {
			b.Fatal(err)
		}
	}
}
