package store_test

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/store/storetest"
)

// TestRecordPackageIsOneStep: statuses and tag together; the tag on the
// commit the package was made from, not on the status commit; a second
// record of the same package refused.
func TestRecordPackageIsOneStep(t *testing.T) {
	w, err := store.Open(exportWorkspace(t), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	ids := approvedIDs(t, w)
	head, _ := w.Head()
	rec := store.PackageRecord{Name: "rox-20250601-abcdef0", Message: "Submission package", Target: head, Items: ids}
	got, err := w.RecordPackage(rec)
	if err != nil || got.Marked != len(ids) || got.Finished {
		t.Fatalf("record: %+v %v", got, err)
	}
	assertRecorded(t, w, rec)
	if _, err := w.RecordPackage(rec); !errors.Is(err, store.ErrTagExists) {
		t.Fatalf("second record: %v", err)
	}
	rec.Target = strings.Repeat("0", 39) + "1"
	if _, err := w.RecordPackage(store.PackageRecord{Name: "other", Target: rec.Target}); !errors.Is(err, store.ErrNotRecorded) {
		t.Fatalf("record on a commit the workspace lacks: %v", err)
	}
}

// TestOpenFinishesAnInterruptedRecording builds the two states a kill
// inside RecordPackage can leave (journal written, nothing else; journal
// and statuses, no tag) and checks that Open rolls each forward, says so,
// and leaves git sound.
func TestOpenFinishesAnInterruptedRecording(t *testing.T) {
	for _, statusesDone := range []bool{false, true} {
		name := "killed before the status commit"
		if statusesDone {
			name = "killed before the tag"
		}
		t.Run(name, func(t *testing.T) {
			dir := exportWorkspace(t)
			w, err := store.Open(dir, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			head, _ := w.Head()
			rec := store.PackageRecord{Name: "rox-20250601-" + head[:7], Message: "Submission package", Target: head, Items: approvedIDs(t, w)}
			b, _ := json.Marshal(rec)
			mustWrite(t, filepath.Join(dir, ".git", "delegate", "recording"), string(b))
			if statusesDone {
				if err := w.MarkSubmitted(rec.Items, rec.Name); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if w, err = store.Open(dir, store.Options{}); err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			if said := strings.Join(w.Recovered(), "\n"); !strings.Contains(said, "finished recording package "+rec.Name+" as sent") {
				t.Fatalf("Open says %q", said)
			}
			assertRecorded(t, w, rec)
			if checkExported(t, w, t.TempDir(), map[string]bool{rec.Name: true}) != 0 {
				t.Fatal("items still approved")
			}
			storetest.CheckGit(t, dir)
		})
	}
}

func approvedIDs(t *testing.T, w *store.Workspace) []string {
	t.Helper()
	cs, err := w.Comments()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range cs {
		if c.Review.Status == item.StatusApproved {
			ids = append(ids, c.ID)
		}
	}
	if len(ids) == 0 {
		t.Fatal("no approved items")
	}
	return ids
}

// assertRecorded: the tag exists on rec.Target and every item is
// submitted in the package.
func assertRecorded(t *testing.T, w *store.Workspace, rec store.PackageRecord) {
	t.Helper()
	found := false
	for _, tg := range tags(t, w.Dir()) {
		found = found || tg == rec.Name
	}
	if !found {
		t.Fatalf("no tag %s", rec.Name)
	}
	if storetest.HasGit() {
		if got := strings.TrimSpace(storetest.Git(t, w.Dir(), "rev-parse", rec.Name+"^{commit}")); got != rec.Target {
			t.Fatalf("tag %s is on %s, want %s", rec.Name, got, rec.Target)
		}
	}
	for _, id := range rec.Items {
		c, err := w.Comment(id)
		if err != nil || c.Review.Status != item.StatusSubmitted || c.Review.Package != rec.Name {
			t.Fatalf("%s: %+v %v", id, c.Review, err)
		}
	}
}

// TestOpenDropsAnUnusableRecordingJournal: a journal that names no commit
// of the workspace (not one Delegate wrote) must not block every later
// recording; Open removes it, says so, and writes no tag.
func TestOpenDropsAnUnusableRecordingJournal(t *testing.T) {
	dir := exportWorkspace(t)
	mustWrite(t, filepath.Join(dir, ".git", "delegate", "recording"), `{"name":"x-1","target":"`+strings.Repeat("ab", 20)+`","items":[]}`)
	w, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if said := strings.Join(w.Recovered(), "\n"); !strings.Contains(said, "removed an unreadable journal of a package recording") {
		t.Fatalf("Open says %q", said)
	}
	if tg := tags(t, dir); len(tg) != 0 {
		t.Fatalf("tags %v", tg)
	}
	head, _ := w.Head()
	if _, err := w.RecordPackage(store.PackageRecord{Name: "x-2", Target: head, Items: approvedIDs(t, w)}); err != nil {
		t.Fatalf("record after the journal was dropped: %v", err)
	}
	storetest.CheckGit(t, dir)
}
