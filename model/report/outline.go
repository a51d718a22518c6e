package report

// Outline is the summary a person checks after importing a draft: sections
// with their paragraph ranges, Opinions found, and whether the file still
// had tracked changes. Its JSON field names are stable.
type Outline struct {
	Label         string           `json:"label,omitempty"`
	Version       int              `json:"version,omitempty"`
	DocID         string           `json:"doc_id,omitempty"`
	Published     string           `json:"published,omitempty"`
	Source        string           `json:"source"`
	Format        string           `json:"format"`
	Blocks        int              `json:"blocks"`
	Paragraphs    int              `json:"paragraphs"`
	Tables        int              `json:"tables"`
	Footnotes     int              `json:"footnotes"`
	Placeholders  int              `json:"placeholders"`
	HadRevisions  bool             `json:"had_revisions"`
	RevisionCount int              `json:"revision_count"`
	Sections      []OutlineSection `json:"sections"`
	Opinions      []OutlineOpinion `json:"opinions"`
}

// OutlineSection is one heading and the numbered paragraphs under it
// (not counting subsections).
type OutlineSection struct {
	ID         string `json:"id"`
	Level      int    `json:"level"`
	Number     string `json:"number,omitempty"`
	Title      string `json:"title"`
	Paragraphs int    `json:"paragraphs"`
	First      string `json:"first,omitempty"`
	Last       string `json:"last,omitempty"`
}

// OutlineOpinion is one recognised draft Opinion.
type OutlineOpinion struct {
	Number  int    `json:"number"`
	Title   string `json:"title"`
	Items   int    `json:"items"`
	BlockID string `json:"block_id"`
}

// Outline summarises the draft.
func (d *Draft) Outline() Outline {
	o := Outline{Label: d.Label, Version: d.Version, DocID: d.DocID, Published: d.Published,
		Source: d.SourceName, Format: d.SourceFormat, Blocks: len(d.Blocks), Paragraphs: d.Paragraphs(),
		Footnotes: len(d.Footnotes), Placeholders: d.Placeholders, HadRevisions: d.HadRevisions,
		RevisionCount: d.RevisionCount, Sections: []OutlineSection{}, Opinions: []OutlineOpinion{}}
	var cur *OutlineSection
	for _, b := range d.Blocks {
		switch {
		case b.Kind == KindTable:
			o.Tables++
		case b.Kind == KindHeading:
			o.Sections = append(o.Sections, OutlineSection{ID: b.ID, Level: b.Level, Number: b.Number, Title: b.Text})
			cur = &o.Sections[len(o.Sections)-1]
		case cur != nil && b.Kind == KindParagraph && b.Number != "" && !b.Annex:
			cur.Paragraphs++
			if cur.First == "" {
				cur.First = b.Number
			}
			cur.Last = b.Number
		}
	}
	for _, op := range d.Opinions {
		o.Opinions = append(o.Opinions, OutlineOpinion{Number: op.Number, Title: op.Title, Items: op.Items(), BlockID: op.BlockID})
	}
	return o
}
