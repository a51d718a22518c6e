package ui

import (
	"errors"
	"sort"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/usecase"
)

// work is an open workspace as the screens see it: the current draft, its
// rows, and the comments indexed by paragraph.
type work struct {
	ws       *store.Workspace
	drafts   []store.DraftMeta // oldest first
	cur      store.DraftMeta   // the draft being read
	draft    *report.Draft
	row      map[string]int // block ID -> index in draft.Blocks
	comments []item.Comment
	byPara   map[string][]int // paragraph ID (current draft) -> comment indexes
	warning  string           // a damaged file, said once after opening

	compares map[string]*report.Comparison // old draft ID -> compared with draft
	olds     map[string]*report.Draft
}

// openWork opens the workspace in dir and loads its latest draft and items.
func openWork(dir string) (*work, error) {
	ws, err := store.Open(dir, store.Options{})
	if err != nil {
		return nil, err
	}
	w := &work{ws: ws}
	if err := w.load(); err != nil {
		_ = ws.Close()
		return nil, err
	}
	return w, nil
}

// load reads the drafts and the comments again from the workspace.
func (w *work) load() error {
	ds, err := w.ws.Drafts()
	if err != nil {
		return err
	}
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Imported.Before(ds[j].Imported) })
	w.drafts = ds
	if len(ds) > 0 {
		if err := w.setDraft(ds[len(ds)-1]); err != nil {
			return err
		}
	}
	return w.loadComments()
}

// setDraft makes meta the draft on screen.
func (w *work) setDraft(meta store.DraftMeta) error {
	d, err := w.parsed(meta.ID)
	if err != nil {
		return err
	}
	w.cur, w.draft = meta, d
	w.compares, w.olds = nil, nil
	w.row = make(map[string]int, len(d.Blocks))
	for i, b := range d.Blocks {
		w.row[b.ID] = i
	}
	w.index()
	return nil
}

// parsed reads a draft's parsed form (usecase.Draft decodes it).
func (w *work) parsed(id string) (*report.Draft, error) {
	return usecase.Draft(w.ws, id)
}

func (w *work) loadComments() error {
	cs, err := w.ws.Comments()
	if err != nil && !errors.Is(err, store.ErrFormat) {
		return err
	}
	if err != nil {
		w.warning = errText(err)
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Created.Before(cs[j].Created) })
	w.comments = cs
	w.index()
	return nil
}

// index rebuilds byPara for the current draft.
func (w *work) index() {
	w.byPara = map[string][]int{}
	for i, c := range w.comments {
		if c.Anchor.DraftID == w.cur.ID {
			w.byPara[c.Anchor.ParagraphID] = append(w.byPara[c.Anchor.ParagraphID], i)
		}
	}
}

// put replaces or adds c after a save, keeping the index right.
func (w *work) put(c item.Comment) {
	for i := range w.comments {
		if w.comments[i].ID == c.ID {
			w.comments[i] = c
			w.index()
			return
		}
	}
	w.comments = append(w.comments, c)
	w.index()
}

// comment finds a comment by ID.
func (w *work) comment(id string) (item.Comment, bool) {
	for _, c := range w.comments {
		if c.ID == id {
			return c, true
		}
	}
	return item.Comment{}, false
}

// draftLabel names a draft by ID for people ("2nd draft").
func (w *work) draftLabel(id string) string {
	for _, d := range w.drafts {
		if d.ID == id {
			return labelText(d.Label)
		}
	}
	return id
}
