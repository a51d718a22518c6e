package usecase_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/delegate-itu/delegate/model/anchor"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/usecase"
	"github.com/delegate-itu/delegate/model/usecase/usecasetest"
)

func samples(t *testing.T) (draft2, draft3 []byte) {
	t.Helper()
	var err error
	if draft2, err = os.ReadFile("../../assets/samples/draft2.md"); err != nil {
		t.Fatal(err)
	}
	if draft3, err = os.ReadFile("../../assets/samples/draft3.md"); err != nil {
		t.Fatal(err)
	}
	return draft2, draft3
}

func openCarry(t *testing.T) (*store.Workspace, []string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "ws")
	d2, d3 := samples(t)
	want := usecasetest.CarryWorkspace(t, dir, d2, d3)
	w, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = w.Close() })
	return w, want
}

func plan(t *testing.T, w *store.Workspace) []usecase.Carry {
	t.Helper()
	target, err := usecase.Draft(w, usecasetest.Target)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := w.Comments()
	if err != nil {
		t.Fatal(err)
	}
	p, err := usecase.CarryPlan(usecase.Drafts(w), usecasetest.Target, target, cs)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func sorted(s []string) []string { return slices.Sorted(slices.Values(s)) }

func ids(p []usecase.Carry) []string {
	out := make([]string, len(p))
	for i, c := range p {
		out[i] = c.Result.ItemID
	}
	return out
}

// TestCarryPlanLeavesWithdrawnAndTargetComments: comments on two earlier
// drafts are carried, grouped by the draft they were written on; the
// withdrawn one and the one already on the target are not.
func TestCarryPlanLeavesWithdrawnAndTargetComments(t *testing.T) {
	w, want := openCarry(t)
	p := plan(t, w)
	if got := sorted(ids(p)); !slices.Equal(got, sorted(want)) {
		t.Fatalf("carried %v, want %v", got, want)
	}
	from := map[string]bool{}
	for _, c := range p {
		if c.Comment.ID != c.Result.ItemID || c.From != c.Comment.Anchor.DraftID {
			t.Errorf("plan entry for %s from %s holds comment %s on %s", c.Result.ItemID, c.From, c.Comment.ID, c.Comment.Anchor.DraftID)
		}
		if c.Result.Outcome != anchor.OutcomeMoved && c.Result.Outcome != anchor.OutcomeUnchanged {
			t.Errorf("%s from %s: %s (%s), want a sure place", c.Result.ItemID, c.From, c.Result.Outcome, c.Result.Reason)
		}
		from[c.From] = true
	}
	if !from["1st-draft"] || !from["2nd-draft"] {
		t.Errorf("carried from %v, want the 1st and the 2nd draft", from)
	}
}

// TestApplyCarryIsOneCommit: the sure decisions move their comments to the
// target in one carry commit, after which nothing is left to carry.
func TestApplyCarryIsOneCommit(t *testing.T) {
	w, want := openCarry(t)
	sure := usecase.Sure(plan(t, w))
	if len(sure) != len(want) {
		t.Fatalf("%d sure decisions, want %d (%+v)", len(sure), len(want), sure)
	}
	out, commit, err := usecase.ApplyCarry(w, usecasetest.Target, sure, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if commit == "" || len(out) != len(want) {
		t.Fatalf("commit %q, %d comments saved", commit, len(out))
	}
	for _, c := range out {
		if c.Anchor.DraftID != usecasetest.Target {
			t.Errorf("%s still on %s", c.ID, c.Anchor.DraftID)
		}
	}
	if left := plan(t, w); len(left) != 0 {
		t.Errorf("after the carry, still to carry: %v", ids(left))
	}
}
