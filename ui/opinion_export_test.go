package ui

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
)

// The preview's revision marks are the exported document's: the same
// words inserted and deleted, in the same order.
func TestOpinionPreviewMatchesTheExport(t *testing.T) {
	s := newSampleSession(t, "")
	sc := s.main.opinions
	o, ok := sampleAmendment(s.work.draft)
	if !ok {
		t.Fatal("no draft Opinion 3 in the sample")
	}
	o.Title = "Resilience of telecommunication networks"
	sc.ed.load(o, sc.baseOf(o.Amends))
	del, ins := marks(sc.ed)

	prof, err := s.work.ws.Profile()
	if err != nil {
		t.Fatal(err)
	}
	o.ID, o.Author, o.Review = "se-250601-op3", sampleUser, item.Review{Status: item.StatusApproved}
	o.Created, o.Updated = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC), time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	res, err := export.Build(export.Input{Process: s.profile, Delegation: prof, Sender: prof.Contacts[0],
		Cover: item.Cover{Title: "Amendment to draft Opinion 3", Summary: "An amendment.", ActionRequired: "For consideration.", Language: "English"},
		Draft: export.DraftRef{ID: s.work.cur.ID, Label: s.work.cur.Label, Version: 2}, Report: s.work.draft,
		Opinions: []item.Opinion{o}, Versions: map[string]string{o.ID: strings.Repeat("f", 40)},
		Commit: strings.Repeat("c", 40), Made: o.Updated})
	if err != nil {
		t.Fatal(err)
	}
	xdel, xins := docRevisions(t, res.Files[export.ContributionFile])
	if strip(del) != strip(xdel) || strip(ins) != strip(xins) {
		t.Fatalf("preview and export differ:\npreview -%q\nexport  -%q\npreview +%q\nexport  +%q", strip(del), strip(xdel), strip(ins), strip(xins))
	}
	if !strings.Contains(ins, "backup power") || !strings.Contains(del, "submarine cables") {
		t.Fatalf("the amendment's changes are missing: -%q +%q", del, ins)
	}
}

// strip drops what only separates: the preview's segment bars, the
// document's tabs and spaces.
func strip(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == '\t' || r == ' ' }), "")
}

// docRevisions reads the deleted and inserted text of a .docx, in order.
func docRevisions(t *testing.T, docx []byte) (del, ins string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	kind := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return del, ins
		}
		if err != nil {
			t.Fatal(err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if el.Name.Local == "ins" || el.Name.Local == "del" {
				kind = el.Name.Local
			}
		case xml.EndElement:
			if el.Name.Local == "ins" || el.Name.Local == "del" {
				kind = ""
			}
		case xml.CharData:
			switch kind {
			case "ins":
				ins += string(el)
			case "del":
				del += string(el)
			}
		}
	}
}
