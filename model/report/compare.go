package report

import (
	"regexp"
	"sort"
	"strings"

	"github.com/delegate-itu/delegate/model/report/redline"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// ChangeKind says how a block fared from one draft to the next; the JSON
// values are stable.
type ChangeKind string

// Kinds of change. Renumbered means the same text under a new number or ID
// (the most common change between drafts), which is not a text change.
const (
	ChangeUnchanged  ChangeKind = "unchanged"
	ChangeRenumbered ChangeKind = "renumbered"
	ChangeModified   ChangeKind = "modified"
	ChangeMoved      ChangeKind = "moved"
	ChangeSplit      ChangeKind = "split"
	ChangeMerged     ChangeKind = "merged"
	ChangeInserted   ChangeKind = "inserted"
	ChangeDeleted    ChangeKind = "deleted"
)

// Change aligns blocks of the old draft with blocks of the new one.
type Change struct {
	Kind       ChangeKind   `json:"kind"`
	Old        []string     `json:"old,omitempty"`
	New        []string     `json:"new,omitempty"`
	OldRef     string       `json:"old_ref,omitempty"`
	NewRef     string       `json:"new_ref,omitempty"`
	OldNumber  string       `json:"old_number,omitempty"`
	NewNumber  string       `json:"new_number,omitempty"`
	Similarity float64      `json:"similarity,omitempty"`
	Redline    []redline.Op `json:"redline,omitempty"`
	oldIdx     []int
	newIdx     []int
}

// Comparison is the full alignment of two drafts and counts per kind.
type Comparison struct {
	Old     DraftInfo          `json:"old"`
	New     DraftInfo          `json:"new"`
	Changes []Change           `json:"changes"`
	Summary map[ChangeKind]int `json:"summary"`
}

// DraftInfo names a compared draft.
type DraftInfo struct {
	Label  string `json:"label,omitempty"`
	DocID  string `json:"doc_id,omitempty"`
	Source string `json:"source"`
	SHA256 string `json:"sha256"`
}

func infoOf(d *Draft) DraftInfo {
	return DraftInfo{Label: d.Label, DocID: d.DocID, Source: d.SourceName, SHA256: d.SHA256}
}

// Thresholds for pairing blocks whose text differs.
const (
	modifiedMin = 0.5  // same place, at least half the words shared
	movedMin    = 0.75 // elsewhere, most words shared
	splitMin    = 0.85 // a block and the joined pieces it became
)

// Compare aligns two drafts. Blocks with the same text in the same order are
// anchors (unchanged or renumbered); between anchors, blocks are paired as
// modified, split or merged; what is left is matched across the document as
// moved, and the rest is inserted or deleted.
func Compare(old, new *Draft) *Comparison {
	a := &aligner{old: old.Blocks, new: new.Blocks, oldDone: make([]bool, len(old.Blocks)), newDone: make([]bool, len(new.Blocks))}
	gaps := a.anchor()
	a.exactMoves()
	for _, g := range gaps {
		a.splitsAndMerges(g)
		a.pairInGap(g)
		a.renamedHeading(g)
	}
	a.fuzzyMoves()
	a.leftovers()
	c := &Comparison{Old: infoOf(old), New: infoOf(new), Changes: a.ordered(), Summary: map[ChangeKind]int{}}
	for _, ch := range c.Changes {
		c.Summary[ch.Kind]++
	}
	return c
}

// Changed lists only the changes that are not "unchanged".
func (c *Comparison) Changed() []Change {
	var out []Change
	for _, ch := range c.Changes {
		if ch.Kind != ChangeUnchanged {
			out = append(out, ch)
		}
	}
	return out
}

type aligner struct {
	old, new         []Block
	oldDone, newDone []bool
	changes          []Change
	oldBags, newBags map[int]redline.Bag // word bags, made on first use
}

// gap is a stretch between anchors: old[o0:o1] against new[n0:n1].
type gap struct{ o0, o1, n0, n1 int }

// blockKey is what must match for two blocks to be "the same": kind and
// text, ignoring case and the end punctuation (";", ",", ".") that ITU
// lists derive from an item's position, so adding an item after it is not
// a change to its text.
func blockKey(b Block) string {
	kind := b.Kind
	if kind == KindListItem { // a paragraph made a bullet, or back, reads the same
		kind = KindParagraph
	}
	return string(kind) + "\x00" + strings.ToLower(strings.TrimRight(unlabelled(b.Text), ";,.: "))
}

// listLabelRe is a list label typed at the start of an item: "(b)",
// "b)", "iv)", "(12)", "3.", "3)".
var listLabelRe = regexp.MustCompile(`^\s*(?:\([a-zA-Z]{1,2}\)|\([ivxlcIVXLC]{1,7}\)|\(\d{1,3}\)|[a-zA-Z]{1,2}\)|[ivxlcIVXLC]{1,7}\)|\d{1,3}[.)])\s+`)

// unlabelled is a block's text without a typed list label. A label
// follows from an item's position, so it is no evidence of identity: when
// (b) is deleted, (c) becomes (b) and the old (b) must not pair with it.
func unlabelled(s string) string {
	if loc := listLabelRe.FindStringIndex(s); loc != nil {
		return s[loc[1]:]
	}
	return s
}

// anchor runs a diff over whole blocks (each distinct text one symbol).
func (a *aligner) anchor() []gap {
	ids := map[string]rune{}
	enc := func(bs []Block) []rune {
		out := make([]rune, len(bs))
		for i, b := range bs {
			k := blockKey(b)
			r, ok := ids[k]
			if !ok {
				r = rune(len(ids) + 1)
				if r >= 0xD800 {
					r += 0x800
				}
				ids[k] = r
			}
			out[i] = r
		}
		return out
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes(enc(a.old), enc(a.new), false)
	var gaps []gap
	i, j := 0, 0
	cur := gap{}
	for _, d := range diffs {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			if cur.o1 > cur.o0 || cur.n1 > cur.n0 {
				gaps = append(gaps, cur)
			}
			for k := 0; k < n; k++ {
				a.pair(same(a.old[i+k], a.new[j+k]), []int{i + k}, []int{j + k})
			}
			i, j = i+n, j+n
			cur = gap{i, i, j, j}
		case diffmatchpatch.DiffDelete:
			i += n
			cur.o1 = i
		case diffmatchpatch.DiffInsert:
			j += n
			cur.n1 = j
		}
	}
	if cur.o1 > cur.o0 || cur.n1 > cur.n0 {
		gaps = append(gaps, cur)
	}
	return gaps
}

// same classifies a pair with the same key: unchanged, or renumbered when
// its number, ID or end punctuation follow from changes around it.
func same(o, n Block) ChangeKind {
	if o.ID != n.ID || o.Number != n.Number || o.Text != n.Text {
		return ChangeRenumbered
	}
	return ChangeUnchanged
}

// pair records a change joining old and new blocks and marks them done.
func (a *aligner) pair(kind ChangeKind, oi, ni []int) {
	ch := Change{Kind: kind, oldIdx: oi, newIdx: ni}
	var ot, nt, oref, nref []string
	for _, i := range oi {
		a.oldDone[i] = true
		ch.Old = append(ch.Old, a.old[i].ID)
		ot, oref = append(ot, a.old[i].Text), append(oref, a.old[i].Ref)
	}
	for _, i := range ni {
		a.newDone[i] = true
		ch.New = append(ch.New, a.new[i].ID)
		nt, nref = append(nt, a.new[i].Text), append(nref, a.new[i].Ref)
	}
	ch.OldRef, ch.NewRef = strings.Join(oref, " + "), strings.Join(nref, " + ")
	if len(oi) > 0 {
		ch.OldNumber = a.old[oi[0]].Number
	}
	if len(ni) > 0 {
		ch.NewNumber = a.new[ni[0]].Number
	}
	if kind != ChangeUnchanged && (kind != ChangeRenumbered || strings.Join(ot, " ") != strings.Join(nt, " ")) {
		ch.Redline = redline.Diff(strings.Join(ot, " "), strings.Join(nt, " "))
		if len(oi) > 0 && len(ni) > 0 {
			ch.Similarity = round2(redline.Similarity(strings.Join(ot, " "), strings.Join(nt, " ")))
			if !redline.Changed(ch.Redline) {
				ch.Redline = nil
			}
		}
	}
	a.changes = append(a.changes, ch)
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

// ordered sorts changes into the new draft's order; deletions sit where
// the old block stood.
func (a *aligner) ordered() []Change {
	newPos := make([]float64, len(a.old)+1)
	last := -0.5
	pos := map[int]float64{}
	for _, ch := range a.changes {
		if len(ch.newIdx) > 0 {
			for _, o := range ch.oldIdx {
				pos[o] = float64(ch.newIdx[0])
			}
		}
	}
	for i := range a.old {
		if p, ok := pos[i]; ok && p > last {
			last = p
		}
		newPos[i] = last + 0.5
	}
	key := func(ch Change) float64 {
		if len(ch.newIdx) > 0 {
			return float64(ch.newIdx[0])
		}
		return newPos[ch.oldIdx[0]]
	}
	sort.SliceStable(a.changes, func(i, j int) bool { return key(a.changes[i]) < key(a.changes[j]) })
	return a.changes
}
