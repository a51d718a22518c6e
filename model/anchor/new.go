package anchor

import (
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
)

// Span is the anchor of text[start:end] in paragraph b, where text is b's
// NFC text: the quote with contextRunes of context either side, so the place
// can be found again in a later draft. Every new anchor on a passage —
// typed, re-attached or carried — is made here.
func Span(b report.Block, text string, start, end int) item.Anchor {
	a := Whole(b)
	a.Quote, a.Start, a.End = text[start:end], start, end
	a.Before, a.After = lastRunes(text[:start], contextRunes), firstRunes(text[end:], contextRunes)
	return a
}

// Whole is the anchor of paragraph b as a whole, with no quoted passage.
func Whole(b report.Block) item.Anchor {
	return item.Anchor{ParagraphID: b.ID, Number: b.Ref}
}

// ForQuote anchors quote (trimmed, in NFC) at its first occurrence in
// paragraph b. ok is false when the paragraph does not contain it; the
// anchor then keeps the quote without offsets or context.
func ForQuote(b report.Block, quote string) (a item.Anchor, ok bool) {
	text, q := norm.NFC.String(b.Text), norm.NFC.String(strings.TrimSpace(quote))
	if q == "" {
		return Whole(b), true
	}
	i := strings.Index(text, q)
	if i < 0 {
		a = Whole(b)
		a.Quote = q
		return a, false
	}
	return Span(b, text, i, i+len(q)), true
}
