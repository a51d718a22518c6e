package anchor

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
)

// carryCases are old text, new text, quote: English, Chinese, edits at
// the quote's edges. They seed FuzzCarry and TestCarryText.
var carryCases = []struct {
	name, old, new, quote string
	want                  Outcome
	now                   string
}{
	{"same", "Affordability remains the main barrier.", "Affordability remains the main barrier.", "main barrier", OutcomeUnchanged, "main barrier"},
	{"word inserted before", "Affordability remains the main barrier.", "Affordability still remains the main barrier.", "remains the main", OutcomeUnchanged, "remains the main"},
	{"edited under quote", "Affordability remains the main barrier to use.", "Affordability remains a key barrier to use.", "the main barrier", OutcomeBaseChanged, "a key barrier"},
	{"chinese", "数字鸿沟仍然是发展中国家面临的主要挑战之一，需要各方合作加以解决。", "数字鸿沟仍然是许多发展中国家面临的主要挑战之一，需要各方合作加以解决。", "面临的主要挑战之一，需要各方合作加以解决", OutcomeUnchanged, "面临的主要挑战之一，需要各方合作加以解决"},
	{"chinese edited, long quote over 64 bytes", "数字鸿沟仍然是发展中国家面临的主要挑战之一，需要各方合作加以解决。", "数字鸿沟仍然是发展中国家面临的重大挑战之一，需要各方合作加以解决。", "发展中国家面临的主要挑战之一，需要各方合作加以解决", OutcomeBaseChanged, "发展中国家面临的重大挑战之一，需要各方合作加以解决"},
	{"decomposed input", "Le re\u0301seau est re\u0301silient.", "Le réseau est très résilient.", "réseau est", OutcomeUnchanged, "réseau est"},
}

func oneParagraph(text string) *report.Draft {
	return &report.Draft{Blocks: []report.Block{{ID: "s1-p1", Ref: "§1 ¶1", Kind: report.KindParagraph, Number: "1", Section: "1", Text: norm.NFC.String(text)}}}
}

func TestCarryText(t *testing.T) {
	for _, tc := range carryCases {
		t.Run(tc.name, func(t *testing.T) {
			old := oneParagraph(tc.old)
			b := &old.Blocks[0]
			r := Carry(old, oneParagraph(tc.new), []item.Comment{commentOn("te-241201-0001", b, tc.quote)})[0]
			if r.Outcome != tc.want || r.TextNow != tc.now || r.Anchor.Quote != tc.now {
				t.Errorf("got %s %q (%s), want %s %q", r.Outcome, r.TextNow, r.Reason, tc.want, tc.now)
			}
		})
	}
}

// FuzzCarry: any quote of any paragraph carried onto any new text gives
// a result whose anchor is a valid span of the new paragraph.
func FuzzCarry(f *testing.F) {
	for _, tc := range carryCases {
		f.Add(tc.old, tc.new, 0, len(tc.quote))
	}
	f.Fuzz(func(t *testing.T, oldText, newText string, s, n int) {
		old, new := oneParagraph(oldText), oneParagraph(newText)
		t0 := old.Blocks[0].Text
		if s < 0 || n <= 0 || s+n > len(t0) || strings.TrimSpace(t0) == "" || strings.TrimSpace(new.Blocks[0].Text) == "" {
			return
		}
		c := commentOn("te-241201-0001", &old.Blocks[0], "")
		c.Anchor.Quote, c.Anchor.Start, c.Anchor.End = t0[s:s+n], s, s+n
		r := Carry(old, new, []item.Comment{c})[0]
		if r.Placed() && utf8.ValidString(newText) { // imported text is always valid; invalid must only not panic
			nt := new.Blocks[0].Text
			a := r.Anchor
			if a.Start < 0 || a.End > len(nt) || a.Start > a.End || nt[a.Start:a.End] != a.Quote {
				t.Fatalf("bad anchor %+v on %q", a, nt)
			}
		}
	})
}
