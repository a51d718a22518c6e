package store_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
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

// Children of the export, package import and sync kill harnesses: the
// test binary re-exec'd with envCrashChild (the workspace) and
// envCrashOp. Each runs its operation in a loop and prints one line per
// completed step, so the parent knows what must survive the kill.
const (
	envCrashOp   = "DELEGATE_STORE_CRASH_OP"
	envCrashArg  = "DELEGATE_STORE_CRASH_ARG" // export: the package folders' root; import: the list of packages; sync: the colleague's workspace
	freshExports = 25                         // kills per export workspace
	freshImports = 10                         // kills per importing workspace (it runs out of packages)
	freshSyncs   = 25                         // kills per pair of syncing workspaces
	importPkgs   = 50                         // packages made for the import kills
)

// crashChild runs the operation named by envCrashOp; it never returns.
func crashChild(op, dir, arg string) {
	fail := func(what string, err error) {
		fmt.Println(what+":", err)
		os.Exit(4)
	}
	w, err := store.Open(dir, store.Options{})
	if err != nil {
		fail("open", err)
	}
	var other *store.Workspace
	if op == "sync" {
		if other, err = store.Open(arg, store.Options{}); err != nil {
			fail("open", err)
		}
	}
	fmt.Println("opened")
	switch op {
	case "export": // export what the parent approved, approve one or two new comments, again
		for n := 0; ; n++ {
			if n > 0 {
				if _, err := approveNew(w, 1+n%2, fmt.Sprintf("round %d", n)); err != nil {
					fail("approve", err)
				}
			}
			id, _, err := exportOnce(w, arg)
			if err != nil {
				fail("export", err)
			}
			fmt.Println("recorded", id)
		}
	case "import": // import each listed package not imported yet
		b, err := os.ReadFile(arg)
		if err != nil {
			fail("read the package list", err)
		}
		for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			zip, id, _ := strings.Cut(line, " ")
			if _, err := w.Comment(id); err == nil {
				continue
			}
			p, err := export.VerifyFile(zip)
			if err != nil {
				fail("verify", err)
			}
			items, err := p.Items()
			if err != nil {
				fail("items", err)
			}
			if err := w.ImportItems(p.Manifest.Sender, p.Manifest.PackageID, items.Comments, items.Opinions); err != nil {
				fail("import", err)
			}
			fmt.Println("imported", i)
		}
		fmt.Println("imported all")
		select {}
	case "sync": // the two colleagues in turn: sync (the parent saved new work in both), save a comment
		ws := []*store.Workspace{w, other}
		for n := 0; ; n++ {
			x := ws[n%2]
			if _, err := x.Sync(context.Background(), "share", store.SyncOptions{}); err != nil {
				fail("sync", err)
			}
			c := storetest.Comment(fmt.Sprint(n%50+1), fmt.Sprintf("%s: sync round %d.", x.User().Name, n))
			if err := x.SaveComment(&c, "add"); err != nil {
				fail("save", err)
			}
			fmt.Println("saved", x.Dir(), c.ID)
		}
	}
	fail("unknown operation", errors.New(op))
}

// killChild starts a child running op on dir and SIGKILLs it after
// delay, counted from its start (duringStart: it may be opening and
// repairing the previous kill) or from the moment it reported its
// workspace open and started the operation. It returns the steps it
// reported, "opened" left out.
func killChild(t *testing.T, op, dir, arg string, duringStart bool, delay time.Duration) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envCrashChild+"="+dir, envCrashOp+"="+op, envCrashArg+"="+arg)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var steps []string
	done, first := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			line := sc.Text()
			switch f := strings.Fields(line); {
			case line == "opened":
				close(first)
			case len(f) >= 2 && (f[0] == "recorded" || f[0] == "imported" || f[0] == "saved"):
				steps = append(steps, line)
			default:
				t.Errorf("child: %s", line)
			}
		}
	}()
	if duringStart {
		time.Sleep(delay)
	} else {
		select {
		case <-first:
			time.Sleep(delay)
		case <-done:
		case <-time.After(time.Minute):
			t.Error("the child reported nothing within a minute")
		}
	}
	_ = cmd.Process.Signal(syscall.SIGKILL)
	<-done
	_ = cmd.Wait()
	return steps
}

// killPlan is the seeded schedule of one harness: how many kills, and for
// each whether it lands during start-up and after how long.
type killPlan struct {
	kills int
	seed  uint64
	rng   *rand.Rand
}

func newKillPlan(t *testing.T) *killPlan {
	kills := envInt("DELEGATE_CRASH_KILLS", defaultKills)
	seed := uint64(envInt("DELEGATE_CRASH_SEED", int(time.Now().UnixNano()%1e9)))
	t.Logf("%d kills, seed %d (DELEGATE_CRASH_SEED=%d replays them)", kills, seed, seed)
	return &killPlan{kills: kills, seed: seed, rng: rand.New(rand.NewPCG(seed, seed))}
}

// next is one kill: one in five during start-up (opening and repairing
// the previous kill), the rest up to spread after the child opened.
func (p *killPlan) next(spread time.Duration) (bool, time.Duration) {
	during := p.rng.IntN(5) == 0
	return during, time.Duration(p.rng.Int64N(int64(spread)))
}

// TestKillWhileExporting SIGKILLs a child that exports the approved
// comments (package folder written, then recorded: statuses and tag),
// approves new ones and exports again, in a loop. After every kill the workspace opens (finishing a pending
// recording), no package is recorded by half (a tag without the statuses
// or the reverse), every tagged package's folder verifies, every package
// the child reported is tagged, git fsck --strict passes, and exporting
// again succeeds and leaves nothing approved.
func TestKillWhileExporting(t *testing.T) {
	t.Parallel() // with the other kill harnesses: most of a kill is waiting
	plan := newKillPlan(t)
	start := time.Now()
	var dir, out string
	var seen map[string]bool
	early, reported, reexports, finished := 0, 0, 0, 0
	for k := 0; k < plan.kills; k++ {
		if k%freshExports == 0 {
			dir, out, seen = exportWorkspace(t), t.TempDir(), map[string]bool{}
		}
		during, delay := plan.next(80 * time.Millisecond)
		steps := killChild(t, "export", dir, out, during, delay)
		if len(steps) == 0 {
			early++
		}
		reported += len(steps)
		w, err := store.Open(dir, store.Options{})
		if err != nil {
			t.Fatalf("kill %d (seed %d): the workspace does not open: %v", k, plan.seed, err)
		}
		if rec := strings.Join(w.Recovered(), "\n"); strings.Contains(rec, "finished recording package") {
			finished++
		}
		have := map[string]bool{}
		for _, tg := range tags(t, dir) {
			have[tg] = true
		}
		for _, s := range steps {
			if id := strings.Fields(s)[1]; !have[id] {
				t.Fatalf("kill %d (seed %d): package %s was reported recorded but is not tagged", k, plan.seed, id)
			}
		}
		if checkExported(t, w, out, seen) > 0 {
			id, _, err := exportOnce(w, out)
			if err != nil {
				t.Fatalf("kill %d (seed %d): exporting again after the kill: %v", k, plan.seed, err)
			}
			reexports++
			if checkExported(t, w, out, seen) > 0 {
				t.Fatalf("kill %d: items still approved after exporting %s again", k, id)
			}
		}
		if tmp := leftovers(t, dir, out); len(tmp) > 0 {
			t.Fatalf("kill %d: temporary files left after the re-export: %v", k, tmp)
		}
		if _, err := approveNew(w, 1+k%2, fmt.Sprintf("kill %d", k)); err != nil { // for the next child to export
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		storetest.CheckGit(t, dir)
		if t.Failed() {
			t.Fatalf("kill %d of seed %d failed", k, plan.seed)
		}
	}
	t.Logf("%d kills survived in %v: %d before the child completed an export, %d exports reported, %d recordings finished on open, %d re-exports",
		plan.kills, time.Since(start).Round(time.Millisecond), early, reported, finished, reexports)
}

// importPackages makes n packages, one comment each, from an expert's
// workspace, and returns the file listing them ("zip comment-ID" a line)
// and, per package, its comment's ID.
func importPackages(t *testing.T, n int) (list string, ids []string) {
	t.Helper()
	w, err := store.Open(exportWorkspace(t), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	out := t.TempDir()
	if _, _, err := exportOnce(w, out); err != nil { // the fixture's two comments
		t.Fatal(err)
	}
	var zips []string
	for i := 0; i < n; i++ {
		got, err := approveNew(w, 1, fmt.Sprintf("package %d", i))
		if err != nil {
			t.Fatal(err)
		}
		id, _, err := exportOnce(w, out)
		if err != nil {
			t.Fatal(err)
		}
		zips, ids = append(zips, filepath.Join(out, id, id+".zip")+" "+got[0]), append(ids, got[0])
	}
	list = filepath.Join(out, "packages")
	mustWrite(t, list, strings.Join(zips, "\n"))
	return list, ids
}

// TestKillWhileImporting SIGKILLs a child that imports received packages
// one after the other. After every kill the workspace opens, each
// package is imported whole or not at all, every import the child
// reported is there, git fsck --strict passes, and importing the next
// package succeeds.
func TestKillWhileImporting(t *testing.T) {
	t.Parallel() // with the other kill harnesses: most of a kill is waiting
	plan := newKillPlan(t)
	start := time.Now()
	list, ids := importPackages(t, importPkgs)
	var zips []string
	for _, line := range strings.Split(readFile(t, list), "\n") {
		zip, _, _ := strings.Cut(line, " ")
		zips = append(zips, zip)
	}
	var dir string
	early, reported, reimports := 0, 0, 0
	for k := 0; k < plan.kills; k++ {
		if k%freshImports == 0 {
			dir = freshWorkspace(t)
		}
		during, delay := plan.next(40 * time.Millisecond)
		steps := killChild(t, "import", dir, list, during, delay)
		if len(steps) == 0 {
			early++
		}
		reported += len(steps)
		w, err := store.Open(dir, store.Options{})
		if err != nil {
			t.Fatalf("kill %d (seed %d): the workspace does not open: %v", k, plan.seed, err)
		}
		next := -1
		for i, id := range ids {
			c, err := w.Comment(id)
			switch {
			case err == nil && c.Review.Status != item.StatusReady:
				t.Fatalf("kill %d: imported %s is %s, want ready", k, id, c.Review.Status)
			case err != nil && next < 0:
				next = i
			}
		}
		for _, s := range steps {
			var i int
			if _, err := fmt.Sscanf(s, "imported %d", &i); err == nil {
				if _, err := w.Comment(ids[i]); err != nil {
					t.Fatalf("kill %d (seed %d): package %d was reported imported but %s is missing: %v", k, plan.seed, i, ids[i], err)
				}
			}
		}
		if next >= 0 {
			p, err := export.VerifyFile(zips[next])
			if err != nil {
				t.Fatal(err)
			}
			items, err := p.Items()
			if err == nil {
				err = w.ImportItems(p.Manifest.Sender, p.Manifest.PackageID, items.Comments, items.Opinions)
			}
			if err != nil {
				t.Fatalf("kill %d (seed %d): importing package %d again after the kill: %v", k, plan.seed, next, err)
			}
			if _, err := w.Comment(ids[next]); err != nil {
				t.Fatalf("kill %d: re-imported %s is missing: %v", k, ids[next], err)
			}
			reimports++
		}
		if tmp := leftovers(t, dir); len(tmp) > 0 {
			t.Fatalf("kill %d: temporary files left: %v", k, tmp)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		storetest.CheckGit(t, dir)
		if t.Failed() {
			t.Fatalf("kill %d of seed %d failed", k, plan.seed)
		}
	}
	t.Logf("%d kills survived in %v: %d before the child completed an import, %d imports reported, %d re-imports",
		plan.kills, time.Since(start).Round(time.Millisecond), early, reported, reimports)
}

// TestKillWhileSyncing SIGKILLs a child in which two colleagues take
// turns to sync through a folder remote (fetch, merge, publish) and save
// a comment. After every kill both workspaces open, every save
// reported is there, the shared repository and both workspaces pass git
// fsck --strict, and syncing again (Ana, Bo, Ana) succeeds and gives both
// the same comments.
func TestKillWhileSyncing(t *testing.T) {
	t.Parallel() // with the other kill harnesses: most of a kill is waiting
	plan := newKillPlan(t)
	start := time.Now()
	var p syncPair
	early, reported, stale := 0, 0, 0
	for k := 0; k < plan.kills; k++ {
		if k%freshSyncs == 0 {
			p = newSyncPair(t)
		}
		during, delay := plan.next(100 * time.Millisecond)
		steps := killChild(t, "sync", p.a, p.b, during, delay)
		if len(steps) == 0 {
			early++
		}
		reported += len(steps)
		ws := map[string]*store.Workspace{}
		for _, dir := range []string{p.a, p.b} {
			w, err := store.Open(dir, store.Options{})
			if err != nil {
				t.Fatalf("kill %d (seed %d): %s does not open: %v", k, plan.seed, dir, err)
			}
			ws[dir] = w
		}
		for _, s := range steps {
			f := strings.Fields(s)
			if _, err := ws[f[1]].Comment(f[2]); err != nil {
				t.Fatalf("kill %d (seed %d): %q was reported but the comment is missing: %v", k, plan.seed, s, err)
			}
		}
		for _, dir := range []string{p.a, p.b, p.a} {
			_, err := ws[dir].Sync(context.Background(), "share", store.SyncOptions{})
			if errors.Is(err, store.ErrRaced) && strings.Contains(err.Error(), "sync again in a minute") {
				// A publish killed holding its ref lock: the user is told to
				// sync again in a minute; a minute passes.
				stale += ageLocks(t, p.remote)
				_, err = ws[dir].Sync(context.Background(), "share", store.SyncOptions{})
			}
			if err != nil {
				t.Fatalf("kill %d (seed %d): syncing %s again after the kill: %v", k, plan.seed, filepath.Base(dir), err)
			}
		}
		a, b := commentSet(t, ws[p.a]), commentSet(t, ws[p.b])
		if a != b {
			t.Fatalf("kill %d (seed %d): after syncing again the colleagues differ:\n%s\n---\n%s", k, plan.seed, a, b)
		}
		for _, w := range ws { // new work on both sides for the next child to sync
			c := storetest.Comment("7", fmt.Sprintf("%s before kill %d.", w.User().Name, k+1))
			if err := w.SaveComment(&c, "add"); err != nil {
				t.Fatal(err)
			}
		}
		for _, w := range ws {
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
		}
		// The shared repository may keep an object a killed publish had
		// half-written, as git's own push would: nobody may sweep a folder
		// that colleagues write to at the same time. Git ignores it.
		if tmp := leftovers(t, p.a, p.b); len(tmp) > 0 {
			t.Fatalf("kill %d: temporary files left: %v", k, tmp)
		}
		if err := checkGitAll([]string{p.a, p.b}, p.remote); err != nil {
			t.Fatalf("kill %d (seed %d): %v", k, plan.seed, err)
		}
		if t.Failed() {
			t.Fatalf("kill %d of seed %d failed", k, plan.seed)
		}
	}
	t.Logf("%d kills survived in %v: %d before the child completed a sync, %d syncs (each followed by a save) reported, %d ref locks left by a killed publish taken over",
		plan.kills, time.Since(start).Round(time.Millisecond), early, reported, stale)
}

// commentSet is a workspace's comments, one "id body" a line, sorted.
func commentSet(t *testing.T, w *store.Workspace) string {
	t.Helper()
	var lines []string
	for id, body := range commentIDs(t, w) {
		lines = append(lines, id+" "+body)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// ageLocks makes the ref locks in a shared repository a minute old, as
// if the user waited before syncing again, and returns how many there are.
func ageLocks(t *testing.T, remote string) int {
	t.Helper()
	n := 0
	old := time.Now().Add(-time.Minute)
	err := filepath.WalkDir(filepath.Join(remote, "refs"), func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".lock") {
			n++
			err = os.Chtimes(p, old, old)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// checkGitAll is storetest.CheckGit on each workspace and git fsck on the
// shared repository, the git processes run side by side (five of them
// after every sync kill were most of its cost). Without git it checks
// nothing.
func checkGitAll(workspaces []string, bare string) error {
	if !storetest.HasGit() {
		return nil
	}
	type check struct {
		dir  string
		args []string
		want string // output that means sound; "" for any
	}
	var checks []check
	for _, dir := range workspaces {
		checks = append(checks, check{dir, []string{"status", "--porcelain", "--untracked-files=all"}, "="},
			check{dir, []string{"fsck", "--strict", "--no-progress"}, ""})
	}
	checks = append(checks, check{bare, []string{"fsck", "--strict", "--no-dangling", "--no-progress"}, ""})
	errs := make([]error, len(checks))
	var wg sync.WaitGroup
	for i, c := range checks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command("git", c.args...)
			cmd.Dir = c.dir
			cmd.Env = append(cmd.Environ(), "GIT_CONFIG_NOSYSTEM=1", "LC_ALL=C")
			out, err := cmd.CombinedOutput()
			switch {
			case err != nil:
				errs[i] = fmt.Errorf("git %s in %s: %v\n%s", strings.Join(c.args, " "), c.dir, err, out)
			case c.want == "=" && len(out) > 0:
				errs[i] = fmt.Errorf("git status in %s not clean:\n%s", c.dir, out)
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}
