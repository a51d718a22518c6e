package report

import (
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/report/redline"
)

func TestCompareMini(t *testing.T) {
	c := Compare(importPath(t, "testdata/mini2.md"), importPath(t, "testdata/mini3.md"))
	want := []struct {
		kind     ChangeKind
		old, new string
		redline  string
	}{
		{ChangeModified, "front-b1", "front-b1", "Report of the Secretary-General ([-2nd-]{+3rd+} draft)"},
		{ChangeModified, "s1-p2", "s1-p2", "This report is the {+only +}basis of the discussion."},
		{ChangeInserted, "", "s1-p3", "{+A new paragraph explains how comments were taken into account.+}"},
		{ChangeRenumbered, "s2.1-p3", "s2.1-p4", ""},
		{ChangeModified, "s2.2-p6", "s2.2-p6", "数字技能与网络[-同样-]{+更加+}重要。"},
		{ChangeMoved, "s2.1-p4", "s2.2-p7", ""},
		{ChangeRenumbered, "annex-op1-considering-b", "annex-op1-considering-b", "that skills are essential[-,-]{+;+}"},
		{ChangeInserted, "", "annex-op1-considering-c", "{+that affordability remains a barrier,+}"},
	}
	got := c.Changed()
	if len(got) != len(want) {
		for _, g := range got {
			t.Logf("%s %v %v %s", g.Kind, g.Old, g.New, redline.Render(g.Redline))
		}
		t.Fatalf("%d changes, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		t.Run(string(w.kind)+" "+w.new, func(t *testing.T) {
			if g.Kind != w.kind || strings.Join(g.Old, ",") != w.old || strings.Join(g.New, ",") != w.new || redline.Render(g.Redline) != w.redline {
				t.Errorf("got %s %v -> %v %q", g.Kind, g.Old, g.New, redline.Render(g.Redline))
			}
		})
	}
	if c.Summary[ChangeUnchanged] != 26 || c.Summary[ChangeModified] != 3 || c.Summary[ChangeRenumbered] != 2 {
		t.Errorf("summary = %v", c.Summary)
	}
}

func TestCompareSplitMerge(t *testing.T) {
	old := "# 1 A\n\n1. The forum meets in Geneva. It adopts Opinions by consensus and a Chair's report.\n\n2. Experts comment on drafts.\n\n3. Deadlines are set by the secretariat.\n"
	split := "# 1 A\n\n1. The forum meets in Geneva.\n\n2. It adopts Opinions by consensus and a Chair's report.\n\n3. Experts comment on drafts.\n\n4. Deadlines are set by the secretariat.\n"
	a, _ := Import("old.md", []byte(old), ImportOptions{})
	b, _ := Import("new.md", []byte(split), ImportOptions{})
	c := Compare(a, b)
	if c.Summary[ChangeSplit] != 1 || c.Summary[ChangeRenumbered] != 2 || len(c.Changed()) != 3 {
		t.Fatalf("split: summary %v", c.Summary)
	}
	if ch := c.Changed()[0]; ch.Kind != ChangeSplit || strings.Join(ch.New, ",") != "s1-p1,s1-p2" {
		t.Errorf("split change = %+v", ch)
	}
	c = Compare(b, a)
	if c.Summary[ChangeMerged] != 1 || len(c.Changed()) != 3 {
		t.Fatalf("merge: summary %v", c.Summary)
	}
}

func TestCompareDeletedAndIdentical(t *testing.T) {
	a := importPath(t, "testdata/mini2.md")
	c := Compare(a, a)
	if len(c.Changed()) != 0 || c.Summary[ChangeUnchanged] != len(a.Blocks) {
		t.Errorf("identical drafts: %v", c.Summary)
	}
	b, _ := Import("b.md", []byte("# 1 Introduction\n\n1. The seventh World Telecommunication/ICT Policy Forum will meet in Geneva in 2026.\n"), ImportOptions{})
	c = Compare(a, b)
	if c.Summary[ChangeDeleted] != len(a.Blocks)-2 || c.Summary[ChangeInserted] != 0 {
		t.Errorf("deletions: %v", c.Summary)
	}
}

// A list label is no evidence: when "(b)" is deleted, the old "(c)" is
// now "(b)" (renumbered), and the old "(b)" is deleted rather than paired
// with the unrelated new "(b)"; a deleted item does not take the place of
// the modified one after it.
func TestCompareLabelsAreNoEvidence(t *testing.T) {
	doc := func(items ...string) *Draft {
		d, err := Import("d.md", []byte("# 1 Scope\n\nThe Council shall:\n\n"+strings.Join(items, "\n\n")+"\n\nEnd of the list.\n"), ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	old := doc("(a) approve the budget of the Union;", "(b) publish the fees charged for satellite filings;", "(c) elect the members of the Radio Regulations Board;")
	new := doc("(a) approve the budget of the Union;", "(b) elect the members of the Radio Regulations Board;")
	kinds := map[string]ChangeKind{}
	for _, ch := range Compare(old, new).Changes {
		for _, id := range ch.Old {
			kinds[old.Block(id).Text] = ch.Kind
		}
	}
	if k := kinds["(b) publish the fees charged for satellite filings;"]; k != ChangeDeleted {
		t.Errorf("the deleted (b): %s", k)
	}
	if k := kinds["(c) elect the members of the Radio Regulations Board;"]; k != ChangeRenumbered {
		t.Errorf("the relettered (c): %s", k)
	}
}

// A section retitled between the same neighbours is the same section.
func TestCompareRenamedHeading(t *testing.T) {
	imp := func(src string) *Draft {
		d, err := Import("d.md", []byte(src), ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	old := imp("## Scope\n\nThe report covers four sub-themes.\n\n## Encodings (PEP 263)\n\nFiles use one encoding.\n")
	new := imp("## Scope\n\nThe report covers four sub-themes.\n\n## Source File Encoding\n\nFiles use one encoding.\n")
	for _, ch := range Compare(old, new).Changes {
		if len(ch.Old) == 1 && old.Block(ch.Old[0]).Text == "Encodings (PEP 263)" {
			if ch.Kind != ChangeModified || len(ch.New) != 1 || new.Block(ch.New[0]).Text != "Source File Encoding" {
				t.Errorf("renamed heading: %s -> %v", ch.Kind, ch.New)
			}
			return
		}
	}
	t.Error("the old heading is in no change")
}
