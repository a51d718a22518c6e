package anchor

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
)

const samples = "../../assets/samples"

func importSample(t testing.TB, name string) *report.Draft {
	t.Helper()
	d, err := report.ImportFile(filepath.Join(samples, name), report.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// groundTruth is the part of assets/samples/changes-2-to-3.json the tests use.
type groundTruth struct {
	Changes []struct {
		Kind string          `json:"kind"`
		Name string          `json:"name"`
		Old  json.RawMessage `json:"old"`
		New  json.RawMessage `json:"new"`
	} `json:"changes"`
	Renumbered map[string]string `json:"renumbered"`
}

func strs(raw json.RawMessage) []string {
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return []string{one}
	}
	var many []string
	_ = json.Unmarshal(raw, &many)
	return many
}

func bodyPara(d *report.Draft, num string) *report.Block {
	for i, b := range d.Blocks {
		if b.Kind == report.KindParagraph && !b.Annex && b.Number == num {
			return &d.Blocks[i]
		}
	}
	return nil
}

// commentOn makes a comment on block b quoting q (whole paragraph if "").
func commentOn(id string, b *report.Block, q string) item.Comment {
	a := item.Anchor{DraftID: "2nd-draft", ParagraphID: b.ID, Number: b.Ref}
	if q != "" {
		i := strings.Index(b.Text, q)
		a.Quote, a.Start, a.End = q, i, i+len(q)
		a.Before, a.After = lastRunes(b.Text[:i], contextRunes), firstRunes(b.Text[i+len(q):], contextRunes)
	}
	return item.Comment{ID: id, Anchor: a, Kind: item.KindGeneral, Body: "comment " + id,
		Review: item.Review{Status: item.StatusDraft}, Author: item.Person{Name: "T", Email: "t@example.org"},
		Created: time.Date(2024, 12, 1, 0, 0, 0, 0, time.UTC), Updated: time.Date(2024, 12, 1, 0, 0, 0, 0, time.UTC)}
}

// sentences cuts a paragraph into its sentences (quotes people make).
func sentences(t string) []string {
	var out []string
	for len(t) > 0 {
		i := strings.Index(t, ". ")
		if i < 0 {
			out = append(out, t)
			break
		}
		out = append(out, t[:i+1])
		t = t[i+2:]
	}
	return out
}

// sampleCase is one comment the test places on the 2nd draft with the
// outcome and 3rd-draft paragraph it must land on.
type sampleCase struct {
	name    string
	c       item.Comment
	outcome Outcome
	newIDs  []string // acceptable new blocks ("" for orphans)
}

// sampleCases builds comments from the ground truth: on every reworded,
// moved, deleted, split and merged paragraph (whole paragraph and each
// sentence) and on every renumbered one (its first sentence).
func sampleCases(t *testing.T, old, new *report.Draft) []sampleCase {
	var gt groundTruth
	raw, err := os.ReadFile(filepath.Join(samples, "changes-2-to-3.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &gt); err != nil {
		t.Fatal(err)
	}
	var out []sampleCase
	add := func(name string, b *report.Block, q string, o Outcome, ids ...string) {
		out = append(out, sampleCase{name, commentOn(fmt.Sprintf("te-241201-%04d", len(out)), b, q), o, ids})
	}
	for _, ch := range gt.Changes {
		o, n := strs(ch.Old), strs(ch.New)
		if len(o) == 0 || ch.Kind == "front-reworded" || ch.Kind == "opinion-amended" || ch.Kind == "section-inserted" {
			continue
		}
		ob := bodyPara(old, o[0])
		var nb []*report.Block
		for _, num := range n {
			nb = append(nb, bodyPara(new, num))
		}
		whole, same := map[string]Outcome{"reworded": OutcomeBaseChanged, "deleted": OutcomeOrphaned,
			"moved": OutcomeMoved, "split": OutcomeBaseChanged, "merged": OutcomeBaseChanged}[ch.Kind], OutcomeUnchanged
		if ch.Kind == "moved" {
			same = OutcomeMoved
		}
		ids := func(q string) []string {
			var out []string
			for _, b := range nb {
				if q == "" || strings.Contains(b.Text, q) {
					out = append(out, b.ID)
				}
			}
			if len(out) == 0 && len(nb) > 0 {
				out = []string{nb[0].ID}
			}
			return append(out, "")[:max(1, len(out))]
		}
		add(ch.Name+"/whole", ob, "", whole, ids("")[0])
		for i, s := range sentences(ob.Text) {
			want := same
			switch {
			case ch.Kind == "deleted":
				want = OutcomeOrphaned
			case !containsIn(nb, s):
				want = OutcomeBaseChanged
			}
			add(fmt.Sprintf("%s/sentence%d", ch.Name, i+1), ob, s, want, ids(s)...)
		}
	}
	for o, n := range gt.Renumbered {
		ob, nb := bodyPara(old, o), bodyPara(new, n)
		add("renumbered ¶"+o+"->¶"+n, ob, sentences(ob.Text)[0], OutcomeUnchanged, nb.ID)
	}
	return out
}

func containsIn(bs []*report.Block, s string) bool {
	for _, b := range bs {
		if strings.Contains(b.Text, s) {
			return true
		}
	}
	return false
}

// TestSampleDrafts: every comment placed on the 2nd sample draft lands on
// the 3rd with the outcome the ground truth implies, in the right paragraph.
func TestSampleDrafts(t *testing.T) {
	for _, pair := range [][2]string{{"draft2.md", "draft3.md"}, {"draft2.docx", "draft3.docx"}} {
		t.Run(pair[0]+"->"+pair[1], func(t *testing.T) {
			old, new := importSample(t, pair[0]), importSample(t, pair[1])
			cases := sampleCases(t, old, new)
			if len(cases) < 150 {
				t.Fatalf("only %d cases", len(cases))
			}
			carrier := NewCarrier(old, new)
			for _, tc := range cases {
				r := carrier.One(tc.c)
				ok := r.Outcome == tc.outcome && (tc.outcome == OutcomeOrphaned || contains(tc.newIDs, r.NewBlockID))
				if !ok {
					t.Errorf("%s: got %s %.2f on %s (%s), want %s on %v", tc.name, r.Outcome, r.Confidence, r.NewBlockID, r.Reason, tc.outcome, tc.newIDs)
				}
				if tc.outcome == OutcomeOrphaned && len(r.Candidates) == 0 {
					t.Errorf("%s: orphan without candidate places", tc.name)
				}
			}
		})
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
