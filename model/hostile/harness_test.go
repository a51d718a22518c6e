package hostile

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/store/storetest"
)

// Generous bounds: a hostile input must be refused well within them.
const (
	maxCaseTime = 15 * time.Second
	maxCaseHeap = 400 << 20 // peak live heap above the start of the case
)

// hostileCase is one entry of the catalogue. prepare builds the input
// (files in scratch, a remote) and returns the operation to run; the
// workspace is hashed after prepare and again after the operation.
type hostileCase struct {
	name    string
	prepare func(t *testing.T, e *env) func() error
	is      error    // the sentinel the error must wrap (nil: any)
	want    []string // what the message must say, in the user's words
	maxHeap uint64   // a tighter heap bound for this case (0: maxCaseHeap)
}

// env is what a case may use: an open workspace and a scratch folder
// outside it for the hostile files.
type env struct {
	ws      *store.Workspace
	scratch string
}

// runCatalogue runs the cases on one workspace, each as a subtest.
func runCatalogue(t *testing.T, cases []hostileCase) {
	w := storetest.New(t)
	seedWorkspace(t, w)
	e := &env{ws: w, scratch: t.TempDir()}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			op := c.prepare(t, e)
			before := treeHash(t, w.Dir())
			took, peak, err := measure(op)
			if err == nil {
				t.Fatalf("hostile input accepted")
			}
			if c.is != nil && !errors.Is(err, c.is) {
				t.Errorf("error %q does not wrap %q", err, c.is)
			}
			for _, want := range c.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("message %q does not say %q", err, want)
				}
			}
			heap := uint64(maxCaseHeap)
			if c.maxHeap > 0 {
				heap = c.maxHeap
			}
			if took > maxCaseTime || peak > heap {
				t.Errorf("took %v and %d MB of heap (bounds %v, %d MB)", took, peak>>20, maxCaseTime, heap>>20)
			}
			if after := treeHash(t, w.Dir()); after != before {
				t.Errorf("the workspace changed:\n%s", diffTrees(before, after))
			}
			t.Logf("%v, peak heap +%d MB: %v", took.Round(time.Millisecond), peak>>20, err)
		})
	}
}

// seedWorkspace gives the workspace some saved work, so "unchanged"
// means something.
func seedWorkspace(t *testing.T, w *store.Workspace) {
	for _, n := range []string{"3", "14"} {
		c := storetest.Comment(n, "a comment worth weeks of work on paragraph "+n)
		if err := w.SaveComment(&c, "add"); err != nil {
			t.Fatal(err)
		}
	}
	o := storetest.Opinion(2)
	if err := w.SaveOpinion(&o, "add"); err != nil {
		t.Fatal(err)
	}
}

// measure runs op and returns its error, how long it took and the peak
// live heap above the level when it started, sampled every 5 ms.
func measure(op func() error) (took time.Duration, peak uint64, err error) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	stop, done := make(chan struct{}), make(chan struct{})
	var mu sync.Mutex
	go func() {
		defer close(done)
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			mu.Lock()
			if m.HeapAlloc > base && m.HeapAlloc-base > peak {
				peak = m.HeapAlloc - base
			}
			mu.Unlock()
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	start := time.Now()
	err = op()
	took = time.Since(start)
	close(stop)
	<-done
	mu.Lock()
	defer mu.Unlock()
	return took, peak, err
}

// treeHash lists every file and folder under dir (.git included) with its
// mode and the SHA-256 of its content or link target, one line each.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		info, err := d.Info()
		if err != nil {
			return err
		}
		sum := ""
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			sum = "-> " + target
		case info.Mode().IsRegular():
			if sum, err = fileSum(p); err != nil {
				return err
			}
		}
		fmt.Fprintf(&b, "%s %v %s\n", filepath.ToSlash(rel), info.Mode(), sum)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func fileSum(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// diffTrees shows the lines that differ between two treeHash listings.
func diffTrees(before, after string) string {
	was := map[string]bool{}
	for _, l := range strings.Split(before, "\n") {
		was[l] = true
	}
	now := map[string]bool{}
	var out []string
	for _, l := range strings.Split(after, "\n") {
		now[l] = true
		if !was[l] {
			out = append(out, "+ "+l)
		}
	}
	for _, l := range strings.Split(before, "\n") {
		if !now[l] {
			out = append(out, "- "+l)
		}
	}
	return strings.Join(out, "\n")
}

// writeFile puts data in the scratch folder and returns its path.
func writeFile(t *testing.T, e *env, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(e.scratch, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// bigFile makes a file of size bytes starting with head, written in one
// small header and extended sparsely, so the test itself stays small.
func bigFile(t *testing.T, e *env, name string, head []byte, size int64) string {
	t.Helper()
	p := writeFile(t, e, name, head)
	if err := os.Truncate(p, size); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Remove(p) })
	return p
}

func newWorkspace(t *testing.T) *store.Workspace {
	w := storetest.New(t)
	seedWorkspace(t, w)
	return w
}
