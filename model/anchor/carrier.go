package anchor

import (
	"strings"
	"sync"

	"github.com/sergi/go-diff/diffmatchpatch"
	"golang.org/x/text/unicode/norm"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
)

// Carrier holds what carrying needs once per pair of drafts: the
// comparison, indexes of both drafts and a cache of text diffs, so that
// thousands of comments cost one comparison.
type Carrier struct {
	oldDraft   *report.Draft // the drafts as given
	newDraft   *report.Draft
	old, new   *report.Draft // their units: blocks, with a table's rows apart
	oldOf      []unitOf      // unit -> block of oldDraft
	newOf      []unitOf
	oldFirst   []int // block of oldDraft -> its first unit
	newFirst   []int
	oldReal    []string // NFC texts of oldDraft's blocks
	newReal    []string // NFC texts of newDraft's blocks
	cmp        *report.Comparison
	oldText    []string       // NFC block texts
	newText    []string       // NFC block texts
	oldPos     map[string]int // block ID -> index
	newPos     map[string]int
	changeOf   []int // old block index -> change index, -1 if none
	newChange  []int // new block index -> change index, -1 if none
	dmp        *diffmatchpatch.DiffMatchPatch
	mu         sync.Mutex
	diffs      map[int][]diffmatchpatch.Diff // change index -> diff of the joined texts
	words      *wordIndex                    // built on first orphan
	wordsOnce  sync.Once
	standsNear []int             // old block index -> new index of the nearest surviving block before it
	terms      map[string]string // old word -> the word the new draft uses for it
	termsOnce  sync.Once
}

// NewCarrier compares the two drafts and indexes them.
func NewCarrier(oldDraft, newDraft *report.Draft) *Carrier {
	old, oldOf := units(oldDraft)
	new, newOf := units(newDraft)
	c := &Carrier{oldDraft: oldDraft, newDraft: newDraft, old: old, new: new, oldOf: oldOf, newOf: newOf,
		oldFirst: firstUnits(oldOf, len(oldDraft.Blocks)), newFirst: firstUnits(newOf, len(newDraft.Blocks)),
		cmp: report.Compare(old, new), dmp: diffmatchpatch.New(), diffs: map[int][]diffmatchpatch.Diff{}}
	c.dmp.DiffTimeout = 0
	c.oldReal, _ = indexBlocks(oldDraft)
	c.newReal, _ = indexBlocks(newDraft)
	c.oldText, c.oldPos = indexBlocks(old)
	c.newText, c.newPos = indexBlocks(new)
	c.changeOf, c.newChange = fill(len(old.Blocks)), fill(len(new.Blocks))
	for i, ch := range c.cmp.Changes {
		for _, id := range ch.Old {
			c.changeOf[c.oldPos[id]] = i
		}
		for _, id := range ch.New {
			c.newChange[c.newPos[id]] = i
		}
	}
	c.standsNear = c.survivorPositions()
	return c
}

func fill(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = -1
	}
	return out
}

func indexBlocks(d *report.Draft) ([]string, map[string]int) {
	texts, pos := make([]string, len(d.Blocks)), make(map[string]int, len(d.Blocks))
	for i, b := range d.Blocks {
		texts[i] = clean(b.Text)
		if _, dup := pos[b.ID]; !dup {
			pos[b.ID] = i
		}
	}
	return texts, pos
}

// survivorPositions finds, for each old block, the new index right after
// the last earlier old block that survived: where a deleted paragraph
// "stood" in the new draft, the first candidate offered for an orphan.
func (c *Carrier) survivorPositions() []int {
	out := make([]int, len(c.old.Blocks))
	at := 0
	for i := range c.old.Blocks {
		out[i] = at
		if k := c.changeOf[i]; k >= 0 {
			ch := c.cmp.Changes[k]
			if len(ch.New) > 0 {
				at = c.newPos[ch.New[len(ch.New)-1]] + 1
			}
		}
	}
	return out
}

// Comparison is the draft comparison the carry rests on (a table's rows
// compared as blocks of their own, with IDs "table-id#rN"), for screens
// and tests that show it beside the results.
func (c *Carrier) Comparison() *report.Comparison { return c.cmp }

// Carry carries every comment, in order.
func (c *Carrier) Carry(items []item.Comment) []Result {
	out := make([]Result, len(items))
	for i := range items {
		out[i] = c.One(items[i])
	}
	return out
}

// One carries a single comment.
func (c *Carrier) One(it item.Comment) Result {
	src, ok := c.locateOld(it.Anchor)
	r := Result{ItemID: it.ID, OldBlockID: it.Anchor.ParagraphID, OldRef: it.Anchor.Number, TextThen: src.quote}
	if it.Proposal != nil {
		r.Proposed = it.Proposal.Proposed
	}
	if !ok {
		r.TextThen = it.Anchor.Quote
		return c.orphan(r, it, -1, "the paragraph it was written on is not in the old draft")
	}
	ob := c.oldDraft.Blocks[c.oldOf[src.block].block]
	r.OldBlockID, r.OldRef = ob.ID, ob.Ref
	if src.table {
		return c.wholeTable(r, it, src)
	}
	k := c.changeOf[src.block]
	if k < 0 || len(c.cmp.Changes[k].New) == 0 {
		if ch, key, ok := c.rescue(src.block); ok {
			r.Change = ch.Kind
			return c.follow(r, it, src, ch, key)
		}
		if res, ok := c.followGap(r, it, src); ok {
			return res
		}
		return c.searchElsewhere(r, it, src, "its paragraph was deleted")
	}
	r.Change = c.cmp.Changes[k].Kind
	return c.follow(r, it, src, c.cmp.Changes[k], k)
}

// rescue pairs a paragraph the comparison calls deleted with the new
// paragraph standing in its place when that one is made mostly of its
// words (a paragraph cut down to a part of itself, too short for the
// comparison's similarity threshold).
func (c *Carrier) rescue(block int) (report.Change, int, bool) {
	nb := c.standsNear[block]
	if nb >= len(c.newText) || c.newChange[nb] < 0 || c.cmp.Changes[c.newChange[nb]].Kind != report.ChangeInserted {
		return report.Change{}, 0, false
	}
	nw, ow := words(c.newText[nb]), words(c.oldText[block])
	if len(nw) < 5 || coverage(nw, ow) < 0.8 {
		return report.Change{}, 0, false
	}
	ch := report.Change{Kind: report.ChangeModified, Old: []string{c.old.Blocks[block].ID}, New: []string{c.new.Blocks[nb].ID},
		Similarity: round2(coverage(ow, nw))}
	return ch, len(c.cmp.Changes) + block, true
}

// source is the commented passage in the old draft.
type source struct {
	block      int
	start, end int // bytes in oldText[block]
	quote      string
	whole      bool // the comment is on the whole paragraph
	table      bool // ... and that paragraph is a table
}

// locateOld finds the comment's block and span in the old draft: by
// paragraph ID, then by displayed number, checking the quote each time;
// the span is then turned into a unit and a span of the unit's text.
func (c *Carrier) locateOld(a item.Anchor) (source, bool) {
	q := clean(a.Quote)
	try := func(bi int) (source, bool) { return c.tryOld(bi, a, q) }
	for i, b := range c.oldDraft.Blocks {
		if b.ID == a.ParagraphID {
			if s, ok := try(i); ok {
				return s, true
			}
			break
		}
	}
	num := strings.TrimSpace(a.Number)
	for i, b := range c.oldDraft.Blocks {
		if num != "" && (b.Ref == num || (b.Number == num && b.Kind == report.KindParagraph && !b.Annex)) {
			if s, ok := try(i); ok {
				return s, true
			}
		}
	}
	return source{}, false
}

// tryOld finds the comment's span in old block bi, by its offsets or, if
// the text before it changed, by the occurrence of its quote nearest them.
func (c *Carrier) tryOld(bi int, a item.Anchor, q string) (source, bool) {
	t := c.oldReal[bi]
	switch {
	case q == "":
		return c.unitSource(bi, 0, len(t), true), true
	case a.End <= len(t) && a.Start < a.End && t[a.Start:a.End] == q:
		return c.unitSource(bi, a.Start, a.End, false), true
	}
	if s := nearestIndex(t, q, a.Start); s >= 0 {
		return c.unitSource(bi, s, s+len(q), false), true
	}
	return source{}, false
}

// unitSource turns a span [s, e) of old block bi into the unit holding
// its start; a span running past that unit (over two table rows) is cut
// to it.
func (c *Carrier) unitSource(bi, s, e int, whole bool) source {
	u := unitAt(c.oldOf, c.oldFirst, bi, s)
	t := c.oldText[u]
	if whole {
		return source{block: u, end: len(t), quote: t, whole: true, table: c.oldDraft.Blocks[bi].Kind == report.KindTable}
	}
	off := c.oldOf[u].off
	ls, le := s-off, min(e-off, len(t))
	return source{block: u, start: ls, end: le, quote: t[ls:le]}
}

// clean puts text in NFC and replaces invalid UTF-8 as the diff would, so
// byte offsets agree between the texts and the diff.
func clean(s string) string { return strings.ToValidUTF8(norm.NFC.String(s), "\uFFFD") }
