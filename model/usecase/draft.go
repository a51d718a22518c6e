package usecase

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/store"
)

// ErrBadDraft marks a draft file that could not be read as a report draft
// (a format, size or damage refusal from model/report): the user's to fix,
// so the CLI exits with status 2. The error's message is model/report's.
var ErrBadDraft = errors.New("not a readable report draft")

// badDraft keeps model/report's message and sentinels and adds ErrBadDraft.
type badDraft struct{ err error }

func (e badDraft) Error() string   { return e.err.Error() }
func (e badDraft) Unwrap() []error { return []error{ErrBadDraft, e.err} }

// DraftFile is a report draft as the user picked it.
type DraftFile struct {
	Source string // recorded in the workspace as where the draft came from
	Name   string // the file name; its extension picks the format
	Label  string // how people call the draft ("2nd draft"); "" takes it from the file
	Data   []byte // the file's bytes, stored as they are
}

// ImportDraft reads a report draft (paragraph identity, outline) and
// commits its bytes with the parsed form. A file already imported returns
// its stored meta, the parsed draft and store.ErrDraftExists; a file
// model/report refuses returns an error that is ErrBadDraft.
func ImportDraft(w *store.Workspace, f DraftFile) (store.DraftMeta, *report.Draft, error) {
	d, err := report.Import(f.Name, f.Data, report.ImportOptions{Label: f.Label})
	if err != nil {
		return store.DraftMeta{}, nil, badDraft{err}
	}
	parsed, err := json.Marshal(d)
	if err != nil {
		return store.DraftMeta{}, nil, err
	}
	label := f.Label
	if label == "" {
		label = d.Label
	}
	source := f.Source
	if source == "" {
		source = f.Name
	}
	meta, err := w.ImportDraft(store.DraftImport{Source: source, Data: f.Data, Label: label, Parsed: parsed, Paragraphs: d.Paragraphs()})
	if err != nil && !errors.Is(err, store.ErrDraftExists) {
		return meta, nil, err
	}
	return meta, d, err
}

// Draft reads the parsed form of draft id as stored at import. This is the
// one place that decodes it: callers never see the stored bytes.
func Draft(w *store.Workspace, id string) (*report.Draft, error) {
	raw, err := w.DraftParsed(id)
	if err != nil {
		return nil, fmt.Errorf("draft %s was stored without its paragraphs: %w", id, err)
	}
	var d report.Draft
	if err := json.Unmarshal(raw, &d); err != nil {
		return nil, fmt.Errorf("draft %s is damaged: %w", id, err)
	}
	return &d, nil
}

// Drafts returns a loader of w's parsed drafts, for CarryPlan.
func Drafts(w *store.Workspace) DraftLoader {
	return func(id string) (*report.Draft, error) { return Draft(w, id) }
}
