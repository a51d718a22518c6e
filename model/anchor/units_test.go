package anchor

import (
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
)

func mdDraft(t *testing.T, md string) *report.Draft {
	t.Helper()
	d, err := report.Import("d.md", []byte(md), report.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func tableBlock(t *testing.T, d *report.Draft) report.Block {
	t.Helper()
	for _, b := range d.Blocks {
		if b.Kind == report.KindTable {
			return b
		}
	}
	t.Fatal("no table in the draft")
	return report.Block{}
}

const tableOld = `# Fees

The fees are as follows.

| Service | Fee |
|---|---|
| Registration of a satellite network | 570 CHF |
| Publication of a notice | 120 CHF |
| Examination of a frequency assignment | 80 CHF |

The fees are reviewed every year.
`

// A comment on a table row follows that row: when the row is deleted it
// is orphaned, and it never lands on another row of the table as
// "base text changed", as it did when the table was one block.
func TestTableRowsAreUnits(t *testing.T) {
	newMD := strings.Replace(tableOld, "| Publication of a notice | 120 CHF |\n", "", 1)
	newMD = strings.Replace(newMD, "80 CHF", "95 CHF", 1)
	old, nw := mdDraft(t, tableOld), mdDraft(t, newMD)
	ob := tableBlock(t, old)
	text := clean(ob.Text)
	on := func(q string) item.Comment {
		s := strings.Index(text, q)
		if s < 0 {
			t.Fatalf("%q not in the table", q)
		}
		return item.Comment{ID: q, Anchor: Span(ob, text, s, s+len(q))}
	}
	rs := Carry(old, nw, []item.Comment{on("Publication of a notice"), on("Registration of a satellite network"),
		on("Examination of a frequency assignment"), {ID: "whole", Anchor: Whole(ob)}})
	if rs[0].Outcome != OutcomeOrphaned {
		t.Errorf("comment on the deleted row: %s on %q, want orphaned", rs[0].Outcome, rs[0].TextNow)
	}
	if rs[1].Outcome != OutcomeUnchanged || rs[1].TextNow != "Registration of a satellite network" {
		t.Errorf("comment on a kept row: %s %q, want unchanged", rs[1].Outcome, rs[1].TextNow)
	}
	nb := tableBlock(t, nw)
	if rs[2].Outcome != OutcomeUnchanged || rs[2].NewBlockID != nb.ID {
		t.Errorf("comment on the row whose fee changed: %s on %s, want unchanged on %s", rs[2].Outcome, rs[2].NewBlockID, nb.ID)
	}
	if got := clean(nb.Text)[rs[2].Anchor.Start:rs[2].Anchor.End]; got != "Examination of a frequency assignment" {
		t.Errorf("the row comment's new span reads %q", got)
	}
	if rs[3].Outcome != OutcomeBaseChanged || rs[3].NewBlockID != nb.ID || rs[3].TextThen != text {
		t.Errorf("comment on the whole table: %s on %s (then %q), want base-changed on the new table", rs[3].Outcome, rs[3].NewBlockID, rs[3].TextThen)
	}
	same := Carry(old, old, []item.Comment{{ID: "whole", Anchor: Whole(ob)}})
	if same[0].Outcome != OutcomeUnchanged || same[0].NewBlockID != ob.ID {
		t.Errorf("whole table onto the same draft: %s on %s", same[0].Outcome, same[0].NewBlockID)
	}
}

// A proposal that keeps the quoted words and adds to them is incorporated
// when the new draft reads as proposed, although the quote itself still
// reads the same there.
func TestIncorporatedSuperset(t *testing.T) {
	old := mdDraft(t, "# 1 Roles\n\nThe technical committee shall approve design decisions for the standard.\n")
	nw := mdDraft(t, "# 1 Roles\n\nThe technical committee shall make or approve design decisions for the standard.\n")
	b := old.Blocks[1]
	text := clean(b.Text)
	q := "approve design decisions"
	s := strings.Index(text, q)
	c := item.Comment{ID: "c", Anchor: Span(b, text, s, s+len(q)),
		Proposal: &item.Proposal{Action: item.ActionMod, Existing: q, Proposed: "make or approve design decisions"}}
	r := Carry(old, nw, []item.Comment{c})[0]
	if r.Outcome != OutcomeIncorporated || r.TextNow != "make or approve design decisions" {
		t.Errorf("got %s on %q (%.2f, %s)", r.Outcome, r.TextNow, r.Confidence, r.Reason)
	}
	c.Proposal.Proposed = "approve design decisions and the work plan"
	if r := Carry(old, nw, []item.Comment{c})[0]; r.Outcome != OutcomeUnchanged {
		t.Errorf("a proposal the draft did not take: %s (%s)", r.Outcome, r.Reason)
	}
}

// A term replaced throughout the draft ("member" -> "Lead") is learnt from
// the paragraphs the comparison paired, so a short item reworded and
// carrying the new term still finds its successor.
func TestTermReplacedThroughout(t *testing.T) {
	old := mdDraft(t, `# 1 Roles

Each member of the committee votes on every proposal put to it.

A member may resign at any time by written notice to the chair.

The chair consults each member before the agenda is published.

- member approves releases
- The chair keeps the minutes of every meeting.
`)
	nw := mdDraft(t, `# 1 Roles

Each Lead of the committee votes on every proposal put to it.

A Lead may resign at any time by written notice to the chair.

The chair consults each Lead before the agenda is published.

- Lead signs off releases
- The chair keeps the minutes of every meeting.
`)
	var b report.Block
	for _, x := range old.Blocks {
		if x.Text == "member approves releases" {
			b = x
		}
	}
	want := ""
	for _, x := range nw.Blocks {
		if x.Text == "Lead signs off releases" {
			want = x.ID
		}
	}
	r := Carry(old, nw, []item.Comment{{ID: "c", Anchor: Whole(b)}})[0]
	if r.Outcome != OutcomeBaseChanged || r.NewBlockID != want {
		t.Errorf("got %s on %s %q (%s), want base-changed on %s", r.Outcome, r.NewBlockID, r.TextNow, r.Reason, want)
	}
}

// A paragraph split into a list and reworded is alike to no single new
// paragraph, but its words are in the gap where it stood: a comment on
// its second sentence follows to the item holding those words.
func TestGapSuccessorAfterSplit(t *testing.T) {
	old := mdDraft(t, `# 1 Meetings

The forum opens with a statement by the Secretary-General.

The committee meets twice a year in Geneva. It publishes its agenda four weeks before each meeting and circulates its minutes within one month.

Observers may attend the meetings of the committee.
`)
	nw := mdDraft(t, `# 1 Meetings

The forum opens with a statement by the Secretary-General.

The committee:

- meets at least twice each year, normally in Geneva;
- publishes its draft agenda four weeks before each meeting;
- circulates minutes to all participants within one month.

Observers may attend the meetings of the committee.
`)
	b := old.Blocks[2]
	text := clean(b.Text)
	q := "publishes its agenda four weeks before each meeting"
	s := strings.Index(text, q)
	r := Carry(old, nw, []item.Comment{{ID: "c", Anchor: Span(b, text, s, s+len(q))}})[0]
	want := ""
	for _, x := range nw.Blocks {
		if strings.HasPrefix(x.Text, "publishes its draft agenda") {
			want = x.ID
		}
	}
	if r.Outcome != OutcomeBaseChanged || r.NewBlockID != want {
		t.Errorf("got %s on %s %q (%.2f, %s), want base-changed on %s", r.Outcome, r.NewBlockID, r.TextNow, r.Confidence, r.Reason, want)
	}
}

// A sentence split off from its paragraph into one a little further on
// (with a new paragraph between, so the comparison sees an edit, not a
// split) is found there, read the same, instead of being orphaned with
// "deleted from its paragraph".
func TestQuoteSplitOffNearby(t *testing.T) {
	old := mdDraft(t, "# 1 Tabs\n\nSpaces are the preferred indentation method for all new code written for the standard library and for third-party projects that follow this guide. Tabs should be used only to remain consistent with old code.\n\nEnd of the section.\n")
	nw := mdDraft(t, "# 1 Tabs\n\nSpaces are the preferred indentation method for all new code written for the standard library and for other projects that follow this guide.\n\nPython 3 disallows mixing the use of tabs and spaces for indentation.\n\nTabs should be used only to remain consistent with old code.\n\nEnd of the section.\n")
	b := old.Blocks[1]
	text := clean(b.Text)
	q := "Tabs should be used only to remain consistent with old code"
	s := strings.Index(text, q)
	r := Carry(old, nw, []item.Comment{{ID: "c", Anchor: Span(b, text, s, s+len(q))}})[0]
	if r.Outcome != OutcomeUnchanged || r.TextNow != q || r.NewBlockID != nw.Blocks[3].ID {
		t.Errorf("got %s on %s %q (%s)", r.Outcome, r.NewBlockID, r.TextNow, r.Reason)
	}
}
