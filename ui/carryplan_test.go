package ui

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/delegate-itu/delegate/model/anchor"
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

// The carry review shows the orphans first, then the placements below
// "sure" from the least sure up, then the sure ones in the plan's order.
func TestCarryRowsDoubtfulFirst(t *testing.T) {
	row := func(id string, o anchor.Outcome, conf float64) carryRow {
		return carryRow{res: anchor.Result{ItemID: id, Outcome: o, Confidence: conf, NewBlockID: "p"}}
	}
	rows := []carryRow{row("sure1", anchor.OutcomeUnchanged, 0.98), row("doubt8", anchor.OutcomeBaseChanged, 0.8),
		row("orphan", anchor.OutcomeOrphaned, 0.9), row("sure2", anchor.OutcomeMoved, 0.97), row("doubt6", anchor.OutcomeBaseChanged, 0.6)}
	doubtfulFirst(rows)
	var got []string
	for _, r := range rows {
		got = append(got, r.res.ItemID)
	}
	if want := []string{"orphan", "doubt6", "doubt8", "sure1", "sure2"}; !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}
