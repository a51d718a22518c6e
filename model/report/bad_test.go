package report

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type badCase struct {
	name, file string
	data       func(t testing.TB) []byte
	want       error
	msg        string
}

func badCases() []badCase {
	doc := func(body string) func(t testing.TB) []byte {
		return func(t testing.TB) []byte { return rawDocx(t, body, "", "", "") }
	}
	return []badCase{
		{"not a zip", "draft.docx", func(testing.TB) []byte { return []byte("this is just text pretending to be Word") }, ErrNotDocx, "not a Word .docx"},
		{"truncated zip", "draft.docx", func(t testing.TB) []byte { return rawDocx(t, p("", "x"), "", "", "")[:60] }, ErrNotDocx, "not a zip package"},
		{"password protected", "draft.docx", func(testing.TB) []byte { return oleFile("EncryptionInfo", "EncryptedPackage", "\x06DataSpaces") }, ErrEncrypted, "protected with a password"},
		{"old binary doc", "draft.doc", func(t testing.TB) []byte { return mustRead(t, "testdata/legacy.doc") }, ErrLegacyDoc, "save it as .docx"},
		{"old doc renamed docx", "draft.docx", func(testing.TB) []byte { return oleFile("WordDocument", "1Table") }, ErrLegacyDoc, "Word 97–2003"},
		{"pdf", "draft.pdf", func(testing.TB) []byte { return []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n") }, ErrPDF, "Word (.docx) version"},
		{"zip bomb ratio", "draft.docx", func(t testing.TB) []byte { return bombZip(t, 1, 20<<20) }, ErrZipBomb, "unpacks to far more"},
		{"zip bomb entries", "draft.docx", func(t testing.TB) []byte { return bombZip(t, DefaultMaxEntries+1, 0) }, ErrZipBomb, "parts"},
		{"zip bomb total", "draft.docx", declaredBomb, ErrZipBomb, "unpacked"},
		{"zip entry lies about its size", "draft.docx", lyingZip, ErrZipBomb, "past the limit"},
		{"doctype entities", "draft.docx", func(t testing.TB) []byte {
			return zipOf(t, map[string]string{"word/document.xml": `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><w:document ` + wNS + `><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`})
		}, ErrUnsafeXML, "DOCTYPE"},
		{"invalid utf-8 markdown", "draft.md", func(testing.TB) []byte { return []byte("# 1 Intro\n\n1. caf\xe9 au lait\n") }, ErrInvalidText, "UTF-8"},
		{"invalid utf-8 in docx", "draft.docx", doc(p("", "caf\xe9")), ErrInvalidText, "UTF-8"},
		{"empty docx", "draft.docx", doc(p("", "   ")), ErrEmpty, "empty"},
		{"empty markdown", "draft.md", func(testing.TB) []byte { return []byte("\n\n<!-- nothing -->\n") }, ErrEmpty, "empty"},
		{"zero bytes", "draft.docx", func(testing.TB) []byte { return nil }, ErrEmpty, "empty"},
		{"no document part", "draft.docx", func(t testing.TB) []byte { return zipOf(t, map[string]string{"hello.txt": "hi"}) }, ErrCorrupt, "damaged"},
		{"broken xml", "draft.docx", func(t testing.TB) []byte {
			return zipOf(t, map[string]string{"word/document.xml": `<w:document ` + wNS + `><w:body><w:p><w:r><w:t>x</w:p>`})
		}, ErrCorrupt, "damaged"},
		{"odt", "draft.odt", func(testing.TB) []byte { return []byte("not really") }, ErrUnsupported, "cannot be read as a report draft"},
	}
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// snapshot lists a directory's entries with size and time, to prove the
// importer wrote nothing.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s %d %d\n", path, info.Size(), info.ModTime().UnixNano())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestBadInputs(t *testing.T) {
	for _, c := range badCases() {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, c.file)
			if err := os.WriteFile(path, c.data(t), 0o644); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, dir)
			d, err := ImportFile(path, ImportOptions{})
			if !errors.Is(err, c.want) {
				t.Fatalf("ImportFile = %v, %v; want error %v", d, err, c.want)
			}
			if !strings.Contains(err.Error(), c.msg) || !strings.Contains(err.Error(), c.file) {
				t.Errorf("message %q should name the file and say %q", err, c.msg)
			}
			if after := snapshot(t, dir); after != before {
				t.Errorf("the import changed the folder:\n%s\nwas\n%s", after, before)
			}
		})
	}
}

func TestFileTooLarge(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "huge.docx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(bytes.Repeat([]byte("PK\x03\x04"), 50<<20/4)); err != nil {
		t.Fatal(err)
	}
	f.Close()
	before := snapshot(t, dir)
	_, err = ImportFile(path, ImportOptions{})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "50.0 MB") || !strings.Contains(err.Error(), "limit is 30 MB") {
		t.Fatalf("err = %v, want ErrTooLarge naming 50.0 MB and the 30 MB limit", err)
	}
	if snapshot(t, dir) != before {
		t.Error("the import changed the folder")
	}
}

func FuzzImportDocx(f *testing.F) {
	for _, c := range badCases() {
		if strings.HasSuffix(c.file, ".docx") && !strings.HasPrefix(c.name, "zip bomb") {
			f.Add(c.data(f))
		}
	}
	f.Add(rawDocx(f, richBody(), germanStyles, testNumbering, testFootnotes))
	opt := ImportOptions{MaxUnpackedBytes: 1 << 20, MaxEntryBytes: 256 << 10}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Import("fuzz.docx", data, opt)
		checkFuzzResult(t, d, err)
	})
}

func FuzzImportMarkdown(f *testing.F) {
	for _, c := range badCases() {
		if strings.HasSuffix(c.file, ".md") {
			f.Add(string(c.data(f)))
		}
	}
	f.Add(string(mustRead(f, "testdata/mini2.md")))
	f.Add("# 1 Intro\n\n14. Para\n\n# Annex\n\n## DRAFT OPINION 2\n\n*considering*\n\na) x;\n\ni) y\n")
	f.Fuzz(func(t *testing.T, src string) {
		d, err := Import("fuzz.md", []byte(src), ImportOptions{})
		checkFuzzResult(t, d, err)
	})
}

// checkFuzzResult: either a clean error or a draft with unique IDs.
func checkFuzzResult(t *testing.T, d *Draft, err error) {
	if err != nil {
		if d != nil {
			t.Fatal("draft returned with an error")
		}
		return
	}
	seen := map[string]bool{}
	for _, b := range d.Blocks {
		if b.ID == "" || seen[b.ID] {
			t.Fatalf("missing or duplicate ID %q", b.ID)
		}
		seen[b.ID] = true
	}
}
