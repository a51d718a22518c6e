package export

import (
	"strings"
	"testing"
)

// Contents must list what Build writes, in the same order and with the
// same numbers: the review's consolidated view relies on it.
func TestContentsFollowsTheDocument(t *testing.T) {
	in := sampleInput(t)
	got := Contents(in)
	want := []struct {
		section Section
		ref, id string
	}{
		{SectionGeneral, "", "ad-241201-c0001"},
		{SectionSpecific, "RDX/1", "ad-241201-c0003"}, // p-3-1 comes first in the report
		{SectionSpecific, "RDX/2", "ad-241201-c0004"},
		{SectionSpecific, "RDX/3", "ad-241201-c0002"},
		{SectionSpecific, "RDX/4", "ad-241201-c0005"},
		{SectionOpinions, "RDX/5", "ad-241201-op3"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d entries, want %d", len(got), len(want))
	}
	for i, w := range want {
		e := got[i]
		id := ""
		if e.Comment != nil {
			id = e.Comment.ID
		} else if e.Opinion != nil {
			id = e.Opinion.ID
		}
		if e.Section != w.section || e.Ref != w.ref || id != w.id {
			t.Errorf("entry %d = %s %q %s, want %s %q %s", i, e.Section, e.Ref, id, w.section, w.ref, w.id)
		}
	}
	doc := part(t, build(t, in).Files[ContributionFile], "word/document.xml")
	last := -1
	for _, e := range got {
		proposal := e.Opinion != nil || (e.Comment != nil && e.Comment.Proposal != nil)
		if !proposal {
			continue
		}
		at := strings.Index(doc, e.Ref+"<")
		if at < 0 || at < last {
			t.Fatalf("%s not found in the document after the previous proposal (at %d, previous %d)", e.Ref, at, last)
		}
		last = at
	}
}
