package main

import (
	"fmt"
	"strings"
)

// applied is the 3rd draft plus what is needed to describe and render it.
type applied struct {
	Draft   *draft
	Tracked map[string]edit // block ID -> reworded edit to show as w:del/w:ins
	Items   map[string][]itemChange
}

// itemChange is the ground truth for one Opinion item change.
type itemChange struct {
	Op    string `json:"op"`
	Block string `json:"block"`
	Old   string `json:"old,omitempty"`
	New   string `json:"new,omitempty"`
}

// apply runs the edits on a copy of d, in order, and renumbers.
func apply(d *draft, edits []edit) (*applied, error) {
	a := &applied{Draft: d.clone(), Tracked: map[string]edit{}, Items: map[string][]itemChange{}}
	for _, e := range edits {
		if err := a.apply(e); err != nil {
			return nil, fmt.Errorf("edit %q: %w", e.Name, err)
		}
	}
	a.Draft.renumber()
	return a, nil
}

func (a *applied) apply(e edit) error {
	d := a.Draft
	i := d.index(e.ID)
	if e.ID != "" && i < 0 {
		return fmt.Errorf("no block %q", e.ID)
	}
	switch e.Kind {
	case editReworded, editFront:
		return a.reword(i, e)
	case editInserted:
		return a.insertAfter(e.After, block{ID: e.Name, Kind: kindPara, Text: e.Text})
	case editSection:
		at := d.index(e.After)
		if at < 0 {
			return fmt.Errorf("no block %q", e.After)
		}
		return a.insertAfter(e.After, block{ID: e.Name, Kind: kindHeading, Level: 2, Text: e.Text})
	case editDeleted:
		d.Blocks = append(d.Blocks[:i], d.Blocks[i+1:]...)
		return nil
	case editMoved:
		b := d.Blocks[i]
		d.Blocks = append(d.Blocks[:i], d.Blocks[i+1:]...)
		return a.insertAfter(e.After, b)
	case editSplit:
		return a.split(i, e.New)
	case editMerged:
		return a.merge(i, e)
	case editOpinion:
		return a.amend(e.ID, d.Blocks[i].Opinion, e.Items)
	}
	return fmt.Errorf("unknown kind %q", e.Kind)
}

// reword replaces the edit's old text, which must occur once, in block i.
func (a *applied) reword(i int, e edit) error {
	d := a.Draft
	if strings.Count(d.Blocks[i].Text, e.Old) != 1 {
		return fmt.Errorf("%q does not occur exactly once in %s", e.Old, e.ID)
	}
	d.Blocks[i].Text = strings.Replace(d.Blocks[i].Text, e.Old, e.New, 1)
	if e.Tracked {
		a.Tracked[e.ID] = e
	}
	return nil
}

// merge joins block i and the paragraph after it.
func (a *applied) merge(i int, e edit) error {
	d := a.Draft
	if i+1 >= len(d.Blocks) || d.Blocks[i+1].Kind != kindPara {
		return fmt.Errorf("%s is not followed by a paragraph", e.ID)
	}
	d.Blocks[i].Text += " " + d.Blocks[i+1].Text
	d.Blocks = append(d.Blocks[:i+1], d.Blocks[i+2:]...)
	return nil
}

func (a *applied) insertAfter(id string, b block) error {
	d := a.Draft
	at := d.index(id)
	if at < 0 {
		return fmt.Errorf("no block %q to insert after", id)
	}
	d.Blocks = append(d.Blocks[:at+1], append([]block{b}, d.Blocks[at+1:]...)...)
	return nil
}

func (a *applied) split(i int, second string) error {
	b := a.Draft.Blocks[i]
	k := strings.Index(b.Text, " "+second)
	if k < 0 {
		return fmt.Errorf("split point %q not found", second)
	}
	first, rest := b, b
	first.Text, rest.Text = b.Text[:k], b.Text[k+1:]
	rest.ID = b.ID + "/2"
	a.Draft.Blocks[i] = first
	return a.insertAfter(b.ID, rest)
}

// amend changes Opinion items and records old and new labels.
func (a *applied) amend(id string, o *opinion, items []itemEdit) error {
	for _, it := range items {
		bi := -1
		for k, b := range o.Blocks {
			if b.Keyword == it.Block {
				bi = k
			}
		}
		if bi < 0 {
			return fmt.Errorf("no block %q in draft Opinion %d", it.Block, o.Number)
		}
		b := &o.Blocks[bi]
		if it.Item > len(b.Items) || (it.Op != "added" && it.Item == len(b.Items)) {
			return fmt.Errorf("no item %d in %q", it.Item, it.Block)
		}
		lbl := label(b.Keyword, it.Item)
		c := itemChange{Op: it.Op, Block: it.Block}
		switch it.Op {
		case "reworded":
			b.Items[it.Item].Text = it.Text
			c.Old, c.New = lbl, lbl
		case "deleted":
			b.Items = append(b.Items[:it.Item], b.Items[it.Item+1:]...)
			c.Old = lbl
		case "added":
			b.Items = append(b.Items[:it.Item], append([]opItem{{Text: it.Text}}, b.Items[it.Item:]...)...)
			c.New = lbl
		default:
			return fmt.Errorf("unknown item op %q", it.Op)
		}
		a.Items[id] = append(a.Items[id], c)
	}
	return nil
}
