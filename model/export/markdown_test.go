package export

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/delegate-itu/delegate/model/docx"
)

// show writes inlines compactly: plain text as is, bold as *b{…}, italic as
// *i{…}, links as [text](url).
func show(ins []docx.Inline) string {
	var b strings.Builder
	for _, in := range ins {
		switch v := in.(type) {
		case docx.Run:
			switch {
			case v.Bold && v.Italic:
				fmt.Fprintf(&b, "bi{%s}", v.Text)
			case v.Bold:
				fmt.Fprintf(&b, "b{%s}", v.Text)
			case v.Italic:
				fmt.Fprintf(&b, "i{%s}", v.Text)
			default:
				b.WriteString(v.Text)
			}
		case docx.Link:
			fmt.Fprintf(&b, "[%s](%s)", show(runsAsInlines(v.Runs)), v.URL)
		default:
			fmt.Fprintf(&b, "<%T>", in)
		}
	}
	return b.String()
}

func runsAsInlines(rs []docx.Run) []docx.Inline {
	out := make([]docx.Inline, len(rs))
	for i, r := range rs {
		out[i] = r
	}
	return out
}

var markdownCases = []struct{ name, in, want string }{
	{"plain", "Say who comments.", "Say who comments."},
	{"bold", "We welcome the focus on **practical measures**. Keep it short.", "We welcome the focus on b{practical measures}. Keep it short."},
	{"italic", "Define *meaningful connectivity* here.", "Define i{meaningful connectivity} here."},
	{"nested", "***both*** and **bold _in_ it**", "bi{both} and b{bold }bi{in}b{ it}"},
	{"soft break", "one\ntwo", "one two"},
	{"hard break", "one  \ntwo", "one\ntwo"},
	{"paragraphs", "First.\n\n\n\nSecond.", "First.\n\nSecond."},
	{"bullets", "Priorities:\n\n- access\n- skills", "Priorities:\n\n•\taccess\n•\tskills"},
	{"numbered", "3. third\n4. fourth", "3.\tthird\n4.\tfourth"},
	{"link", "See [the report](https://www.itu.int/wtpf) now.", "See [the report](https://www.itu.int/wtpf) now."},
	{"autolink", "Mail <mailto:wtpf@itu.int>.", "Mail [mailto:wtpf@itu.int](mailto:wtpf@itu.int)."},
	{"script link is text", "[click](javascript:alert(1))", "click"},
	{"relative link is text", "[file](../x.docx)", "file"},
	{"code span", "Use `SEQ Table` here.", "Use SEQ Table here."},
	{"raw html kept as text", "a <b>tag</b>", "a <b>tag</b>"},
	{"html block kept as text", "<div>\nboxed\n</div>", "<div>\nboxed\n</div>"},
	{"quote", "> quoted\n> more", "quoted more"},
	{"heading", "# Title\n\nBody", "Title\n\nBody"},
	{"empty", "  \n ", ""},
	{"chinese", "**数字鸿沟**需要关注。", "b{数字鸿沟}需要关注。"},
}

func TestMarkdownInlines(t *testing.T) {
	for _, tc := range markdownCases {
		t.Run(tc.name, func(t *testing.T) {
			got := show(markdownPara(tc.in).Content)
			if got != tc.want {
				t.Errorf("markdownPara(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func FuzzMarkdownInlines(f *testing.F) {
	for _, tc := range markdownCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		ins := markdownInlines(s)
		// every word of plain prose survives: nothing the expert wrote is
		// silently dropped apart from Markdown's own markers
		if strings.ContainsAny(s, "*_`[]<>()!\\#&-+=|~:{}\t") || strings.ContainsFunc(s, func(r rune) bool { return r >= '0' && r <= '9' || r > 127 || r < ' ' }) {
			return
		}
		got := strings.Join(strings.Fields(show(ins)), " ")
		want := strings.Join(strings.Fields(s), " ")
		if got != want {
			t.Errorf("markdownInlines(%q) = %q", s, got)
		}
	})
}
