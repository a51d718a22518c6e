package review

import (
	"strings"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report/redline"
)

// Thresholds of redline.Similarity above which two texts count as the
// same. A replacement must be nearly word for word to be a duplicate (two
// replacements differing in a couple of words are a real choice); a
// comment's wording varies more when two experts make the same point.
const (
	ProposalDuplicate = 0.85
	BodyDuplicate     = 0.7
)

// FlagKind says how two items on one place relate.
type FlagKind string

// The relations a reviewer must see before approving.
const (
	// Duplicate: the two say the same thing; approving both would send
	// it twice.
	Duplicate FlagKind = "duplicate"
	// Conflict: the two replace the same passage differently; the
	// delegation can send only one of them (or a merge).
	Conflict FlagKind = "conflict"
)

// Flag is one relation of an item to another on the same place.
type Flag struct {
	Kind FlagKind
	With Item
}

// Group is every item on one place, reviewed side by side.
type Group struct {
	Place string
	Where string
	Items []Item // document order, oldest first
	flags map[string][]Flag
}

// Flags are the duplicates and conflicts of item id within the group.
func (g *Group) Flags(id string) []Flag { return g.flags[id] }

// Proposals counts the items of the group that propose text.
func (g *Group) Proposals() int {
	n := 0
	for _, it := range g.Items {
		if it.Proposal() {
			n++
		}
	}
	return n
}

// flag compares every pair of items still in play (withdrawn ones are out).
func (g *Group) flag(b *Board) {
	for i, x := range g.Items {
		for _, y := range g.Items[i+1:] {
			if x.Status() == item.StatusWithdrawn || y.Status() == item.StatusWithdrawn {
				continue
			}
			if k, ok := relate(b, x, y); ok {
				g.flags[x.ID()] = append(g.flags[x.ID()], Flag{Kind: k, With: y})
				g.flags[y.ID()] = append(g.flags[y.ID()], Flag{Kind: k, With: x})
			}
		}
	}
}

// relate says whether two items on one place duplicate or contradict
// each other.
func relate(b *Board, x, y Item) (FlagKind, bool) {
	if x.Opinion != nil && y.Opinion != nil {
		return relateOpinions(x.Opinion, y.Opinion)
	}
	if x.Comment == nil || y.Comment == nil {
		return "", false
	}
	p, q := x.Comment.Proposal, y.Comment.Proposal
	switch {
	case p == nil && q == nil:
		if same(x.Comment.Body, y.Comment.Body, BodyDuplicate) {
			return Duplicate, true
		}
		return "", false
	case p == nil || q == nil:
		return "", false
	}
	if !overlap(b.span(x), b.span(y)) {
		return "", false
	}
	return relateProposals(p, q)
}

// relateProposals: two text proposals on overlapping passages say the
// same, or one must give way, unless one only inserts.
func relateProposals(p, q *item.Proposal) (FlagKind, bool) {
	if p.Action == q.Action && (p.Action == item.ActionSup || same(p.Proposed, q.Proposed, ProposalDuplicate)) {
		return Duplicate, true
	}
	if p.Action == item.ActionAdd || q.Action == item.ActionAdd {
		return "", false // an insertion replaces nothing: both can go in
	}
	return Conflict, true
}

// relateOpinions: two amendments of one draft Opinion are one or the
// other unless nearly identical; new Opinions only duplicate.
func relateOpinions(x, y *item.Opinion) (FlagKind, bool) {
	if same(x.Text(), y.Text(), ProposalDuplicate) {
		return Duplicate, true
	}
	if x.Amends > 0 && x.Amends == y.Amends {
		return Conflict, true
	}
	return "", false
}

// same compares two texts by their words, ignoring case and Markdown marks.
func same(a, b string, at float64) bool {
	fold := func(s string) string {
		return strings.ToLower(strings.Join(strings.Fields(strings.NewReplacer("*", "", "_", "").Replace(s)), " "))
	}
	a, b = fold(a), fold(b)
	if a == "" || b == "" {
		return a == b
	}
	return redline.Similarity(a, b) >= at
}

// passage is where a proposal's existing text lies in its paragraph, as
// byte offsets; text is used when the offsets are unknown.
type passage struct {
	start, end int
	known      bool
	text       string
}

// span finds the passage a comment's proposal replaces: in the paragraph's
// text when it is at hand, else from the anchor.
func (b *Board) span(it Item) passage {
	c := it.Comment
	a := c.Anchor
	ex := strings.TrimSpace(c.Proposal.Existing)
	if ex == "" {
		ex = a.Quote
	}
	out := passage{text: ex}
	if blk, ok := b.Paragraph(it); ok {
		t := blk.Text
		switch {
		case a.End <= len(t) && a.Start < a.End && strings.Contains(t[a.Start:a.End], ex):
			i := a.Start + strings.Index(t[a.Start:a.End], ex)
			return passage{i, i + len(ex), true, ex}
		case strings.Contains(t, ex):
			i := strings.Index(t, ex)
			return passage{i, i + len(ex), true, ex}
		}
	}
	if i := strings.Index(a.Quote, ex); i >= 0 && a.End > a.Start {
		return passage{a.Start + i, a.Start + i + len(ex), true, ex}
	}
	return out
}

func overlap(x, y passage) bool {
	if x.known && y.known {
		return x.start < y.end && y.start < x.end
	}
	return x.text != "" && y.text != "" && (strings.Contains(x.text, y.text) || strings.Contains(y.text, x.text))
}
