package review

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/report/redline"
)

var (
	t0    = time.Date(2025, 5, 20, 9, 0, 0, 0, time.UTC)
	amina = item.Person{Name: "Amina Diallo", Email: "amina@example.org"}
	li    = item.Person{Name: "Li Wei", Email: "li@example.org"}
	elena = item.Person{Name: "Elena Petrova", Email: "elena@example.org"}
)

const para = "Rural and remote communities, older persons, persons with disabilities and people with low incomes are less likely to be connected."

func draft() *report.Draft {
	return &report.Draft{Blocks: []report.Block{
		{ID: "p1", Text: "The report does not seek to be exhaustive."},
		{ID: "p2", Text: para},
		{ID: "p3", Text: "Divides also exist within countries."},
	}}
}

// cm is a comment on paragraph p; existing/proposed make it a proposal.
func cm(id string, who item.Person, st item.Status, p, body string, prop *item.Proposal) item.Comment {
	n := map[string]string{"p1": "§1 ¶1", "p2": "§1 ¶2", "p3": "§1 ¶3"}[p]
	c := item.Comment{ID: id, Kind: item.KindSubstantive, Author: who, Review: item.Review{Status: st}, Body: body, Proposal: prop,
		Anchor: item.Anchor{DraftID: "d2", ParagraphID: p, Number: n}, Created: t0, Updated: t0}
	if st == item.StatusChangesRequested {
		c.Review.Note = "please shorten"
	}
	if prop != nil && prop.Existing != "" {
		if i := strings.Index(para, prop.Existing); i >= 0 && p == "p2" {
			c.Anchor.Quote, c.Anchor.Start, c.Anchor.End = prop.Existing, i, i+len(prop.Existing)
		}
	}
	return c
}

func mod(existing, proposed string) *item.Proposal {
	return &item.Proposal{Action: item.ActionMod, Existing: existing, Proposed: proposed}
}

func ids(its []Item) string {
	var s []string
	for _, it := range its {
		s = append(s, it.ID())
	}
	return strings.Join(s, " ")
}

func TestQueueGroupsByStatusInDocumentOrder(t *testing.T) {
	b := New(Input{Report: draft(), DraftID: "d2", Comments: []item.Comment{
		cm("c-p3-ready", amina, item.StatusReady, "p3", "A", nil),
		cm("c-p1-draft", li, item.StatusDraft, "p1", "B", nil),
		cm("c-p1-ready", elena, item.StatusReady, "p1", "C", nil),
		cm("c-p2-appr", li, item.StatusApproved, "p2", "D", nil),
		cm("c-p2-chg", amina, item.StatusChangesRequested, "p2", "E", nil),
	}, Opinions: []item.Opinion{opinion("op-ready", elena, 2, "to share good practice")}})
	var got []string
	for _, l := range b.Queue() {
		got = append(got, fmt.Sprintf("%s: %s", l.Status, ids(l.Items)))
	}
	want := []string{
		"ready-for-review: c-p1-ready c-p3-ready op-ready",
		"changes-requested: c-p2-chg",
		"approved: c-p2-appr",
		"draft: c-p1-draft",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("queue:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if g := b.GroupOf("c-p1-ready"); g == nil || ids(g.Items) != "c-p1-draft c-p1-ready" || g.Where != "§1 ¶1" {
		t.Fatalf("group of c-p1-ready = %+v", g)
	}
}

func opinion(id string, who item.Person, amends int, op string) item.Opinion {
	return item.Opinion{ID: id, Amends: amends, Title: "Digital skills", Author: who, Review: item.Review{Status: item.StatusReady},
		Operative: []item.OperativeBlock{{Heading: "invites", Addressee: "Member States", Items: []item.OperativeItem{{Text: op}}}},
		Created:   t0, Updated: t0}
}

func TestFlags(t *testing.T) {
	body := "Define meaningful connectivity here as well, since later sections rely on it."
	cases := []struct {
		name string
		a, b item.Comment
		want FlagKind // "" for none
	}{
		{"different replacements of one passage conflict",
			cm("a", amina, item.StatusReady, "p2", "", mod("older persons, persons with disabilities", "older persons, women and girls, persons with disabilities")),
			cm("b", elena, item.StatusReady, "p2", "", mod("older persons, persons with disabilities", "older persons, Indigenous peoples, persons with disabilities")), Conflict},
		{"overlapping passages replaced differently conflict",
			cm("a", amina, item.StatusReady, "p2", "", mod("Rural and remote communities, older persons", "Rural communities, older persons")),
			cm("b", elena, item.StatusReady, "p2", "", mod("older persons, persons with disabilities", "older people, persons with disabilities")), Conflict},
		{"near-identical replacements are duplicates",
			cm("a", amina, item.StatusReady, "p2", "", mod("are less likely to be connected", "are much less likely to be connected to the Internet")),
			cm("b", li, item.StatusDraft, "p2", "", mod("are less likely to be connected", "are much less likely to be connected to the Internet.")), Duplicate},
		{"separate passages do not conflict",
			cm("a", amina, item.StatusReady, "p2", "", mod("Rural and remote communities", "Rural communities")),
			cm("b", elena, item.StatusReady, "p2", "", mod("people with low incomes", "people on low incomes")), ""},
		{"near-identical comments are duplicates",
			cm("a", amina, item.StatusReady, "p1", body, nil),
			cm("b", li, item.StatusReady, "p1", "Please *define* meaningful connectivity here too: later sections rely on it.", nil), Duplicate},
		{"different comments are not",
			cm("a", amina, item.StatusReady, "p1", body, nil),
			cm("b", li, item.StatusReady, "p1", "The list of priorities should be shorter and say who acts.", nil), ""},
		{"a withdrawn item is out of play",
			cm("a", amina, item.StatusReady, "p1", body, nil),
			cm("b", li, item.StatusWithdrawn, "p1", body, nil), ""},
		{"the same text on different paragraphs is not compared",
			cm("a", amina, item.StatusReady, "p1", body, nil),
			cm("b", li, item.StatusReady, "p3", body, nil), ""},
		{"an insertion does not conflict with a replacement",
			cm("a", amina, item.StatusReady, "p2", "", mod("older persons", "older people")),
			cm("b", li, item.StatusReady, "p2", "", &item.Proposal{Action: item.ActionAdd, Existing: "older persons", Proposed: "women and girls"}), ""},
		{"deleting and replacing one passage conflict",
			cm("a", amina, item.StatusReady, "p2", "", mod("older persons", "older people")),
			cm("b", li, item.StatusReady, "p2", "", &item.Proposal{Action: item.ActionSup, Existing: "older persons, "}), Conflict},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := New(Input{Report: draft(), DraftID: "d2", Comments: []item.Comment{c.a, c.b}})
			checkFlag(t, b, c.want)
			// without the report the anchors alone must give the same answer
			b = New(Input{Comments: []item.Comment{c.a, c.b}})
			checkFlag(t, b, c.want)
		})
	}
}

func checkFlag(t *testing.T, b *Board, want FlagKind) {
	t.Helper()
	fa, fb := b.Flags("a"), b.Flags("b")
	if want == "" {
		if len(fa)+len(fb) != 0 {
			t.Fatalf("flags %v %v, want none", fa, fb)
		}
		return
	}
	if len(fa) != 1 || len(fb) != 1 || fa[0].Kind != want || fa[0].With.ID() != "b" || fb[0].With.ID() != "a" {
		t.Fatalf("flags a=%v b=%v, want %s both ways", fa, fb, want)
	}
}

func TestOpinionFlags(t *testing.T) {
	cases := []struct {
		name string
		a, b item.Opinion
		want FlagKind
	}{
		{"two amendments of one draft Opinion conflict", opinion("a", amina, 2, "to share good practice on skills"),
			opinion("b", li, 2, "to fund digital skills programmes in rural schools and libraries"), Conflict},
		{"identical amendments are duplicates", opinion("a", amina, 2, "to share good practice on skills"),
			opinion("b", li, 2, "to share good practice on skills"), Duplicate},
		{"amendments of different Opinions are apart", opinion("a", amina, 2, "to share good practice"),
			opinion("b", li, 3, "to fund skills"), ""},
		{"different new Opinions do not conflict", opinion("a", amina, 0, "to share good practice on skills"),
			opinion("b", li, 0, "to fund digital skills programmes in rural schools and libraries"), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkFlag(t, New(Input{Opinions: []item.Opinion{c.a, c.b}}), c.want)
		})
	}
}

func TestApply(t *testing.T) {
	ready := item.Review{Status: item.StatusReady}
	cases := []struct {
		a        Action
		from     item.Review
		note     string
		want     item.Status
		wantNote string
		err      error
	}{
		{Approve, ready, "", item.StatusApproved, "", nil},
		{Approve, item.Review{Status: item.StatusChangesRequested, Note: "x"}, "", "", "", item.ErrTransition},
		{Approve, item.Review{Status: item.StatusDraft}, "", "", "", item.ErrTransition},
		{RequestChanges, ready, "  Cite the source.  ", item.StatusChangesRequested, "Cite the source.", nil},
		{RequestChanges, ready, " ", "", "", ErrNoteRequired},
		{RequestChanges, item.Review{Status: item.StatusApproved}, "Second thoughts", item.StatusChangesRequested, "Second thoughts", nil},
		{Reject, ready, "Out of scope of the report", item.StatusWithdrawn, "Out of scope of the report", nil},
		{Reject, ready, "", "", "", ErrNoteRequired},
		{Reject, item.Review{Status: item.StatusSubmitted, Package: "p1"}, "late", "", "", item.ErrTransition},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s from %s", c.a, c.from.Status), func(t *testing.T) {
			got, err := Apply(c.a, c.from, c.note)
			if c.err != nil {
				if !errors.Is(err, c.err) || got != c.from {
					t.Fatalf("err = %v, review %+v; want %v and no change", err, got, c.err)
				}
				return
			}
			if err != nil || got.Status != c.want || got.Note != c.wantNote || got.Validate() != nil {
				t.Fatalf("got %+v, %v; want %s with note %q", got, err, c.want, c.wantNote)
			}
			if Can(c.a, c.from) != true {
				t.Fatal("Can disagrees with Apply")
			}
		})
	}
}

func TestMessage(t *testing.T) {
	long := strings.Repeat("word ", 30)
	for _, c := range []struct {
		a    Action
		note string
		want string
	}{
		{Approve, "", "approve for submission"},
		{RequestChanges, "Cite the source.\nAnd shorten.", "request changes: Cite the source."},
		{Reject, "Out of scope", "reject (withdrawn by the reviewer): Out of scope"},
		{RequestChanges, long, "request changes: " + strings.TrimSpace(long)[:59] + "…"},
	} {
		if got := c.a.Message(c.note); got != c.want {
			t.Errorf("%s message = %q, want %q", c.a, got, c.want)
		}
	}
}

func TestSubmissionIsTheApprovedItemsInExportOrder(t *testing.T) {
	b := New(Input{Report: draft(), DraftID: "d2", Comments: []item.Comment{
		cm("c-p3", amina, item.StatusApproved, "p3", "Third", mod("Divides", "Gaps")),
		cm("c-p2", li, item.StatusApproved, "p2", "Second", mod("older persons", "older people")),
		cm("c-p1-ready", elena, item.StatusReady, "p1", "Not yet", nil),
		func() item.Comment {
			c := cm("c-gen", elena, item.StatusApproved, "p1", "General", nil)
			c.Kind = item.KindGeneral
			return c
		}(),
	}, Opinions: []item.Opinion{func() item.Opinion {
		o := opinion("op", li, 2, "to share")
		o.Review.Status = item.StatusApproved
		return o
	}()}})
	var got []string
	for _, e := range b.Submission(item.Profile{Entity: "Republic of Sample"}) {
		id := ""
		if e.Comment != nil {
			id = e.Comment.ID
		} else {
			id = e.Opinion.ID
		}
		got = append(got, fmt.Sprintf("%s %s %s", e.Section, e.Ref, id))
	}
	want := "general  c-gen|specific ROS/1 c-p2|specific ROS/2 c-p3|opinions ROS/3 op"
	if strings.Join(got, "|") != want {
		t.Fatalf("submission = %q\nwant %q", strings.Join(got, "|"), want)
	}
}

func TestExcerptAndWhere(t *testing.T) {
	c := cm("a", amina, item.StatusReady, "p2", "We *welcome* the\nfocus on practical measures.", nil)
	it := Item{Comment: &c}
	if got := it.Excerpt(20); got != "We welcome the focu…" {
		t.Fatalf("excerpt = %q", got)
	}
	c.Body = ""
	c.Proposal = mod("older persons", "older people")
	if got := it.Excerpt(80); got != "MOD: older people" || it.Where() != "§1 ¶2" {
		t.Fatalf("excerpt = %q, where %q", got, it.Where())
	}
	o := opinion("o", li, 3, "x")
	if w, e := (Item{Opinion: &o}).Where(), (Item{Opinion: &o}).Excerpt(80); w != "draft Opinion 3" || e != "Digital skills" {
		t.Fatalf("where = %q, excerpt %q", w, e)
	}
	o.Reasons = "Skills matter most."
	if e := (Item{Opinion: &o}).Excerpt(80); e != "Skills matter most." {
		t.Fatalf("excerpt with reasons = %q", e)
	}
}

func TestRevisionOfAnAmendment(t *testing.T) {
	r := &report.Draft{Opinions: []report.Opinion{{Number: 1, Title: "Bridging digital divides",
		Preamble: []report.OpinionPart{{Keyword: "considering", Items: []report.OpinionItem{{Label: "a", Text: "that many are offline,"}}}},
		Operative: []report.OpinionPart{{Keyword: "invites Member States", Items: []report.OpinionItem{
			{Label: "1", Text: "to collect data disaggregated by sex and age."}}}}}}}
	base, ok := Base(r, 1)
	if !ok || base.Lines()[3].Text != "to collect data disaggregated by sex and age." {
		t.Fatalf("base = %+v", base.Lines())
	}
	o := base
	o.Operative = []item.OperativeBlock{{Heading: "invites Member States", Items: []item.OperativeItem{
		{Text: "to collect data disaggregated by sex, age and disability"}, {Text: "to share good practice"}}}}
	b := New(Input{Report: r})
	ops := b.Revision(o)
	var ins, del []string
	for _, op := range ops {
		switch op.Kind {
		case redline.Insert:
			ins = append(ins, strings.TrimSpace(op.Text))
		case redline.Delete:
			del = append(del, strings.TrimSpace(op.Text))
		}
	}
	if redline.Old(ops) != strings.TrimSpace(base.Text()) || redline.New(ops) != strings.TrimSpace(o.Text()) {
		t.Fatalf("the revision does not go from the draft Opinion to the proposal: %v", ops)
	}
	if len(del) == 0 || strings.Contains(strings.Join(del, "|"), "collect") || !strings.Contains(strings.Join(ins, "|"), "disability") || !strings.Contains(strings.Join(ins, "|"), "to share good practice") {
		t.Fatalf("revision: deleted %q, inserted %q", del, ins)
	}
	if got := b.Revision(item.Opinion{Title: "New", Operative: o.Operative}); len(got) != 1 || got[0].Kind != redline.Insert {
		t.Fatalf("a new Opinion must be all inserted: %v", got)
	}
	if _, ok := Base(r, 2); ok {
		t.Fatal("the report has no draft Opinion 2")
	}
}

func TestCompact(t *testing.T) {
	text := func(ops []redline.Op) string {
		var b strings.Builder
		for _, op := range ops {
			switch op.Kind {
			case redline.Insert:
				b.WriteString("[+" + op.Text + "]")
			case redline.Delete:
				b.WriteString("[-" + op.Text + "]")
			default:
				b.WriteString(op.Text)
			}
		}
		return b.String()
	}
	old := "one\ntwo\nthree\nfour\nfive\nsix\nseven"
	cases := []struct {
		name, new string
		context   int
		want      string
	}{
		{"a change in the middle keeps its neighbours", "one\ntwo\nthree\nFOUR\nfive\nsix\nseven", 1, "…\nthree\n[-four][+FOUR]\nfive\n…"},
		{"no context", "one\ntwo\nthree\nFOUR\nfive\nsix\nseven", 0, "…\n[-four][+FOUR]\n…"},
		{"changes at both ends", "ONE\ntwo\nthree\nfour\nfive\nsix\nseven\neight", 0, "[-one][+ONE]\n…\n[+eight]"},
		{"no change leaves one elision", old, 1, "…"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := text(Compact(redline.Diff(old, c.new), c.context)); got != c.want {
				t.Fatalf("got %q, want %q", got, c.want)
			}
		})
	}
}
