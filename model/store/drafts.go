package store

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"strings"
	"time"
	"unicode"
)

// DraftsDir holds one folder per imported report draft.
const DraftsDir = "drafts"

// ErrDraftExists means the same bytes were already imported.
var ErrDraftExists = errors.New("this draft was already imported")

// DraftImport is what ImportDraft stores: the source bytes exactly as
// received and, when the report package could read them, the parsed
// draft as JSON (with its paragraph IDs).
type DraftImport struct {
	Source     string // file name, e.g. "draft2.docx"
	Data       []byte
	Label      string // e.g. "2nd draft"; the ID is made from it
	Parsed     []byte // optional JSON from model/report, stored as draft.json
	Paragraphs int
}

func draftDir(id string) string { return DraftsDir + "/" + id }

// ImportDraft commits a report draft as drafts/<id>/ (source file,
// draft.toml, draft.json) and returns its metadata. The ID comes from the
// label (or file name) and is made unique; importing the same bytes twice
// gives ErrDraftExists with the earlier draft's metadata.
func (w *Workspace) ImportDraft(in DraftImport) (DraftMeta, error) {
	sum := sha256.Sum256(in.Data)
	meta := DraftMeta{Label: strings.TrimSpace(in.Label), Source: path.Base(strings.ReplaceAll(in.Source, "\\", "/")),
		SHA256: hex.EncodeToString(sum[:]), Size: int64(len(in.Data)), Paragraphs: in.Paragraphs,
		Imported: time.Now().UTC().Truncate(time.Second), By: w.user}
	if meta.Label == "" {
		meta.Label = strings.TrimSuffix(meta.Source, path.Ext(meta.Source))
	}
	existing, err := w.Drafts()
	if err != nil {
		return DraftMeta{}, err
	}
	taken := map[string]bool{}
	for _, d := range existing {
		if d.SHA256 == meta.SHA256 {
			return d, fmt.Errorf("%w as %s (%s)", ErrDraftExists, d.ID, d.Label)
		}
		taken[d.ID] = true
	}
	meta.ID = uniqueSlug(meta.Label, taken)
	head, err := FormatDraftMeta(meta)
	if err != nil {
		return DraftMeta{}, err
	}
	dir := draftDir(meta.ID)
	changes := []change{{path: dir + "/draft.toml", data: head}, {path: dir + "/source" + strings.ToLower(path.Ext(meta.Source)), data: in.Data}}
	if len(in.Parsed) > 0 {
		changes = append(changes, change{path: dir + "/draft.json", data: in.Parsed})
	}
	msg := fmt.Sprintf("Import %s (%s) as draft %s\n\nDraft: %s\nSHA-256: %s", meta.Label, meta.Source, meta.ID, meta.ID, meta.SHA256)
	_, err = w.commit(msg, changes)
	return meta, err
}

// Drafts lists the imported drafts in ID order.
func (w *Workspace) Drafts() ([]DraftMeta, error) {
	ents, err := w.listDir(DraftsDir)
	if err != nil {
		return nil, err
	}
	var out []DraftMeta
	for _, e := range ents {
		if e.Mode.IsFile() {
			continue
		}
		d, err := w.Draft(e.Name)
		if err != nil {
			return out, err
		}
		out = append(out, d)
	}
	return out, nil
}

// Draft reads one draft's metadata.
func (w *Workspace) Draft(id string) (DraftMeta, error) {
	b, err := w.readHead(draftDir(id) + "/draft.toml")
	if err != nil {
		return DraftMeta{}, fmt.Errorf("draft %s: %w", id, err)
	}
	return ParseDraftMeta(b)
}

// DraftSource returns the bytes of a draft exactly as imported.
func (w *Workspace) DraftSource(id string) ([]byte, error) {
	d, err := w.Draft(id)
	if err != nil {
		return nil, err
	}
	return w.readHead(draftDir(id) + "/source" + strings.ToLower(path.Ext(d.Source)))
}

// DraftParsed returns the parsed draft JSON stored at import, or
// ErrNotFound when the draft was kept as source bytes only.
func (w *Workspace) DraftParsed(id string) ([]byte, error) {
	return w.readHead(draftDir(id) + "/draft.json")
}

// uniqueSlug makes a readable, file-safe ID: "2nd draft" → "2nd-draft".
func uniqueSlug(label string, taken map[string]bool) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(label) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	base := strings.Trim(b.String(), "-")
	if len(base) > 40 {
		base = strings.Trim(base[:40], "-")
	}
	if len(base) < 3 {
		base = "draft-" + base
		base = strings.Trim(base, "-")
	}
	id := base
	for n := 2; taken[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	return id
}
