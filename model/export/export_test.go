package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
)

const wNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

func build(t testing.TB, in Input) *Result {
	t.Helper()
	res, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// part returns one part of a .docx (or any zip).
func part(t testing.TB, zipBytes []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(zipBytes), int64(len(zipBytes)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("no %s", name)
	return ""
}

// revision is one w:ins or w:del found in document.xml.
type revision struct{ kind, id, author, date, text string }

// revisions walks document.xml and returns every revision with its text.
func revisions(t *testing.T, doc string) []revision {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(doc))
	var out []revision
	open := -1
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("document.xml is not well-formed: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if el.Name.Space == wNS && (el.Name.Local == "ins" || el.Name.Local == "del") {
				r := revision{kind: el.Name.Local}
				for _, a := range el.Attr {
					switch a.Name.Local {
					case "id":
						r.id = a.Value
					case "author":
						r.author = a.Value
					case "date":
						r.date = a.Value
					}
				}
				out = append(out, r)
				open = len(out) - 1
			}
		case xml.EndElement:
			if el.Name.Local == "ins" || el.Name.Local == "del" {
				open = -1
			}
		case xml.CharData:
			if open >= 0 {
				out[open].text += string(el)
			}
		}
	}
}

func TestContributionRevisions(t *testing.T) {
	in := sampleInput(t)
	res := build(t, in)
	doc := part(t, res.Files[ContributionFile], "word/document.xml")
	revs := revisions(t, doc)
	if len(revs) < 8 {
		t.Fatalf("only %d revisions", len(revs))
	}
	ids := map[string]bool{}
	for _, r := range revs {
		if ids[r.id] {
			t.Errorf("revision id %s used twice", r.id)
		}
		ids[r.id] = true
		if r.author != "République de Xyz" || r.date != "2024-12-10T14:30:00Z" {
			t.Errorf("revision %s by %q on %q, want the delegation on the package date", r.id, r.author, r.date)
		}
	}
	var ins, del []string
	for _, r := range revs {
		if r.kind == "ins" {
			ins = append(ins, r.text)
		} else {
			del = append(del, r.text)
		}
	}
	all := strings.Join(ins, "|") + " // " + strings.Join(del, "|")
	for _, want := range []string{"divides", "including the gender digital divide", "as appropriate", "and regularly test",
		"to share good practice on network resilience"} {
		if !strings.Contains(all, want) {
			t.Errorf("no revision with %q in %s", want, all)
		}
	}
}

func TestContributionHouseStyle(t *testing.T) {
	res := build(t, sampleInput(t))
	doc := part(t, res.Files[ContributionFile], "word/document.xml")
	text := plainText(t, doc)
	for _, want := range []string{"Seventh World Telecommunication/ICT Policy Forum", "number to be assigned by the secretariat",
		"10 December 2024", "Original: English", "Source:", "République de Xyz", "Title:", "Comments on the 2nd draft",
		"Summary:", "Action required:", "References:", "Secretary-General's report, 2nd draft", "Contact:", "E-mail: amelie@xyz.example",
		"General comments", "Specific comments", "Existing text", "Proposed text", "MOD\tRDX/", "ADD\tRDX/", "SUP\tRDX/",
		"Proposals on draft Opinions", "MOD\tRDX/5", "DRAFT OPINION 3", "Reasons: Testing plans", "a)\tthat societies"} {
		if !strings.Contains(text, want) {
			t.Errorf("contribution lacks %q", want)
		}
	}
	if !strings.Contains(doc, `<w:pStyle w:val="Call"/>`) {
		t.Error("Opinion keywords are not in the italic Call style")
	}
	if !strings.Contains(doc, `<w:pgSz w:w="11906" w:h="16838"/>`) {
		t.Error("page is not A4")
	}
	if strings.Contains(doc, "The contribution is inserted here") {
		t.Error("the template's placeholder paragraph was kept")
	}
	if res.Pages <= 0 || res.Pages > MaxPages {
		t.Errorf("sample estimated at %.2f pages", res.Pages)
	}
}

// plainText is the document's text with tabs, in reading order.
func plainText(t *testing.T, doc string) string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(doc))
	var b strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return b.String()
		}
		if err != nil {
			t.Fatal(err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if el.Name.Local == "tab" {
				b.WriteByte('\t')
			}
		case xml.EndElement:
			if el.Name.Local == "p" {
				b.WriteByte('\n')
			}
		case xml.CharData:
			b.Write(el)
		}
	}
}

func TestCleanCopyAcceptsChanges(t *testing.T) {
	res := build(t, sampleInput(t))
	doc := part(t, res.Files[CleanCopyFile], "word/document.xml")
	if strings.Contains(doc, "<w:ins ") || strings.Contains(doc, "<w:del ") || strings.Contains(doc, "w:delText") {
		t.Error("the clean copy still has revision marks")
	}
	text := plainText(t, doc)
	for _, want := range []string{"the digital divides", "to develop and regularly test national emergency telecommunication plans;", "including the gender digital divide"} {
		if !strings.Contains(text, want) {
			t.Errorf("clean copy lacks %q", want)
		}
	}
	if strings.Contains(text, "facilitate the repair of submarine cables.") {
		t.Error("clean copy keeps the deleted full stop of the amended item")
	}
}

func TestPackageIsDeterministic(t *testing.T) {
	a, b := build(t, sampleInput(t)), build(t, sampleInput(t))
	if !bytes.Equal(a.Zip, b.Zip) {
		t.Fatal("the same input gave two different zips")
	}
	in := sampleInput(t)
	in.Commit = strings.Repeat("d", 40)
	if c := build(t, in); bytes.Equal(a.Zip, c.Zip) || c.ID == a.ID {
		t.Error("another commit must give another package")
	}
}

func TestManifest(t *testing.T) {
	in := sampleInput(t)
	res := build(t, in)
	m := res.Manifest
	if m.PackageID != "rdx-20241210-ccccccc" || m.Process.Secretariat != "wtpf@itu.int" || m.Answers.Deadline != "2024-12-20" ||
		m.Answers.Draft.Label != "2nd draft" || m.Source.Entity != "République de Xyz" || m.Commit != in.Commit {
		t.Errorf("manifest header = %+v", m)
	}
	if len(m.Items) != 6 || m.Items[5].Type != "opinion" || m.Items[0].Commit != strings.Repeat("1", 40) || m.Items[0].Author.Name != "Amélie Dœ" {
		t.Errorf("items = %+v", m.Items)
	}
	names := []string{}
	for _, f := range m.Files {
		names = append(names, f.Name)
		if len(f.SHA256) != 64 {
			t.Errorf("%s has hash %q", f.Name, f.SHA256)
		}
	}
	if strings.Join(names, ",") != "contribution-clean.docx,contribution.docx,items.json,message.eml" {
		t.Errorf("files = %v", names)
	}
	if m.App.Name != "Delegate" || m.App.Version == "" || !m.Created.Equal(made) {
		t.Errorf("app/time = %+v %v", m.App, m.Created)
	}
}

func TestBuildWithoutTemplate(t *testing.T) {
	in := sampleInput(t)
	in.Template = nil
	res := build(t, in)
	if !strings.Contains(part(t, res.Files[ContributionFile], "word/document.xml"), "DRAFT OPINION 3") {
		t.Error("no content without a template")
	}
}

func TestRefusalListsEverything(t *testing.T) {
	in := sampleInput(t)
	in.Cover.Summary, in.Cover.ActionRequired = "", ""
	_, err := Build(in)
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "Summary") || !strings.Contains(err.Error(), "Action required") {
		t.Fatalf("err = %v", err)
	}
}
