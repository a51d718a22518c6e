package store_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/store/storetest"
)

// envCrashChild makes the test binary act as a process that saves in a
// loop until it is killed.
const envCrashChild = "DELEGATE_STORE_CRASH_CHILD"

func TestMain(m *testing.M) {
	if dir := os.Getenv(envCrashChild); dir != "" {
		if op := os.Getenv(envCrashOp); op != "" {
			crashChild(op, dir, os.Getenv(envCrashArg))
		}
		saveForever(dir)
		return
	}
	os.Exit(m.Run())
}

// saveForever edits comment after comment and prints "saved <id> <n>"
// after each save returned, so the parent knows what must survive.
func saveForever(dir string) {
	w, err := store.Open(dir, store.Options{})
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	fmt.Println("opened")
	cs, _ := w.Comments()
	for n := 0; ; n++ {
		if n%5 == 0 || len(cs) == 0 {
			c := storetest.Comment(strconv.Itoa(n), "new")
			cs = append(cs, c)
		}
		c := &cs[n%len(cs)]
		c.Body = fmt.Sprintf("edit %d", n)
		if err := w.SaveComment(c, "edit body"); err != nil {
			fmt.Println("save:", err)
			os.Exit(4)
		}
		fmt.Printf("saved %s %s\n", c.ID, c.Body)
	}
}

func TestRecoverInterruptedSave(t *testing.T) {
	w := storetest.New(t)
	c := storetest.Comment("7", "committed text")
	if err := w.SaveComment(&c, "add"); err != nil {
		t.Fatal(err)
	}
	dir := w.Dir()
	_ = w.Close()
	p := filepath.Join(dir, "items", "comments", c.ID+".md")
	// Simulate a save killed after the file was half rewritten: a stray
	// temp file, a file that differs from the commit, and the journal.
	mustWrite(t, p, "half-written")
	mustWrite(t, filepath.Join(dir, "items", "comments", "."+c.ID+".md.delegate-tmp-abc"), "partial")
	mustWrite(t, filepath.Join(dir, ".git", "delegate", "saving"), "items/comments/"+c.ID+".md\n")
	w, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	got, err := w.Comment(c.ID)
	if err != nil || got.Body != "committed text" {
		t.Fatalf("committed comment lost: %v %q", err, got.Body)
	}
	if b, _ := os.ReadFile(p); !strings.Contains(string(b), "committed text") {
		t.Fatalf("working file not restored: %s", b)
	}
	rec := strings.Join(w.Recovered(), "\n")
	for _, want := range []string{"removed the unfinished file", "uncommitted copy kept in", "interrupted"} {
		if !strings.Contains(rec, want) {
			t.Fatalf("recovered %q lacks %q", rec, want)
		}
	}
	storetest.CheckGit(t, dir)
}

func TestHistoryIndexRebuildAndCatchUp(t *testing.T) {
	w := storetest.New(t)
	c := storetest.Comment("9", "v1")
	_ = w.SaveComment(&c, "add")
	c.Body = "v2"
	_ = w.SaveComment(&c, "edit body")
	dir := w.Dir()
	_ = w.Close()
	if err := os.Remove(filepath.Join(dir, ".git", "delegate", "history")); err != nil {
		t.Fatal(err)
	}
	if storetest.HasGit() { // a commit made outside Delegate
		p := filepath.Join(dir, "items", "comments", c.ID+".md")
		b, _ := os.ReadFile(p)
		mustWrite(t, p, strings.Replace(string(b), "v2", "v3 by git", 1))
		storetest.Git(t, dir, "-c", "user.name=Git User", "-c", "user.email=g@example.org", "commit", "-qam", "hand edit")
	}
	w, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	vs, err := w.History(c.ID)
	want := 2
	if storetest.HasGit() {
		want = 3
	}
	if err != nil || len(vs) != want {
		t.Fatalf("history after rebuild: %v %+v", err, vs)
	}
	if !storetest.HasGit() {
		return
	}
	if vs[2].Author.Name != "Git User" || vs[2].Message != "hand edit" {
		t.Fatalf("outside commit not indexed: %+v", vs[2])
	}
	storetest.Git(t, dir, "-c", "user.name=Git User", "-c", "user.email=g@example.org", "rm", "-q", "items/comments/"+c.ID+".md")
	storetest.Git(t, dir, "-c", "user.name=Git User", "-c", "user.email=g@example.org", "commit", "-qm", "remove by hand")
	vs, err = w.History(c.ID)
	if err != nil || len(vs) != 4 || !vs[3].Deleted || vs[2].Deleted {
		t.Fatalf("deletion not in history: %v %+v", err, vs)
	}
	if err := w.Restore(c.ID, 3); err != nil {
		t.Fatalf("restore a deleted item: %v", err)
	}
	if got, err := w.Comment(c.ID); err != nil || got.Body != "v3 by git" {
		t.Fatalf("after restore: %v %q", err, got.Body)
	}
	storetest.CheckGit(t, dir)
}

func editNumber(body string) int {
	n, err := strconv.Atoi(strings.TrimPrefix(body, "edit "))
	if err != nil {
		return -1
	}
	return n
}

func mustWrite(t *testing.T, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestHistoryIndexRebuildMatchesIncremental checks that the index built
// by walking the repository equals the one appended save by save.
func TestHistoryIndexRebuildMatchesIncremental(t *testing.T) {
	w := storetest.New(t)
	c := storetest.Comment("1", "a")
	_ = w.SaveComment(&c, "add")
	o := storetest.Opinion(2)
	_ = w.SaveOpinion(&o, "add")
	if _, err := w.ImportDraft(store.DraftImport{Source: "d.md", Data: []byte("x"), Label: "2nd draft", Parsed: []byte("{}")}); err != nil {
		t.Fatal(err)
	}
	c.Body = "b"
	_ = w.SaveComment(&c, "edit body")
	dir := w.Dir()
	_ = w.Close()
	path := filepath.Join(dir, ".git", "delegate", "history")
	before := sortedLines(t, path)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	w, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.History(c.ID); err != nil {
		t.Fatal(err)
	}
	if after := sortedLines(t, path); strings.Join(after, "\n") != strings.Join(before, "\n") {
		t.Fatalf("rebuilt index differs:\n%s\n---\n%s", strings.Join(before, "\n"), strings.Join(after, "\n"))
	}
}

func sortedLines(t *testing.T, path string) []string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	sort.Strings(lines)
	return lines
}
