package hostile

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/report"
)

// draftCases: report drafts from outside (the secretariat's site, a
// colleague's e-mail), imported into the workspace.
func draftCases() []hostileCase {
	b := func(s string) func(testing.TB) []byte { return func(testing.TB) []byte { return []byte(s) } }
	d := func(body string, extra ...entry) func(testing.TB) []byte {
		return func(t testing.TB) []byte { return docx(t, body, extra...) }
	}
	return []hostileCase{
		draftCase("zip bomb: deflate ratio", "bomb.docx", func(t testing.TB) []byte {
			return zipOf(t, entry{name: "word/document.xml", data: bytes.Repeat([]byte(" "), 4<<20)})
		}, report.ErrZipBomb, "unpacks to far more data", "compressed"),
		draftCase("zip bomb: 90 MB part with an honest header", "giga.docx", func(t testing.TB) []byte {
			return zipOf(t, gigaBomb(t, "word/document.xml", 90))
		}, report.ErrZipBomb, "compressed more than 200:1"),
		draftCase("zip bomb: entry count", "many.docx", func(t testing.TB) []byte {
			es := make([]entry, report.DefaultMaxEntries+1)
			for i := range es {
				es[i] = entry{name: fmt.Sprintf("word/media/i%d.png", i), store: true}
			}
			return zipOf(t, es...)
		}, report.ErrZipBomb, "parts (limit 5000)"),
		draftCase("zip bomb: declared sizes", "declared.docx", func(t testing.TB) []byte {
			var es []entry
			for i := 0; i < 3; i++ {
				es = append(es, entry{raw: &zip.FileHeader{Name: fmt.Sprintf("word/p%d.xml", i), Method: zip.Store,
					CompressedSize64: 1, UncompressedSize64: 90 << 20}, data: []byte("x")})
			}
			return zipOf(t, es...)
		}, report.ErrZipBomb, "declares 270 MB unpacked"),
		draftCase("zip bomb: header lies about the size", "liar.docx", func(t testing.TB) []byte {
			comp := deflated(t, bytes.Repeat([]byte("<w:p/>"), 40000))
			return zipOf(t, entry{raw: &zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
				CompressedSize64: uint64(len(comp)), UncompressedSize64: 1000}, data: comp})
		}, report.ErrZipBomb, "past the limit"),
		draftCase("zip inside a zip", "nested.docx", func(t testing.TB) []byte {
			inner := docx(t, para("x"))
			return zipOf(t, entry{name: "word/document.xml", data: inner})
		}, report.ErrInvalidText, "invalid UTF-8"),
		draftCase("zip-slip part path", "slip.docx", d(para("text"), entry{name: "../../../home/user/.bashrc", data: []byte("evil")}),
			report.ErrCorrupt, "path outside the document"),
		draftCase("backslash part path", "slip2.docx", d(para("text"), entry{name: `..\..\evil.exe`, data: []byte("MZ")}),
			report.ErrCorrupt, "path outside the document"),
		draftCase("symlink part", "link.docx", func(t testing.TB) []byte {
			return zipOf(t, entry{name: "word/document.xml", data: []byte("/etc/passwd"), mode: fs.ModeSymlink | 0o777})
		}, report.ErrCorrupt, "is a link"),
		draftCase("billion laughs", "lol.docx", func(t testing.TB) []byte {
			return zipOf(t, entry{name: "word/document.xml", data: []byte(lol(9))})
		}, report.ErrUnsafeXML, "DOCTYPE"),
		draftCase("external entity (XXE)", "xxe.docx", func(t testing.TB) []byte {
			x := `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document ` + wNS + `><w:body>` + para("&x;") + `</w:body></w:document>`
			return zipOf(t, entry{name: "word/document.xml", data: []byte(x)})
		}, report.ErrUnsafeXML, "never writes"),
		draftCase("deep nesting", "deep.docx", func(t testing.TB) []byte {
			return storedDocx(t, nested("<w:sdt><w:sdtContent>", "", 200000))
		}, report.ErrCorrupt, "damaged"),
		draftCase("giant attribute", "attr.docx", func(t testing.TB) []byte {
			return storedDocx(t, `<w:p w:rsidR="`+string(noise(4<<20))+`"><w:r><w:t>   </w:t></w:r></w:p>`)
		}, report.ErrEmpty, "empty"),
		draftCase("invalid UTF-8 in Markdown", "bad.md", b("# 1 Intro\n\n1. caf\xe9\n"), report.ErrInvalidText, "UTF-8"),
		draftCase("invalid UTF-8 in a .docx", "bad.docx", d(para("caf\xe9")), report.ErrInvalidText, "UTF-8"),
		draftCase("NUL bytes in Markdown", "nul.md", b("# 1 Intro\n\n1. one\x00two\n"), report.ErrInvalidText, "NUL bytes"),
		draftCase("UTF-16 text", "utf16.txt", b("\xff\xfe1\x00.\x00 \x00x\x00"), report.ErrInvalidText, "UTF-8"),
		draftCase("NUL character in a .docx", "nul.docx", d(para("a\x00b")), report.ErrCorrupt, "damaged"),
		draftCase("truncated .docx", "cut.docx", func(t testing.TB) []byte {
			full := docx(t, para(strings.Repeat("paragraph ", 2000)))
			return full[:len(full)/2]
		}, report.ErrNotDocx, "not a zip package"),
		draftCase("truncated deflate data", "cut2.docx", func(t testing.TB) []byte {
			comp := deflated(t, []byte(`<w:document `+wNS+`><w:body>`+para(string(noise(50000)))+`</w:body></w:document>`))
			return zipOf(t, entry{raw: &zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
				CompressedSize64: uint64(len(comp) / 2), UncompressedSize64: 60000}, data: comp[:len(comp)/2]})
		}, report.ErrCorrupt, "damaged"),
		draftCase("old .doc", "draft.doc", b("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"+strings.Repeat("\x00", 600)), nil, "draft.doc"),
		draftCase("PDF named .docx", "draft.docx", b("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), report.ErrPDF, "Word (.docx) version"),
		draftCase("zip bomb named .md", "bomb.md", func(t testing.TB) []byte {
			return zipOf(t, gigaBomb(t, "word/document.xml", 90))
		}, report.ErrZipBomb, "unpacks to far more"),
		draftCase("executable named .docx", "setup.docx", b("MZ\x90\x00\x03\x00\x00\x00\x04\x00"), report.ErrNotDocx, "not a Word .docx"),
		draftCase("empty .docx", "empty.docx", b(""), report.ErrEmpty, "empty"),
		{name: "100 MB .docx", is: report.ErrTooLarge, want: []string{"huge.docx", "100.0 MB", "limit is 30 MB"},
			prepare: func(t *testing.T, e *env) func() error {
				p := bigFile(t, e, "huge.docx", []byte("PK\x03\x04"), 100<<20)
				return func() error { return importDraft(e, p) }
			}},
		{name: "100 MB Markdown", is: report.ErrTooLarge, want: []string{"huge.md", "100.0 MB", "too large"},
			prepare: func(t *testing.T, e *env) func() error {
				p := bigFile(t, e, "huge.md", []byte("# 1 Intro\n\n1. x\n"), 100<<20)
				return func() error { return importDraft(e, p) }
			}},
	}
}

func TestHostileDrafts(t *testing.T) { runCatalogue(t, draftCases()) }

// TestDocxNamedMarkdownIsReadByContent: a .docx saved with a .md name is
// not a hostile input but a mislabelled one; the reader goes by content,
// so the user gets the draft, not garbage.
func TestDocxNamedMarkdownIsReadByContent(t *testing.T) {
	d, err := report.Import("draft.md", docx(t, para("1 Introduction")+para("The forum meets in Geneva.")), report.ImportOptions{})
	if err != nil || !strings.Contains(d.Blocks[len(d.Blocks)-1].Text, "Geneva") {
		t.Fatalf("a .docx named .md: %v %+v", err, d)
	}
}
