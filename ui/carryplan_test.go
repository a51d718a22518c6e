package ui

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/delegate-itu/delegate/model/usecase/usecasetest"
)

// TestCarryPlanMatchesTheCLI opens the workspace delegatectl's
// TestCarryChoosesWhatTheAppChooses carries from: the carry screen lists
// the comments on the two earlier drafts, not the withdrawn one nor the
// one already on the current draft, exactly as `carry --json` does.
func TestCarryPlanMatchesTheCLI(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ws")
	d2, err := os.ReadFile("../assets/samples/draft2.md")
	if err != nil {
		t.Fatal(err)
	}
	d3, err := os.ReadFile("../assets/samples/draft3.md")
	if err != nil {
		t.Fatal(err)
	}
	want := usecasetest.CarryWorkspace(t, dir, d2, d3)
	w, err := openWork(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = w.ws.Close() }()
	if w.cur.ID != usecasetest.Target {
		t.Fatalf("opened on %s, want %s", w.cur.ID, usecasetest.Target)
	}
	rows, err := carryPlan(w)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, r.res.ItemID)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("carry screen lists %v, want %v", got, want)
	}
}
