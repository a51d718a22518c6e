package anchor

import (
	"strconv"
	"strings"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
)

// unitOf ties a unit of the carrier's view of a draft to the block it
// comes from: the block's index in the draft and where the unit's text
// starts in the block's NFC text.
type unitOf struct {
	block int
	off   int
}

// units is the carrier's view of a draft: every block is a unit, except a
// table, whose rows are units of their own. A comment on a row then
// follows that row (or is orphaned with it) instead of landing on another
// row of the same table, as it did when the whole table was one block.
func units(d *report.Draft) (*report.Draft, []unitOf) {
	out := &report.Draft{Label: d.Label, SourceName: d.SourceName, SHA256: d.SHA256, Blocks: make([]report.Block, 0, len(d.Blocks))}
	of := make([]unitOf, 0, len(d.Blocks))
	for i, b := range d.Blocks {
		if b.Kind != report.KindTable {
			out.Blocks = append(out.Blocks, b)
			of = append(of, unitOf{block: i})
			continue
		}
		off := 0
		for k, row := range strings.Split(clean(b.Text), "\n") {
			r := report.Block{ID: b.ID + "#r" + strconv.Itoa(k+1), Ref: b.Ref, Kind: report.KindTable, Section: b.Section, Text: row, Annex: b.Annex}
			out.Blocks = append(out.Blocks, r)
			of = append(of, unitOf{block: i, off: off})
			off += len(row) + 1
		}
	}
	return out, of
}

// unitAt finds the unit of block bi holding byte offset at of its text.
func unitAt(of []unitOf, first []int, bi, at int) int {
	u := first[bi]
	for u+1 < len(of) && of[u+1].block == bi && of[u+1].off <= at {
		u++
	}
	return u
}

// firstUnits maps each block index to its first unit.
func firstUnits(of []unitOf, blocks int) []int {
	out := make([]int, blocks)
	for u := len(of) - 1; u >= 0; u-- {
		out[of[u].block] = u
	}
	return out
}

// rowsOf lists the units of block bi (one for a block that is not a table).
func rowsOf(of []unitOf, first []int, bi int) []int {
	var out []int
	for u := first[bi]; u < len(of) && of[u].block == bi; u++ {
		out = append(out, u)
	}
	return out
}

// place is a span of unit u's text as a place in the real new draft.
func (c *Carrier) place(u, s, e int, score float64) Place {
	of := c.newOf[u]
	b := c.newDraft.Blocks[of.block]
	return Place{BlockID: b.ID, Ref: b.Ref, Start: of.off + s, End: of.off + e, Text: c.newText[u][s:e], Score: round2(score)}
}

// wholeTable carries a comment on a whole table by its rows: the table
// that now holds most of the rows' successors is the comment's place;
// unchanged when every row is unchanged there and none was added, base
// text changed otherwise, and orphaned when no row survives.
func (c *Carrier) wholeTable(r Result, it item.Comment, src source) Result {
	bi := c.oldOf[src.block].block
	r.TextThen = c.oldReal[bi]
	best, most, same := c.rowSuccessors(bi)
	if best < 0 {
		return c.orphan(r, it, src.block, "its table was deleted")
	}
	b := c.newDraft.Blocks[best]
	r.NewBlockID, r.NewRef, r.Anchor, r.TextNow = b.ID, b.Ref, Whole(b), c.newReal[best]
	r.Change = report.ChangeModified
	switch {
	case r.TextNow == r.TextThen || (same && len(rowsOf(c.newOf, c.newFirst, best)) == most):
		r.Change, r.Outcome, r.Confidence, r.Reason = report.ChangeUnchanged, OutcomeUnchanged, 0.99, "the table is unchanged"
	default:
		r.Outcome, r.Confidence, r.Reason = OutcomeBaseChanged, 0.9, "the table's rows changed"
	}
	return r
}

// rowSuccessors finds the new table holding most successors of old table
// bi's rows (-1 when none survives), how many it holds, and whether every
// row survived unchanged.
func (c *Carrier) rowSuccessors(bi int) (best, most int, same bool) {
	votes := map[int]int{}
	same = true
	for _, u := range rowsOf(c.oldOf, c.oldFirst, bi) {
		k := c.changeOf[u]
		if k < 0 || len(c.cmp.Changes[k].New) == 0 {
			same = false
			continue
		}
		ch := c.cmp.Changes[k]
		same = same && (ch.Kind == report.ChangeUnchanged || ch.Kind == report.ChangeRenumbered)
		for _, id := range ch.New {
			if nu, ok := c.newPos[id]; ok {
				votes[c.newOf[nu].block]++
			}
		}
	}
	best = -1
	for nb, v := range votes {
		if v > most || (v == most && nb < best) {
			best, most = nb, v
		}
	}
	return best, most, same
}
