package export

import (
	"os"
	"testing"

	"github.com/delegate-itu/delegate/model/report"
)

func sampleReport(t *testing.T) *report.Draft {
	t.Helper()
	b, err := os.ReadFile("../../assets/samples/draft2.md")
	if err != nil {
		t.Fatal(err)
	}
	d, err := report.Import("draft2.md", b, report.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// An untouched amendment changes nothing: every line pairs with itself.
func TestOpinionToAmendRoundTrips(t *testing.T) {
	d := sampleReport(t)
	if len(d.Opinions) == 0 {
		t.Fatal("the sample report has no draft Opinions")
	}
	for _, old := range d.Opinions {
		o := OpinionToAmend(old)
		if o.Amends != old.Number || o.Title != old.Title {
			t.Fatalf("draft Opinion %d: amends %d, title %q", old.Number, o.Amends, o.Title)
		}
		for i, l := range AmendedLines(old, o) {
			if l.Old == nil || l.New == nil || *l.Old != *l.New {
				t.Errorf("draft Opinion %d line %d changed: %+v / %+v", old.Number, i, l.Old, l.New)
			}
		}
	}
}

func TestAmendedLinesMarkInsertedAndDeletedItems(t *testing.T) {
	d := sampleReport(t)
	old, ok := FindOpinion(d, 3)
	if !ok {
		t.Fatal("no draft Opinion 3")
	}
	o := OpinionToAmend(old)
	o.Preamble[0].Items = o.Preamble[0].Items[1:] // drop a)
	b := &o.Operative[1]
	b.Items = append(b.Items, b.Items[0])
	b.Items[len(b.Items)-1].Text = "to share information on outages with neighbouring countries"
	var ins, del int
	for _, l := range AmendedLines(old, o) {
		switch {
		case l.Old == nil:
			ins++
			if l.New.Label != "4" || l.New.Text != "to share information on outages with neighbouring countries." {
				t.Errorf("inserted %+v", *l.New)
			}
		case l.New == nil:
			del++
		}
	}
	if ins != 1 || del != 1 {
		t.Fatalf("inserted %d, deleted %d lines; want 1 and 1", ins, del)
	}
}

func TestSplitOperative(t *testing.T) {
	for kw, want := range map[string][2]string{
		"invites Member States and Sector Members": {"invites", "Member States and Sector Members"},
		"is of the view":                        {"is of the view", ""},
		"further invites the Secretary-General": {"further invites", "the Secretary-General"},
		"deplores":                              {"deplores", ""},
	} {
		if h, a := SplitOperative(kw); h != want[0] || a != want[1] {
			t.Errorf("%q → %q / %q", kw, h, a)
		}
	}
}
