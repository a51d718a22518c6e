package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/delegate-itu/delegate/model/anchor"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/usecase"
)

// resolveAnchor turns "--draft D --para 14 --quote ..." into a full anchor:
// the paragraph's stable ID, its displayed reference, the quote in NFC with
// context and offsets. draftID "" means the most recently imported draft.
func resolveAnchor(w *store.Workspace, draftID, para, quote string) (item.Anchor, error) {
	meta, err := pickDraft(w, draftID)
	if err != nil {
		return item.Anchor{}, err
	}
	d, err := usecase.Draft(w, meta.ID)
	if err != nil {
		return item.Anchor{}, err
	}
	b, err := findParagraph(d, para)
	if err != nil {
		return item.Anchor{}, usagef("draft %s (%s): %v", meta.ID, meta.Label, err)
	}
	a, ok := anchor.ForQuote(*b, quote)
	if !ok {
		return item.Anchor{}, usagef("the quote %q is not in %s of %s; copy it exactly from the paragraph", oneLine(a.Quote, 40), b.Ref, meta.ID)
	}
	a.DraftID = meta.ID
	return a, nil
}

func pickDraft(w *store.Workspace, id string) (store.DraftMeta, error) {
	if id != "" {
		m, err := w.Draft(id)
		if errors.Is(err, store.ErrNotFound) {
			return m, usagef("no draft %s in this workspace (delegatectl draft import FILE)", id)
		}
		return m, err
	}
	ds, err := w.Drafts()
	if err != nil {
		return store.DraftMeta{}, err
	}
	if len(ds) == 0 {
		return store.DraftMeta{}, usagef("no draft imported yet: run delegatectl draft import FILE first")
	}
	latest := ds[0]
	for _, d := range ds[1:] {
		if d.Imported.After(latest.Imported) {
			latest = d
		}
	}
	return latest, nil
}

// findParagraph accepts "14", "¶14" or "§3.2 ¶14" (the displayed forms)
// and the paragraph ID itself.
func findParagraph(d *report.Draft, para string) (*report.Block, error) {
	para = strings.TrimSpace(para)
	if b := d.Block(para); b != nil {
		return b, nil
	}
	num, section := para, ""
	if i := strings.Index(para, "¶"); i >= 0 {
		num = strings.TrimSpace(para[i+len("¶"):])
		section = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(para[:i]), "§"))
	}
	var hits []*report.Block
	for i := range d.Blocks {
		b := &d.Blocks[i]
		if b.Kind == report.KindParagraph && b.Number == num && (section == "" || b.Section == section) {
			hits = append(hits, b)
		}
	}
	switch {
	case len(hits) == 0:
		return nil, fmt.Errorf("no paragraph %s (it has %d numbered paragraphs)", para, d.Paragraphs())
	case len(hits) > 1:
		refs := make([]string, len(hits))
		for i, b := range hits {
			refs[i] = b.Ref
		}
		return nil, fmt.Errorf("paragraph %s is ambiguous: %s; give the section too, e.g. %q", para, strings.Join(refs, ", "), hits[0].Ref)
	}
	return hits[0], nil
}
