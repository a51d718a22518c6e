package ui

import (
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/delegate-itu/delegate/model/item"
)

// fold makes text comparable ignoring case and accents: "Éco-Système" and
// "eco-systeme" fold alike, so experts find words however they typed them.
// Full Unicode case folding: "STRASSE" finds "Straße", "ΣΟΦΙΑ" "σοφία".
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return cases.Fold().String(out)
}

// filter narrows the comments shown: every non-empty field must match.
type filter struct {
	status   item.Status
	kind     item.Kind
	subTheme int // 1..5; 0 any
	author   string
	query    string // folded search words
}

// match reports whether c passes the filter.
func (f filter) match(c *item.Comment) bool {
	switch {
	case f.status != "" && c.Review.Status != f.status:
		return false
	case f.kind != "" && c.Kind != f.kind:
		return false
	case f.author != "" && c.Author.Name != f.author:
		return false
	case f.subTheme != 0 && !hasTheme(c.SubThemes, f.subTheme):
		return false
	}
	if f.query == "" {
		return true
	}
	hay := fold(searchText(c))
	for _, w := range strings.Fields(f.query) {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

func hasTheme(ts []int, n int) bool {
	for _, t := range ts {
		if t == n {
			return true
		}
	}
	return false
}

// searchText is what a search looks in: body, quote, proposal, reasons,
// the paragraph number and the author.
func searchText(c *item.Comment) string {
	parts := []string{c.Body, c.Anchor.Quote, c.Anchor.Number, c.Reasons, c.Author.Name, string(c.Kind), kindName(c.Kind), statusName(c.Review.Status)}
	if c.Proposal != nil {
		parts = append(parts, c.Proposal.Existing, c.Proposal.Proposed)
	}
	return strings.Join(parts, "\n")
}
