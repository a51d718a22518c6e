package store_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/store/storetest"
)

// The benchmark workspace: DELEGATE_BENCH_WORKSPACE names its folder
// (generated there on first use, DELEGATE_BENCH_ITEMS items and
// DELEGATE_BENCH_COMMITS commits, 5,000 and 10,000 by default);
// scripts/bench-store.sh sets it and times the git CLI on the same
// repository. Without it, a small workspace is generated per run.
func benchWorkspace(tb testing.TB) (dir string, items, commits int) {
	if !storetest.HasGit() {
		tb.Skip("the benchmark generator streams into git fast-import; git is not on PATH")
	}
	items, commits = envInt("DELEGATE_BENCH_ITEMS", 5000), envInt("DELEGATE_BENCH_COMMITS", 10000)
	dir = os.Getenv("DELEGATE_BENCH_WORKSPACE")
	if dir == "" {
		dir, items, commits = filepath.Join(tb.TempDir(), "ws"), 200, 400
	}
	if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
		return dir, items, commits
	}
	start := time.Now()
	if err := storetest.Generate(dir, items, commits); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("generated %d items, %d commits in %v", items, commits, time.Since(start).Round(time.Millisecond))
	start = time.Now()
	w, err := store.Open(dir, store.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	defer w.Close()
	if _, err := w.History(storetest.GenID(0)); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("first open built the history index in %v", time.Since(start).Round(time.Millisecond))
	return dir, items, commits
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// TestBenchWorkspace generates the benchmark workspace ahead of the
// benchmarks and checks it is sound, so generation time is not benchmarked.
func TestBenchWorkspace(t *testing.T) {
	dir, items, commits := benchWorkspace(t)
	w, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	id := storetest.GenID(storetest.Edited(1, items))
	vs, err := w.History(id)
	if err != nil || len(vs) < 2 {
		t.Fatalf("history of %s: %v %d", id, err, len(vs))
	}
	t.Logf("workspace %s: %d items, %d commits; %s has %d versions", dir, items, commits, id, len(vs))
}

func BenchmarkWorkspaceSave(b *testing.B) {
	dir, items, _ := benchWorkspace(b)
	w, err := store.Open(dir, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	c, err := w.Comment(storetest.GenID(0))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		c.Body = fmt.Sprintf("Benchmark edit %d at %d.\n", i, time.Now().UnixNano())
		if err := w.SaveComment(&c, "edit body"); err != nil {
			b.Fatal(err)
		}
	}
	_ = items
}

// BenchmarkWorkspaceHistory is a cold query, like one `git log -- PATH`:
// open, read the history index, read the item's commits, close.
func BenchmarkWorkspaceHistory(b *testing.B) {
	dir, items, _ := benchWorkspace(b)
	id := storetest.GenID(storetest.Edited(1, items))
	for b.Loop() {
		w, err := store.Open(dir, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if vs, err := w.History(id); err != nil || len(vs) == 0 {
			b.Fatal(err)
		}
		_ = w.Close()
	}
}

// BenchmarkWorkspaceHistoryWarm asks again in an open workspace (the app's case).
func BenchmarkWorkspaceHistoryWarm(b *testing.B) {
	dir, items, _ := benchWorkspace(b)
	w, err := store.Open(dir, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	id := storetest.GenID(storetest.Edited(1, items))
	for b.Loop() {
		if _, err := w.History(id); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWorkspaceOpen(b *testing.B) {
	dir, _, _ := benchWorkspace(b)
	for b.Loop() {
		w, err := store.Open(dir, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := w.Head(); err != nil {
			b.Fatal(err)
		}
		_ = w.Close()
	}
}
