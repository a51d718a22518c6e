package report

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const samples = "../../assets/samples"

func importPath(t testing.TB, path string) *Draft {
	t.Helper()
	d, err := ImportFile(path, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSampleDraft2Markdown(t *testing.T) {
	d := importPath(t, filepath.Join(samples, "draft2.md"))
	checkDraft2(t, d)
	if d.Label != "2nd draft" || d.Version != 2 || d.DocID != "SAMPLE-WTPF26-R-0002" || d.Published != "2024-11-04" {
		t.Errorf("metadata = %q %d %q %q", d.Label, d.Version, d.DocID, d.Published)
	}
	if len(d.Footnotes) != 4 || !strings.HasPrefix(d.Footnotes[0].Text, "Household surveys") {
		t.Errorf("footnotes = %+v", d.Footnotes)
	}
	if d.HadRevisions {
		t.Error("Markdown has no revisions")
	}
	if b := d.Block("s1.2-p7-li2"); b == nil || b.Kind != KindListItem || !strings.HasPrefix(b.Text, "\"resilience\" refers to") {
		t.Errorf("bullet item = %+v", b)
	}
}

// checkDraft2 asserts what every form of the 2nd draft sample must give.
func checkDraft2(t *testing.T, d *Draft) {
	t.Helper()
	o := d.Outline()
	if o.Paragraphs != 142 || o.Tables != 2 || len(o.Sections) != 34 || len(o.Opinions) != 5 {
		t.Errorf("outline: %d paragraphs, %d tables, %d sections, %d opinions; want 142, 2, 34, 5",
			o.Paragraphs, o.Tables, len(o.Sections), len(o.Opinions))
	}
	for _, c := range []struct{ id, prefix string }{
		{"s1.1-p1", "This sample report sets out"},
		{"s2.1-p13", "Table 1 illustrates"},
		{"s2.3-p28", "Affordability is the most frequently cited reason"},
		{"s6.4-p142", "Further information on the preparatory process"},
		{"s2.3", "Affordable connectivity"},
		{"annex-op1-considering-c", "that women, older persons"},
		{"annex-op2-noting-a", "that electronic waste"},
	} {
		if b := d.Block(c.id); b == nil || !strings.HasPrefix(b.Text, c.prefix) {
			t.Errorf("block %s = %+v, want text starting %q", c.id, b, c.prefix)
		}
	}
	titles := []string{"Bridging digital divides, especially gender and age, skills and connectivity",
		"Green digital transformation: climate change and environmental sustainability",
		"Resilience of telecommunications/ICTs", "Space connectivity",
		"Strengthening ICT-centric innovation ecosystems and entrepreneurship"}
	for i, op := range d.Opinions {
		if op.Number != i+1 || op.Title != titles[i] || !strings.HasPrefix(op.Forum, "The seventh World") ||
			len(op.Preamble) == 0 || len(op.Operative) == 0 {
			t.Errorf("opinion %d = %d %q %q", i+1, op.Number, op.Title, op.Forum)
		}
	}
	if n := d.Opinions[0].Items(); n != 9 {
		t.Errorf("Opinion 1 has %d items, want 9", n)
	}
	if kw := d.Opinions[1].Preamble[1].Keyword; kw != "noting" {
		t.Errorf("Opinion 2 second preambular keyword = %q, want noting", kw)
	}
}

func TestIDsUniqueAndStable(t *testing.T) {
	inputs := map[string][]byte{
		"draft2.md": mustRead(t, filepath.Join(samples, "draft2.md")),
		"mini2.md":  mustRead(t, "testdata/mini2.md"),
		"rich.docx": rawDocx(t, richBody(), germanStyles, testNumbering, testFootnotes),
		"dup.md":    []byte("# 1 A\n\nSame text.\n\nSame text.\n\n1. x\n\n1. x\n\n# 1 A\n\nSame text.\n"),
	}
	for name, data := range inputs {
		t.Run(name, func(t *testing.T) {
			a, err := Import(name, data, ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			b, _ := Import(name, data, ImportOptions{})
			if !reflect.DeepEqual(a, b) {
				t.Error("importing the same file twice gave different drafts")
			}
			seen := map[string]int{}
			for i, blk := range a.Blocks {
				if j, dup := seen[blk.ID]; dup {
					t.Errorf("ID %q used by blocks %d and %d", blk.ID, j, i)
				}
				seen[blk.ID] = i
			}
		})
	}
}

func TestRefs(t *testing.T) {
	d := importPath(t, "testdata/mini2.md")
	for id, want := range map[string]string{
		"s2.1-p3": "§2.1 ¶3", "s2.1": "§2.1", "front-b1": "front matter", "s2.1-p4-li2": "§2.1 ¶4, item 2", "s2.1-t1": "§2.1",
		"annex-op1-considering-b":             "Annex, Opinion 1, considering b)",
		"annex-op1-invites-member-states-1-i": "Annex, Opinion 1, invites Member States, 1 i)",
	} {
		if b := d.Block(id); b == nil || b.Ref != want {
			t.Errorf("%s: ref = %+v, want %q", id, b, want)
		}
	}
}

func TestJSONRoundTrip(t *testing.T) {
	d := importPath(t, "testdata/mini2.md")
	data, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, field := range []string{`"label":"2nd draft"`, `"doc_id":"SAMPLE-WTPF26-R-0002"`, `"sha256":"`, `"blocks":[`, `"id":"s2.1-p3"`, `"opinions":[`, `"had_revisions":false`} {
		if !strings.Contains(string(data), field) {
			t.Errorf("JSON lacks %s", field)
		}
	}
	var back Draft
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	again, _ := json.Marshal(&back)
	if string(again) != string(data) {
		t.Error("JSON does not round-trip")
	}
}

func TestPlainText(t *testing.T) {
	src := "Report of the Secretary-General\n\n1 Introduction\n\n1. The forum meets in Geneva, in 2026, to discuss policy.\n\n" +
		"2.3 Affordable connectivity\n\n14. Affordability remains the main barrier for many people.\n\n- a bullet point\n\n" +
		"Annex – Draft Opinions\n\nDRAFT OPINION 1\n\nTitle\n\nThe seventh World Telecommunication/ICT Policy Forum (Geneva, 2026),\n\nconsidering\n\na) that x,\n"
	d, err := Import("draft.txt", []byte(src), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, b := range d.Blocks {
		ids = append(ids, b.ID)
	}
	want := "front-b1 s1 s1-p1 s2.3 s2.3-p14 s2.3-p14-li1 annex annex-op1 annex-op1-title annex-op1-forum annex-op1-considering annex-op1-considering-a"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("ids = %s\nwant %s", got, want)
	}
	if b := d.Block("s2.3"); b.Level != 2 || b.Text != "Affordable connectivity" {
		t.Errorf("heading = %+v", b)
	}
}

func TestNFC(t *testing.T) {
	d, err := Import("x.md", []byte("# 1 Re\u0301sume\u0301\n\n1. cafe\u0301\n"), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Blocks[0].Text != "Résumé" || d.Blocks[1].Text != "café" {
		t.Errorf("not NFC: %q %q", d.Blocks[0].Text, d.Blocks[1].Text)
	}
}
