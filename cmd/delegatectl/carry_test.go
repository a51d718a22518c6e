package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/anchor"
	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/usecase"
	"github.com/delegate-itu/delegate/model/usecase/usecasetest"
)

// TestCarryCommand carries comments from the 2nd sample draft to the 3rd:
// outcomes in text and JSON, then --apply records the sure ones.
func TestCarryCommand(t *testing.T) {
	t.Setenv("DELEGATE_WORKSPACE", filepath.Join(t.TempDir(), "ws"))
	samples := "../../assets/samples"
	ctl(t, "init", "--user-name", "Jane Doe", "--user-email", "jane@example.org")
	ctl(t, "draft", "import", filepath.Join(samples, "draft2.md"), "--label", "2nd draft")
	unchanged := addComment(t, "--draft", "2nd-draft", "--para", "11", "--quote", "The divide is no longer only a question of coverage.", "--body", "Agree.")
	deleted := addComment(t, "--draft", "2nd-draft", "--para", "9", "--body", "Keep this paragraph.")
	moved := addComment(t, "--draft", "2nd-draft", "--para", "46", "--body", "Data centres deserve their own section.")
	ctl(t, "draft", "import", filepath.Join(samples, "draft3.md"), "--label", "3rd draft")

	var rep carryReport
	mustJSON(t, ctl(t, "carry", "--to", "3rd-draft", "--json"), &rep)
	want := map[string]anchor.Outcome{unchanged: anchor.OutcomeUnchanged, deleted: anchor.OutcomeOrphaned, moved: anchor.OutcomeMoved}
	for _, r := range rep.Results {
		if r.Outcome != want[r.ItemID] {
			t.Errorf("%s: %s (%s), want %s", r.ItemID, r.Outcome, r.Reason, want[r.ItemID])
		}
	}
	if len(rep.Results) != 3 || rep.Summary[anchor.OutcomeOrphaned] != 1 || rep.Review != 1 {
		t.Errorf("summary %v, %d to review", rep.Summary, rep.Review)
	}
	text := ctl(t, "carry", "--to", "3rd-draft")
	for _, s := range []string{"§2.1 ¶11 -> §2.1 ¶10", "orphaned", "candidates:", "3 comments carried to 3rd-draft", "orphaned 1", "1 to review"} {
		if !strings.Contains(text, s) {
			t.Errorf("text output lacks %q:\n%s", s, text)
		}
	}
	ctl(t, "carry", "--to", "3rd-draft", "--apply")
	mustJSON(t, ctl(t, "carry", "--to", "3rd-draft", "--json"), &rep)
	if len(rep.Results) != 1 || rep.Results[0].ItemID != deleted {
		t.Errorf("after --apply only the orphan is left to carry: %+v", rep.Results)
	}
	if out := ctl(t, "history", unchanged); !strings.Contains(out, "Carry 2 comments to draft 3rd-draft") {
		t.Errorf("history lacks the carry commit:\n%s", out)
	}
}

func TestCarryUsage(t *testing.T) {
	var buf bytes.Buffer
	if code := run(&env{stdout: &buf, stderr: &buf}, []string{"carry"}); code != exitUsage {
		t.Errorf("carry without --to: exit %d\n%s", code, buf.String())
	}
}

// TestCarryChoosesWhatTheAppChooses runs `carry --json` on the workspace
// the app's carry screen is tested on (ui TestCarryPlanMatchesTheCLI): the
// comments carried are the ones usecase.CarryPlan chooses, so not the
// withdrawn comment (which the CLI used to carry) nor the one already on
// the target draft.
func TestCarryChoosesWhatTheAppChooses(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ws")
	t.Setenv("DELEGATE_WORKSPACE", dir)
	d2, err := os.ReadFile("../../assets/samples/draft2.md")
	if err != nil {
		t.Fatal(err)
	}
	d3, err := os.ReadFile("../../assets/samples/draft3.md")
	if err != nil {
		t.Fatal(err)
	}
	want := usecasetest.CarryWorkspace(t, dir, d2, d3)
	var rep carryReport
	mustJSON(t, ctl(t, "carry", "--to", usecasetest.Target, "--json"), &rep)
	var got []string
	for _, r := range rep.Results {
		got = append(got, r.ItemID)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("carry --json carried %v, want %v", got, want)
	}
}

// An Opinion amendment written on the 2nd draft is listed beside the
// comments by carry --json, with its outcome on the 3rd draft's Opinion.
func TestCarryListsOpinions(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ws")
	t.Setenv("DELEGATE_WORKSPACE", dir)
	d2, err := os.ReadFile("../../assets/samples/draft2.md")
	if err != nil {
		t.Fatal(err)
	}
	d3, err := os.ReadFile("../../assets/samples/draft3.md")
	if err != nil {
		t.Fatal(err)
	}
	usecasetest.CarryWorkspace(t, dir, d2, d3)
	w, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	old, err := usecase.Draft(w, "2nd-draft")
	if err != nil {
		t.Fatal(err)
	}
	ro, ok := export.FindOpinion(old, 3)
	if !ok {
		t.Fatal("the 2nd draft has no draft Opinion 3")
	}
	o := export.OpinionToAmend(ro)
	o.Draft = "2nd-draft"
	o.Preamble[0].Items[1] = "that natural hazards, technical failures, software faults and deliberate attacks can disrupt networks and services"
	if err := w.SaveOpinion(&o, "software faults"); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	var rep carryReport
	mustJSON(t, ctl(t, "carry", "--to", usecasetest.Target, "--json"), &rep)
	if len(rep.Opinions) != 1 || rep.Opinions[0].ItemID != o.ID || rep.Opinions[0].Outcome != anchor.OutcomeIncorporated || rep.Opinions[0].NewNumber != 3 {
		t.Errorf("carry --json opinions: %+v", rep.Opinions)
	}
}
