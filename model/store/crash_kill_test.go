package store_test

import (
	"bufio"
	"errors"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/store/storetest"
)

// Kill plan: DELEGATE_CRASH_KILLS and DELEGATE_CRASH_SEED override the
// defaults to dig deeper or replay a failure (the seed is logged).
const (
	defaultKills = 200
	freshEvery   = 25 // a new workspace every so many kills keeps git fsck fast
)

// TestKillWhileSaving SIGKILLs a child that saves comments in a loop, at
// seeded random moments: some while it starts and repairs the previous
// kill, most while it saves. After every kill the workspace must open,
// hold every save the child reported complete (never an older body), and
// pass `git status` and `git fsck --strict` when git is installed.
func TestKillWhileSaving(t *testing.T) {
	kills := envInt("DELEGATE_CRASH_KILLS", defaultKills)
	seed := uint64(envInt("DELEGATE_CRASH_SEED", int(time.Now().UnixNano()%1e9)))
	t.Logf("%d kills, seed %d (DELEGATE_CRASH_SEED=%d replays them)", kills, seed, seed)
	rng := rand.New(rand.NewPCG(seed, seed))
	start := time.Now()
	var dir string
	saves, early := 0, 0
	for k := 0; k < kills; k++ {
		if k%freshEvery == 0 {
			dir = freshWorkspace(t)
		}
		duringStart := rng.IntN(5) == 0
		delay := time.Duration(rng.IntN(25000)) * time.Microsecond
		saved := runAndKill(t, dir, duringStart, delay)
		if len(saved) == 0 {
			early++
		}
		saves += len(saved)
		checkAfterKill(t, dir, k, saved)
		if t.Failed() {
			t.Fatalf("kill %d of seed %d failed", k, seed)
		}
	}
	t.Logf("%d kills survived in %v (%d before the first reported save), %d reported saves all present",
		kills, time.Since(start).Round(time.Millisecond), early, saves)
}

func freshWorkspace(t *testing.T) string {
	w := storetest.New(t)
	dir := w.Dir()
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// checkAfterKill opens the workspace the child left and checks that every
// reported save is there.
func checkAfterKill(t *testing.T, dir string, k int, saved map[string]string) {
	t.Helper()
	w, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatalf("kill %d: the workspace does not open: %v", k, err)
	}
	for id, body := range saved {
		c, err := w.Comment(id)
		if err != nil {
			t.Fatalf("kill %d: comment %s reported saved is lost: %v", k, id, err)
		}
		// The child may have committed one more edit after its last
		// report, never fewer.
		if editNumber(c.Body) < editNumber(body) {
			t.Fatalf("kill %d: %s has %q, want %q or later", k, id, c.Body, body)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	storetest.CheckGit(t, dir)
}

// runAndKill starts the saving child and SIGKILLs it after delay,
// counted from its start (duringStart: it may be opening or repairing)
// or from its first reported save. It returns the last body each
// comment was reported saved with.
func runAndKill(t *testing.T, dir string, duringStart bool, delay time.Duration) map[string]string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envCrashChild+"="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	saved := map[string]string{}
	done, first := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			f := strings.SplitN(sc.Text(), " ", 3)
			switch {
			case len(f) == 3 && f[0] == "saved":
				if len(saved) == 0 {
					close(first)
				}
				saved[f[1]] = f[2]
			case sc.Text() == "opened":
			default:
				t.Errorf("child: %s", sc.Text())
			}
		}
	}()
	if duringStart {
		time.Sleep(delay)
	} else {
		select {
		case <-first:
			time.Sleep(delay)
		case <-done: // the child stopped by itself: its output says why
		case <-time.After(time.Minute):
			t.Error("the child reported no save within a minute")
		}
	}
	_ = cmd.Process.Signal(syscall.SIGKILL)
	<-done
	_ = cmd.Wait()
	return saved
}

// TestEmptyLockSaysTryAgain: a lock file without content (a process
// killed while creating it, before locks were written in one step, or on
// a drive without hard links) is not "in use by pid 0 since year 1".
func TestEmptyLockSaysTryAgain(t *testing.T) {
	dir := freshWorkspace(t)
	mustWrite(t, dir+"/.git/delegate/lock", "")
	_, err := store.Open(dir, store.Options{})
	if !errors.Is(err, store.ErrLocked) || !strings.Contains(err.Error(), "try again in a few seconds") {
		t.Fatalf("open with an empty fresh lock: %v", err)
	}
}
