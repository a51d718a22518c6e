package anchor

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
)

// The real-edit benchmark: successive versions of public documents with a
// real history (testdata/realedit/*/old.md and new.md, provenance in
// SOURCE.md) and comments on the old version labelled by reading both
// texts, before the carrier was run on them (labels.json). Unlike the
// mutation harness, nobody on the project wrote these edits.

type blockRef struct {
	Contains string `json:"contains"`
	Nth      int    `json:"nth,omitempty"`
}

type realLabel struct {
	ID       string         `json:"id"`
	Class    string         `json:"class"`
	Old      blockRef       `json:"old"`
	Quote    string         `json:"quote"`
	Proposal *item.Proposal `json:"proposal,omitempty"`
	Outcome  []Outcome      `json:"outcome"`
	New      []blockRef     `json:"new"`
	Note     string         `json:"note"`
}

type realPair struct {
	name     string
	old, new *report.Draft
	labels   []realLabel
	comments []item.Comment
	want     [][]string // per comment: the new block IDs that are right
}

// resolveRef finds the block a label names by a substring of its text.
func resolveRef(d *report.Draft, ref blockRef) (int, error) {
	want := clean(ref.Contains)
	var hits []int
	for i, b := range d.Blocks {
		if strings.Contains(clean(b.Text), want) {
			hits = append(hits, i)
		}
	}
	switch {
	case len(hits) == 0:
		return 0, fmt.Errorf("no block contains %q", ref.Contains)
	case ref.Nth == 0 && len(hits) > 1:
		return 0, fmt.Errorf("%d blocks contain %q and no nth is given", len(hits), ref.Contains)
	case ref.Nth > len(hits):
		return 0, fmt.Errorf("only %d blocks contain %q, nth is %d", len(hits), ref.Contains, ref.Nth)
	case ref.Nth == 0:
		return hits[0], nil
	}
	return hits[ref.Nth-1], nil
}

func loadRealPairs(t testing.TB) []realPair {
	dirs, err := filepath.Glob(filepath.Join("testdata", "realedit", "*", "labels.json"))
	if err != nil {
		t.Fatal(err)
	}
	var out []realPair
	for _, lf := range dirs {
		dir := filepath.Dir(lf)
		p := realPair{name: filepath.Base(dir)}
		var err error
		if p.old, err = report.ImportFile(filepath.Join(dir, "old.md"), report.ImportOptions{}); err != nil {
			t.Fatal(err)
		}
		if p.new, err = report.ImportFile(filepath.Join(dir, "new.md"), report.ImportOptions{}); err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile(lf)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Comments []realLabel `json:"comments"`
		}
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatalf("%s: %v", lf, err)
		}
		for _, l := range doc.Comments {
			c, want, err := p.comment(l)
			if err != nil {
				t.Fatalf("%s %s: %v", p.name, l.ID, err)
			}
			p.labels, p.comments, p.want = append(p.labels, l), append(p.comments, c), append(p.want, want)
		}
		out = append(out, p)
	}
	return out
}

// comment builds the labelled comment on the old draft and resolves its
// successors in the new one.
func (p realPair) comment(l realLabel) (item.Comment, []string, error) {
	bi, err := resolveRef(p.old, l.Old)
	if err != nil {
		return item.Comment{}, nil, fmt.Errorf("old: %w", err)
	}
	b := p.old.Blocks[bi]
	a := Whole(b)
	if q := clean(l.Quote); q != "" {
		text := clean(b.Text)
		s := strings.Index(text, q)
		if s < 0 {
			return item.Comment{}, nil, fmt.Errorf("quote %q is not in block %s", l.Quote, b.ID)
		}
		a = Span(b, text, s, s+len(q))
	}
	a.DraftID = "old"
	if len(l.Outcome) == 0 {
		return item.Comment{}, nil, fmt.Errorf("no outcome")
	}
	var want []string
	for _, ref := range l.New {
		ni, err := resolveRef(p.new, ref)
		if err != nil {
			return item.Comment{}, nil, fmt.Errorf("new: %w", err)
		}
		want = append(want, p.new.Blocks[ni].ID)
	}
	return item.Comment{ID: p.name + "/" + l.ID, Anchor: a, Proposal: l.Proposal}, want, nil
}

var realDump = flag.Bool("realedit.dump", false, "real-edit benchmark: print every block of both drafts of each pair, as labels see them")

// TestRealEditLabels checks that every label of the real-edit benchmark
// names one block of each draft and a quote that stands in its block, so
// a label can be written and checked without running the carrier.
func TestRealEditLabels(t *testing.T) {
	for _, p := range loadRealPairs(t) {
		if *realDump {
			for _, d := range []*report.Draft{p.old, p.new} {
				for i, b := range d.Blocks {
					t.Logf("%s %s %3d %-9s %q", p.name, d.SourceName, i, b.Kind, b.Text)
				}
			}
		}
		gone := 0
		for _, l := range p.labels {
			for _, o := range l.Outcome {
				if o == OutcomeOrphaned {
					gone++
				}
			}
			if len(l.New) == 0 && len(l.Outcome) == 1 && l.Outcome[0] != OutcomeOrphaned {
				t.Errorf("%s %s: outcome %s but no successor paragraph", p.name, l.ID, l.Outcome[0])
			}
		}
		t.Logf("%s: %d comments (%d whose passage is gone), old %d blocks, new %d blocks", p.name, len(p.labels), gone, len(p.old.Blocks), len(p.new.Blocks))
	}
}
