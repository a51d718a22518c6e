package report

import (
	"strings"
	"testing"
)

func importMD(t *testing.T, src string) *Draft {
	t.Helper()
	d, err := Import("draft.md", []byte(src), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func texts(d *Draft) []string {
	var out []string
	for _, b := range d.Blocks {
		out = append(out, b.Text)
	}
	return out
}

// YAML front matter is the draft's metadata, never a heading and a
// paragraph of the report: a comment anchored there would have nothing
// to follow into the next draft.
func TestFrontMatterIsMetadata(t *testing.T) {
	d := importMD(t, "---\ntitle: Report of the Secretary-General\nlabel: Second draft\ndoc_id: WTPF-26/2\nversion: 2\ndate: 2026-02-01\n---\n\n# 1 Introduction\n\nThe forum meets in 2026.\n")
	if got := texts(d); len(got) != 2 || got[0] != "Introduction" || got[1] != "The forum meets in 2026." {
		t.Errorf("blocks %q, want the heading and the paragraph only", got)
	}
	if d.Label != "Second draft" || d.DocID != "WTPF-26/2" || d.Version != 2 || d.Published != "2026-02-01" {
		t.Errorf("metadata label=%q doc=%q version=%d published=%q", d.Label, d.DocID, d.Version, d.Published)
	}
}

func TestFrontMatterBroken(t *testing.T) {
	for name, src := range map[string]string{
		"bad YAML":   "---\ntitle: [unclosed\n  : :\n---\n\nThe forum meets in 2026.\n",
		"alias bomb": "---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n---\nThe forum meets in 2026.\n",
		"CRLF":       "---\r\nlabel: First draft\r\n---\r\n\r\nThe forum meets in 2026.\r\n",
	} {
		d := importMD(t, src)
		if got := texts(d); len(got) != 1 || got[0] != "The forum meets in 2026." {
			t.Errorf("%s: blocks %q, want the paragraph only", name, got)
		}
	}
}

// A draft that opens with a thematic break and never closes it has no
// front matter: its text is the draft, not metadata.
func TestThematicBreakIsNotFrontMatter(t *testing.T) {
	d := importMD(t, "---\n\n# 1 Introduction\n\nThe forum meets in 2026.\n")
	if got := strings.Join(texts(d), "|"); got != "Introduction|The forum meets in 2026." {
		t.Errorf("blocks %q", got)
	}
}
