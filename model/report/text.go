package report

import (
	"regexp"
	"strings"
)

var (
	txtParaRe    = regexp.MustCompile(`^(\d+)\.\s+(\S.*)$`)
	txtHeadingRe = regexp.MustCompile(`^(\d+(?:\.\d+)*)\.?\s+(\S.*)$`)
)

// readText reads plain text: paragraphs are separated by blank lines;
// "14. text" is paragraph 14, "2.3 Title" a heading of level 2, a line
// starting "Annex" the annex, "DRAFT OPINION n" an Opinion heading.
func readText(src []byte) (*Draft, error) {
	d := &Draft{SourceFormat: "text"}
	s := strings.ReplaceAll(string(src), "\r\n", "\n")
	annex := false
	for _, chunk := range strings.Split(s, "\n\n") {
		t := cleanText(chunk)
		if t == "" {
			continue
		}
		b := textBlock(t, annex)
		annex = annex || (b.Kind == KindHeading && b.Level == 1 && strings.HasPrefix(strings.ToLower(b.Text), "annex"))
		d.Blocks = append(d.Blocks, b)
	}
	return d, nil
}

func textBlock(t string, inAnnex bool) Block {
	short := len(strings.Fields(t)) <= 14 && !strings.ContainsAny(t[len(t)-1:], ".;,:")
	switch {
	case short && strings.HasPrefix(strings.ToLower(t), "annex"):
		return Block{Kind: KindHeading, Level: 1, Text: t}
	case opinionRe.MatchString(t):
		return Block{Kind: KindHeading, Level: 2, Text: t}
	}
	if m := txtParaRe.FindStringSubmatch(t); m != nil && !short && !inAnnex {
		return Block{Kind: KindParagraph, Number: m[1], Text: m[2]}
	}
	if m := txtHeadingRe.FindStringSubmatch(t); m != nil && short && !inAnnex && startsUpper(m[2]) {
		return Block{Kind: KindHeading, Level: strings.Count(m[1], ".") + 1, Number: m[1], Text: m[2]}
	}
	if strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "• ") {
		return Block{Kind: KindListItem, Text: strings.TrimSpace(t[strings.Index(t, " "):])}
	}
	return Block{Kind: KindParagraph, Text: t}
}

func startsUpper(s string) bool {
	for _, c := range s {
		return c >= 'A' && c <= 'Z' || c > 0x7f
	}
	return false
}
