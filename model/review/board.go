package review

import (
	"sort"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
)

// Input is what a review is made from.
type Input struct {
	Comments []item.Comment
	Opinions []item.Opinion
	// Report is the draft being read, with DraftID its ID in the
	// workspace: it gives the document order and the paragraphs' text.
	Report  *report.Draft
	DraftID string
}

// Board is the review of a workspace at one moment: the items in document
// order, grouped by place, with their duplicates and conflicts.
type Board struct {
	in     Input
	items  []Item // document order
	groups map[string]*Group
	byID   map[string]Item
}

// Lane is one status of the queue with its items in document order.
type Lane struct {
	Status item.Status
	Items  []Item
}

// LaneOrder is the order of the queue: what waits for the reviewer first,
// then what waits for the authors, what will be sent, and the rest.
var LaneOrder = []item.Status{
	item.StatusReady, item.StatusChangesRequested, item.StatusApproved, item.StatusDraft,
	item.StatusSubmitted, item.StatusAcknowledged, item.StatusWithdrawn,
}

// New builds the review of in's items.
func New(in Input) *Board {
	// the board keeps pointers into its own copies: the caller's slices
	// may change before the next New
	in.Comments = append([]item.Comment(nil), in.Comments...)
	in.Opinions = append([]item.Opinion(nil), in.Opinions...)
	b := &Board{in: in, items: Items(in.Comments, in.Opinions), groups: map[string]*Group{}, byID: map[string]Item{}}
	b.sortItems()
	for _, it := range b.items {
		b.byID[it.ID()] = it
		g := b.groups[it.Place()]
		if g == nil {
			g = &Group{Place: it.Place(), Where: it.Where(), flags: map[string][]Flag{}}
			b.groups[it.Place()] = g
		}
		g.Items = append(g.Items, it)
	}
	for _, g := range b.groups {
		g.flag(b)
	}
	return b
}

// Queue is every item by status, in LaneOrder; empty lanes are left out.
func (b *Board) Queue() []Lane {
	var out []Lane
	for _, st := range LaneOrder {
		l := Lane{Status: st}
		for _, it := range b.items {
			if it.Status() == st {
				l.Items = append(l.Items, it)
			}
		}
		if len(l.Items) > 0 {
			out = append(out, l)
		}
	}
	return out
}

// Item finds an item by ID.
func (b *Board) Item(id string) (Item, bool) {
	it, ok := b.byID[id]
	return it, ok
}

// GroupOf is the group of items on the same place as item id.
func (b *Board) GroupOf(id string) *Group {
	it, ok := b.byID[id]
	if !ok {
		return nil
	}
	return b.groups[it.Place()]
}

// Flags are the duplicates and conflicts of item id.
func (b *Board) Flags(id string) []Flag {
	if g := b.GroupOf(id); g != nil {
		return g.flags[id]
	}
	return nil
}

// Paragraph is the text of the paragraph a comment is on, when it is in
// the draft being read.
func (b *Board) Paragraph(it Item) (*report.Block, bool) {
	if it.Comment == nil || b.in.Report == nil || it.Comment.Anchor.DraftID != b.in.DraftID {
		return nil, false
	}
	blk := b.in.Report.Block(it.Comment.Anchor.ParagraphID)
	return blk, blk != nil
}

// sortItems puts the items in the order the draft reads: comments by
// paragraph (those on other drafts after), then amendments by draft
// Opinion, then new Opinions; within a place, oldest first.
func (b *Board) sortItems() {
	pos := map[string]int{}
	if r := b.in.Report; r != nil {
		for i, blk := range r.Blocks {
			pos[blk.ID] = i + 1
		}
	}
	end := len(pos) + 1
	key := func(it Item) int {
		if o := it.Opinion; o != nil {
			if o.Amends > 0 {
				return end + 1 + o.Amends
			}
			return 1 << 30
		}
		if p, ok := pos[it.Comment.Anchor.ParagraphID]; ok && it.Comment.Anchor.DraftID == b.in.DraftID {
			return p
		}
		return end
	}
	sort.SliceStable(b.items, func(i, j int) bool {
		x, y := b.items[i], b.items[j]
		if kx, ky := key(x), key(y); kx != ky {
			return kx < ky
		}
		if x.Place() != y.Place() {
			return x.Place() < y.Place()
		}
		if !x.Created().Equal(y.Created()) {
			return x.Created().Before(y.Created())
		}
		return x.ID() < y.ID()
	})
}
