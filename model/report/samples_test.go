package report

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// groundTruth is assets/samples/changes-2-to-3.json: the edits the sample
// author made to turn the 2nd draft into the 3rd.
type groundTruth struct {
	Changes []struct {
		Kind  string          `json:"kind"`
		Name  string          `json:"name"`
		Old   json.RawMessage `json:"old"`
		New   json.RawMessage `json:"new"`
		Title string          `json:"title"`
		Op    int             `json:"opinion"`
		Items []struct {
			Op, Block, Old, New string
		} `json:"items"`
	} `json:"changes"`
	Renumbered map[string]string `json:"renumbered"`
	Sections   map[string]string `json:"sections"`
}

// strs reads a JSON string or list of strings.
func strs(raw json.RawMessage) []string {
	if len(raw) == 0 {
		return nil
	}
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return []string{one}
	}
	var many []string
	_ = json.Unmarshal(raw, &many)
	return many
}

// locator finds blocks of a draft by what the ground truth names.
type locator struct{ d *Draft }

func (l locator) para(num string) string {
	for _, b := range l.d.Blocks {
		if b.Kind == KindParagraph && !b.Annex && b.Number == num {
			return b.ID
		}
	}
	return "para " + num + " not found"
}

func (l locator) paras(nums []string) string {
	ids := make([]string, len(nums))
	for i, n := range nums {
		ids[i] = l.para(n)
	}
	return strings.Join(ids, ",")
}

func (l locator) text(t string) string {
	for _, b := range l.d.Blocks {
		if b.Text == t {
			return b.ID
		}
	}
	return "text not found: " + t
}

func opinionItemID(op int, keyword, label string) string {
	return fmt.Sprintf("annex-op%d-%s-%s", op, slug(keyword), strings.TrimSuffix(label, ")"))
}

// expectedChanges turns the ground truth into "kind old-ids -> new-ids" lines.
func expectedChanges(t *testing.T, gt groundTruth, old, new *Draft) []string {
	lo, ln := locator{old}, locator{new}
	var out []string
	add := func(kind ChangeKind, o, n string) { out = append(out, fmt.Sprintf("%s %s -> %s", kind, o, n)) }
	for _, c := range gt.Changes {
		o, n := strs(c.Old), strs(c.New)
		switch c.Kind {
		case "front-reworded":
			add(ChangeModified, lo.text(o[0]), ln.text(n[0]))
		case "reworded":
			add(ChangeModified, lo.para(o[0]), ln.para(n[0]))
		case "deleted":
			add(ChangeDeleted, lo.para(o[0]), "")
		case "inserted":
			add(ChangeInserted, "", ln.para(n[0]))
		case "moved", "split", "merged":
			add(ChangeKind(c.Kind), lo.paras(o), ln.paras(n))
		case "section-inserted":
			add(ChangeInserted, "", "s"+n[0])
		case "opinion-amended":
			for _, it := range c.Items {
				kind := map[string]ChangeKind{"reworded": ChangeModified, "deleted": ChangeDeleted, "added": ChangeInserted}[it.Op]
				oi, ni := opinionItemID(c.Op, it.Block, it.Old), opinionItemID(c.Op, it.Block, it.New)
				switch kind {
				case ChangeDeleted:
					ni = ""
				case ChangeInserted:
					oi = ""
				}
				add(kind, oi, ni)
			}
		default:
			t.Errorf("ground truth has a change kind the test does not know: %s", c.Kind)
		}
	}
	sort.Strings(out)
	return out
}

func TestCompareSamplesAgainstGroundTruth(t *testing.T) {
	var gt groundTruth
	if err := json.Unmarshal(mustRead(t, filepath.Join(samples, "changes-2-to-3.json")), &gt); err != nil {
		t.Fatal(err)
	}
	pairs := [][2]string{
		{filepath.Join(samples, "draft2.md"), filepath.Join(samples, "draft3.md")},
		{filepath.Join(samples, "draft2.docx"), filepath.Join(samples, "draft3.docx")},
		{"testdata/lo-draft2.docx", "testdata/lo-draft3.docx"},
		{filepath.Join(samples, "draft2.md"), filepath.Join(samples, "draft3.docx")},
	}
	for _, pair := range pairs {
		t.Run(filepath.Base(pair[0])+"->"+filepath.Base(pair[1]), func(t *testing.T) {
			old, new := importPath(t, pair[0]), importPath(t, pair[1])
			c := Compare(old, new)
			want := expectedChanges(t, gt, old, new)
			var got []string
			byOld := map[string]Change{}
			for _, ch := range c.Changes {
				for _, id := range ch.Old {
					byOld[id] = ch
				}
				if ch.Kind != ChangeUnchanged && ch.Kind != ChangeRenumbered {
					got = append(got, fmt.Sprintf("%s %s -> %s", ch.Kind, strings.Join(ch.Old, ","), strings.Join(ch.New, ",")))
				}
			}
			sort.Strings(got)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("changes differ from the ground truth\ngot:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			checkRenumbered(t, gt, byOld, locator{old}, locator{new})
		})
	}
}

// checkRenumbered: every untouched paragraph and heading is paired with the
// block the ground truth says, as unchanged or renumbered.
func checkRenumbered(t *testing.T, gt groundTruth, byOld map[string]Change, lo, ln locator) {
	t.Helper()
	for o, n := range gt.Renumbered {
		ch, ok := byOld[lo.para(o)]
		if !ok || (ch.Kind != ChangeUnchanged && ch.Kind != ChangeRenumbered) || strings.Join(ch.New, ",") != ln.para(n) {
			t.Errorf("¶%s -> ¶%s: got %+v", o, n, ch)
		}
	}
	for o, n := range gt.Sections {
		ch, ok := byOld["s"+o]
		if !ok || (ch.Kind != ChangeUnchanged && ch.Kind != ChangeRenumbered) || strings.Join(ch.New, ",") != "s"+n {
			t.Errorf("section %s -> %s: got %+v", o, n, ch)
		}
	}
}

func TestSampleDocxForms(t *testing.T) {
	for _, path := range []string{filepath.Join(samples, "draft2.docx"), "testdata/lo-draft2.docx"} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			d := importPath(t, path)
			checkDraft2(t, d)
			if d.HadRevisions || d.Label != "2nd draft" || d.Version != 2 || len(d.Footnotes) != 4 {
				t.Errorf("revisions %v, label %q, version %d, footnotes %d", d.HadRevisions, d.Label, d.Version, len(d.Footnotes))
			}
			if b := d.Block("s4.4-p91-iii"); b == nil || b.Text != "diversity of routes for critical links;" || b.Ref != "§4.4 ¶91 iii)" {
				t.Errorf("roman list item: %+v", b)
			}
		})
	}
	for _, path := range []string{filepath.Join(samples, "draft3.docx"), "testdata/lo-draft3.docx"} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			d := importPath(t, path)
			md := importPath(t, filepath.Join(samples, "draft3.md"))
			if d.Label != "3rd draft" || d.Version != 3 || d.Published != "2025-03-31" {
				t.Errorf("metadata %q %d %q", d.Label, d.Version, d.Published)
			}
			if !d.HadRevisions || d.RevisionCount != 2 {
				t.Errorf("the 3rd draft keeps one tracked change (w:del + w:ins): got %v %d", d.HadRevisions, d.RevisionCount)
			}
			if d.Paragraphs() != md.Paragraphs() || len(d.Opinions) != 5 || d.Block("s2.3-p30").Text != md.Block("s2.3-p30").Text {
				t.Errorf("3rd draft .docx differs from its Markdown: %d paragraphs", d.Paragraphs())
			}
		})
	}
}
