package main

import (
	"fmt"
	"strings"
	"time"
)

// outputNames are the files generate returns, in the order they are written.
var outputNames = []string{"draft3.md", "changes-2-to-3.json", "draft2.docx", "draft3.docx"}

var (
	published2 = time.Date(2024, 11, 4, 0, 0, 0, 0, time.UTC)
	published3 = time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC)
)

const meta3 = `<!-- delegate-draft label="3rd draft" version="3" docid="SAMPLE-WTPF26-R-0003" published="2025-03-31" -->`

// generate derives every sample output from the 2nd draft's Markdown.
func generate(src string) (map[string][]byte, error) {
	d2, err := parse(src)
	if err != nil {
		return nil, fmt.Errorf("reading draft2.md: %w", err)
	}
	d2.renumber()
	if got := d2.markdown(); got != src {
		return nil, fmt.Errorf("draft2.md is not in canonical form (numbering or Opinion punctuation); run the round-trip test")
	}
	a, err := apply(d2, edits2to3)
	if err != nil {
		return nil, err
	}
	a.Draft.Meta = meta3
	out := map[string][]byte{"draft3.md": []byte(a.Draft.markdown())}
	if out["changes-2-to-3.json"], err = groundTruth(d2, a, edits2to3); err != nil {
		return nil, err
	}
	title := "Sample report on the WTPF-26 sub-themes"
	if out["draft2.docx"], err = buildDocx(d2, title+" (2nd draft, sample)", published2, nil); err != nil {
		return nil, err
	}
	if out["draft3.docx"], err = buildDocx(a.Draft, title+" (3rd draft, sample)", published3, a.Tracked); err != nil {
		return nil, err
	}
	if !strings.Contains(string(out["draft3.md"]), "Third draft (sample)") {
		return nil, fmt.Errorf("draft3.md lost its front matter")
	}
	return out, nil
}
