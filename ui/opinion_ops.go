package ui

import (
	"slices"

	"github.com/delegate-itu/delegate/model/item"
)

// opPart names the kind of field of the Opinion editor a position points at.
type opPart int

const (
	partTitle opPart = iota
	partPreKeyword
	partPreItem
	partOpHeading
	partOpAddressee
	partOpItem
	partOpSub
)

// opPos is a place in an Opinion: block b, item i, sub-item s (as the
// part needs them).
type opPos struct {
	part    opPart
	b, i, s int
}

// Keywords offered for new blocks; the author may type others.
var (
	preambleKeywords = []string{"considering", "recognizing", "noting", "recalling", "bearing in mind",
		"acknowledging", "emphasizing", "aware", "mindful", "taking into account", "welcoming", "concerned",
		"convinced", "further recognizing", "further noting"}
	operativeHeadings = []string{"is of the view", "invites", "encourages", "calls upon", "requests",
		"instructs", "urges", "recommends", "resolves", "supports", "further invites"}
	addressees = []string{"Member States", "Sector Members", "Member States and Sector Members",
		"the Secretary-General", "the Directors of the Bureaux", "all stakeholders"}
)

// blankOpinion is the skeleton a new draft Opinion starts from.
func blankOpinion() item.Opinion {
	return item.Opinion{
		Preamble:  []item.PreambularBlock{{Keyword: "considering", Items: []string{""}}},
		Operative: []item.OperativeBlock{{Heading: "is of the view", Items: []item.OperativeItem{{}}}},
	}
}

// moveAt moves what p points at by d places (-1 up, +1 down) among its
// siblings: an item among its block's items, a keyword's whole block
// among the blocks of its part. It returns where the moved thing is now.
func moveAt(o *item.Opinion, p opPos, d int) (opPos, bool) {
	switch p.part {
	case partPreKeyword:
		if swap(o.Preamble, p.b, d) {
			p.b += d
			return p, true
		}
	case partPreItem:
		if swap(o.Preamble[p.b].Items, p.i, d) {
			p.i += d
			return p, true
		}
	case partOpHeading, partOpAddressee:
		if swap(o.Operative, p.b, d) {
			p.b += d
			return p, true
		}
	case partOpItem:
		if swap(o.Operative[p.b].Items, p.i, d) {
			p.i += d
			return p, true
		}
	case partOpSub:
		if swap(o.Operative[p.b].Items[p.i].SubItems, p.s, d) {
			p.s += d
			return p, true
		}
	}
	return p, false
}

func swap[T any](s []T, i, d int) bool {
	j := i + d
	if i < 0 || i >= len(s) || j < 0 || j >= len(s) {
		return false
	}
	s[i], s[j] = s[j], s[i]
	return true
}

// addAfter inserts an empty item after p (the first item of a block when
// p is its keyword) and returns the new item's place.
func addAfter(o *item.Opinion, p opPos) (opPos, bool) {
	switch p.part {
	case partPreKeyword:
		o.Preamble[p.b].Items = slices.Insert(o.Preamble[p.b].Items, 0, "")
		return opPos{part: partPreItem, b: p.b}, true
	case partPreItem:
		o.Preamble[p.b].Items = slices.Insert(o.Preamble[p.b].Items, p.i+1, "")
		return opPos{part: partPreItem, b: p.b, i: p.i + 1}, true
	case partOpHeading, partOpAddressee:
		o.Operative[p.b].Items = slices.Insert(o.Operative[p.b].Items, 0, item.OperativeItem{})
		return opPos{part: partOpItem, b: p.b}, true
	case partOpItem:
		o.Operative[p.b].Items = slices.Insert(o.Operative[p.b].Items, p.i+1, item.OperativeItem{})
		return opPos{part: partOpItem, b: p.b, i: p.i + 1}, true
	case partOpSub:
		it := &o.Operative[p.b].Items[p.i]
		it.SubItems = slices.Insert(it.SubItems, p.s+1, "")
		return opPos{part: partOpSub, b: p.b, i: p.i, s: p.s + 1}, true
	}
	return p, false
}

// addSub appends an empty sub-item to operative item p.
func addSub(o *item.Opinion, p opPos) opPos {
	it := &o.Operative[p.b].Items[p.i]
	it.SubItems = append(it.SubItems, "")
	return opPos{part: partOpSub, b: p.b, i: p.i, s: len(it.SubItems) - 1}
}

// addBlock appends a block to the preamble (operative false) or the
// operative part, with one empty item, and returns its keyword's place.
func addBlock(o *item.Opinion, operative bool) opPos {
	if operative {
		o.Operative = append(o.Operative, item.OperativeBlock{Heading: "invites", Addressee: "Member States", Items: []item.OperativeItem{{}}})
		return opPos{part: partOpHeading, b: len(o.Operative) - 1}
	}
	o.Preamble = append(o.Preamble, item.PreambularBlock{Keyword: "recognizing", Items: []string{""}})
	return opPos{part: partPreKeyword, b: len(o.Preamble) - 1}
}

// removeAt removes what p points at (a keyword removes its block) and
// returns the place that should take the focus.
func removeAt(o *item.Opinion, p opPos) (opPos, bool) {
	switch p.part {
	case partPreKeyword:
		o.Preamble = slices.Delete(o.Preamble, p.b, p.b+1)
		if p.b > 0 {
			return opPos{part: partPreKeyword, b: p.b - 1}, true
		}
		return opPos{part: partTitle}, true
	case partPreItem:
		items := &o.Preamble[p.b].Items
		*items = slices.Delete(*items, p.i, p.i+1)
		if p.i > 0 {
			return opPos{part: partPreItem, b: p.b, i: p.i - 1}, true
		}
		return opPos{part: partPreKeyword, b: p.b}, true
	case partOpHeading, partOpAddressee:
		o.Operative = slices.Delete(o.Operative, p.b, p.b+1)
		if p.b > 0 {
			return opPos{part: partOpHeading, b: p.b - 1}, true
		}
		return opPos{part: partTitle}, true
	case partOpItem:
		items := &o.Operative[p.b].Items
		*items = slices.Delete(*items, p.i, p.i+1)
		if p.i > 0 {
			return opPos{part: partOpItem, b: p.b, i: p.i - 1}, true
		}
		return opPos{part: partOpHeading, b: p.b}, true
	case partOpSub:
		it := &o.Operative[p.b].Items[p.i]
		it.SubItems = slices.Delete(it.SubItems, p.s, p.s+1)
		if p.s > 0 {
			return opPos{part: partOpSub, b: p.b, i: p.i, s: p.s - 1}, true
		}
		return opPos{part: partOpItem, b: p.b, i: p.i}, true
	}
	return p, false
}

// indentAt makes operative item p a sub-item of the item above it (its
// own sub-items follow it).
func indentAt(o *item.Opinion, p opPos) (opPos, bool) {
	if p.part != partOpItem || p.i == 0 {
		return p, false
	}
	items := &o.Operative[p.b].Items
	it := (*items)[p.i]
	above := &(*items)[p.i-1]
	above.SubItems = append(append(above.SubItems, it.Text), it.SubItems...)
	s := len(above.SubItems) - 1 - len(it.SubItems)
	*items = slices.Delete(*items, p.i, p.i+1)
	return opPos{part: partOpSub, b: p.b, i: p.i - 1, s: s}, true
}

// outdentAt makes sub-item p an item of its own, right after its parent;
// the sub-items below it become its sub-items.
func outdentAt(o *item.Opinion, p opPos) (opPos, bool) {
	if p.part != partOpSub {
		return p, false
	}
	items := &o.Operative[p.b].Items
	parent := &(*items)[p.i]
	rest := slices.Clone(parent.SubItems[p.s+1:])
	text := parent.SubItems[p.s]
	parent.SubItems = parent.SubItems[:p.s]
	if len(rest) == 0 {
		rest = nil
	}
	*items = slices.Insert(*items, p.i+1, item.OperativeItem{Text: text, SubItems: rest})
	return opPos{part: partOpItem, b: p.b, i: p.i + 1}, true
}
