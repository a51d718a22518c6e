// Package docxtest builds WordprocessingML packages for tests: a minimal
// .docx around a body, the styles and numbering of a German Word, a rich
// body with every construct the reader handles, and hostile packages (OLE
// files, zip bombs). model/docxread and model/report tests share it so both
// read the same fixtures.
package docxtest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"sort"
	"strings"
	"testing"
	"unicode/utf16"
)

// NS declares the namespaces a document part uses.
const NS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"`

// Zip packs parts into a zip in memory, in name order.
func Zip(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range sortedKeys(parts) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[name])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Package builds a minimal .docx around a body, with styles and numbering
// written the way a German Word and LibreOffice write them.
func Package(t testing.TB, body, styles, numbering, footnotes string) []byte {
	t.Helper()
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/_rels/document.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rIdL" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.itu.int/wtpf" TargetMode="External"/></Relationships>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + NS + `><w:body>` + body + `</w:body></w:document>`,
	}
	if styles != "" {
		parts["word/styles.xml"] = `<?xml version="1.0"?><w:styles ` + NS + `>` + styles + `</w:styles>`
	}
	if numbering != "" {
		parts["word/numbering.xml"] = `<?xml version="1.0"?><w:numbering ` + NS + `>` + numbering + `</w:numbering>`
	}
	if footnotes != "" {
		parts["word/footnotes.xml"] = `<?xml version="1.0"?><w:footnotes ` + NS + `>` + footnotes + `</w:footnotes>`
	}
	return Zip(t, parts)
}

// P is a paragraph with a style and plain runs.
func P(style string, runs ...string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	if style != "" {
		b.WriteString(`<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
	}
	for _, r := range runs {
		b.WriteString(`<w:r><w:t xml:space="preserve">` + r + `</w:t></w:r>`)
	}
	b.WriteString("</w:p>")
	return b.String()
}

// GermanStyles are the styles as a German Word writes them: localised names, outline levels on
// the built-in headings, a custom heading based on one of them, a numbered
// paragraph style linked to list 2.
const GermanStyles = `
<w:style w:type="paragraph" w:default="1" w:styleId="Standard"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="Überschrift 1"/><w:basedOn w:val="Standard"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="Überschrift 2"/><w:basedOn w:val="berschrift1"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="MeinKapitel"><w:name w:val="Mein Kapitel"/><w:basedOn w:val="berschrift2"/></w:style>
<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="Titre 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Absatz"><w:name w:val="Nummerierter Absatz"/><w:basedOn w:val="Standard"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Call"><w:name w:val="Call"/><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="AnnexTitle"><w:name w:val="Annex title"/></w:style>
<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>`

// Numbering is a numbering part: outline list 1 (%1, %1.%2, %1.%2.%3),
// paragraph list 2 (%1.), letters and romans 3, its restarted instance 4,
// bullets 5 and list 2 restarted at 40 as 6.
const Numbering = `
<w:abstractNum w:abstractNumId="10">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%3"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="20"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="30"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="40"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="30"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="30"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="40"/></w:num>
<w:num w:numId="6"><w:abstractNumId w:val="20"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="40"/></w:lvlOverride></w:num>`

// Numbered is a paragraph in list numID at level ilvl.
func Numbered(numID, ilvl, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

// RichBody is a body with every construct the reader handles: a table of
// contents, localised and inherited headings, automatic numbering (letters,
// romans, a restart, bullets, a start at 40), a hyperlink, a field, a
// content control, a footnote, tracked changes and a deleted paragraph
// mark, an image and a text box, a table, typed numbers and a draft Opinion.
func RichBody() string {
	return strings.Join([]string{
		P("", "Document S24-WTPF26PREP-R-0003, 3rd draft, 2025-03-31"),
		P("TOC1", "Einleitung 1"),
		P("berschrift1", "Einleitung"),
		P("Absatz", "First paragraph."),
		`<w:p><w:pPr><w:pStyle w:val="Absatz"/></w:pPr><w:r><w:t xml:space="preserve">See </w:t></w:r>` +
			`<w:hyperlink r:id="rIdL"><w:r><w:t>the forum page</w:t></w:r></w:hyperlink>` +
			`<w:r><w:t xml:space="preserve"> on page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>` +
			`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
			`<w:fldSimple w:instr="SEQ Table"><w:r><w:t xml:space="preserve"> (table 2)</w:t></w:r></w:fldSimple>` +
			`<w:sdt><w:sdtPr><w:alias w:val="Secret"/></w:sdtPr><w:sdtContent><w:r><w:t xml:space="preserve"> in a control</w:t></w:r></w:sdtContent></w:sdt>` +
			`<w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>.</w:t></w:r></w:p>`,
		P("MeinKapitel", "Unterkapitel"),
		Numbered("3", "0", "letter one"), Numbered("3", "1", "roman one"), Numbered("3", "1", "roman two"), Numbered("3", "0", "letter two"),
		Numbered("4", "0", "restarted letter"),
		Numbered("5", "0", "a bullet"),
		Numbered("6", "0", "forty"),
		`<w:p><w:pPr><w:pStyle w:val="Absatz"/></w:pPr><w:r><w:t xml:space="preserve">Tracked </w:t></w:r><w:ins w:id="1" w:author="S"><w:r><w:t xml:space="preserve">new </w:t></w:r></w:ins>` +
			`<w:del w:id="2" w:author="S"><w:r><w:delText xml:space="preserve">old </w:delText></w:r></w:del><w:moveFrom w:id="3"><w:r><w:t>gone </w:t></w:r></w:moveFrom>` +
			`<w:moveTo w:id="4"><w:r><w:t>text</w:t></w:r></w:moveTo></w:p>`,
		`<w:p><w:pPr><w:pStyle w:val="Absatz"/><w:rPr><w:del w:id="5" w:author="S"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">Merged first </w:t></w:r></w:p>`,
		P("Absatz", "half."),
		`<w:p><w:r><w:t xml:space="preserve">Picture </w:t></w:r><w:r><w:drawing><wp:inline><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"/></wp:inline></w:drawing></w:r>` +
			`<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Boxed note</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>` +
			`<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Boxed note</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
		`<w:tbl><w:tblPr/><w:tr><w:tc><w:tcPr/>` + P("", "Region") + `</w:tc><w:tc>` + P("", "Offline") + `</w:tc></w:tr>` +
			`<w:tr><w:tc>` + P("", "Africa") + `</w:tc><w:tc>` + P("", "62%") + `</w:tc></w:tr></w:tbl>`,
		P("Titre1", "Chapitre sans numéro"),
		`<w:p><w:r><w:t>15.</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">Typed </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>paragraph</w:t></w:r><w:r><w:t xml:space="preserve"> number.</w:t></w:r></w:p>`,
		P("Titre1", "7.2 Typed heading number"),
		P("AnnexTitle", "Annex – Draft Opinions"),
		P("", "DRAFT OPINION 4"),
		`<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Space connectivity</w:t></w:r></w:p>`,
		P("", "The seventh World Telecommunication/ICT Policy Forum (Geneva, 2026),"),
		P("Call", "considering"),
		`<w:p><w:r><w:t>a)</w:t></w:r><w:r><w:tab/><w:t>that satellites matter;</w:t></w:r></w:p>`,
		`<w:p><w:r><w:t>b)</w:t></w:r><w:r><w:tab/><w:t>that orbits are finite,</w:t></w:r></w:p>`,
		P("Call", "invites Member States"),
		`<w:p><w:r><w:t>1</w:t></w:r><w:r><w:tab/><w:t>to cooperate.</w:t></w:r></w:p>`,
		`<w:sectPr><w:pgSz w:w="11906"/></w:sectPr>`,
	}, "")
}

// Footnotes is a footnotes part with Word's separator and note 2.
const Footnotes = `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> The note text.</w:t></w:r></w:p></w:footnote>`

// OLE builds a minimal valid OLE compound file (one FAT sector, one
// directory sector) whose directory lists the given stream names.
func OLE(names ...string) []byte {
	buf := make([]byte, 512*3)
	copy(buf, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	le := binary.LittleEndian
	le.PutUint16(buf[0x18:], 0x3E)
	le.PutUint16(buf[0x1A:], 3)
	le.PutUint16(buf[0x1C:], 0xFFFE)
	le.PutUint16(buf[0x1E:], 9)
	le.PutUint16(buf[0x20:], 6)
	le.PutUint32(buf[0x2C:], 1)          // FAT sectors
	le.PutUint32(buf[0x30:], 1)          // first directory sector
	le.PutUint32(buf[0x38:], 4096)       // mini stream cutoff
	le.PutUint32(buf[0x3C:], 0xFFFFFFFE) // no mini FAT
	le.PutUint32(buf[0x44:], 0xFFFFFFFE) // no DIFAT sectors
	for i := 0; i < 109; i++ {
		le.PutUint32(buf[0x4C+4*i:], 0xFFFFFFFF)
	}
	le.PutUint32(buf[0x4C:], 0)
	fat := buf[512:1024]
	for i := 0; i < 128; i++ {
		le.PutUint32(fat[4*i:], 0xFFFFFFFF)
	}
	le.PutUint32(fat[0:], 0xFFFFFFFD)
	le.PutUint32(fat[4:], 0xFFFFFFFE)
	all := append([]string{"Root Entry"}, names...)
	for i, name := range all {
		e := buf[1024+128*i : 1024+128*(i+1)]
		u := utf16.Encode([]rune(name))
		for k, c := range u {
			le.PutUint16(e[2*k:], c)
		}
		le.PutUint16(e[64:], uint16(2*len(u)+2))
		e[66] = 2
		if i == 0 {
			e[66] = 5
		}
	}
	return buf
}

// Bomb is a zip of entries parts of size spaces each (highly compressible),
// the first named word/document.xml.
func Bomb(t testing.TB, entries int, size int) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for i := 0; i < entries; i++ {
		name := "word/document.xml"
		if i > 0 {
			name = fmt.Sprintf("word/media/x%d.bin", i)
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		for left := size; left > 0; left -= len(chunk) {
			if _, err := w.Write(chunk[:min(left, len(chunk))]); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// DeclaredBomb declares parts far larger than any draft (the data itself is tiny).
func DeclaredBomb(t testing.TB) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i < 3; i++ {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: fmt.Sprintf("word/part%d.xml", i), Method: zip.Store,
			CompressedSize64: 1, UncompressedSize64: 90 << 20})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("x"))
	}
	zw.Close()
	return buf.Bytes()
}

// LyingZip declares a small document.xml whose deflated data unpacks to
// 12 MB; the reader must stop at its own limit, not trust the header.
func LyingZip(t testing.TB) []byte {
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	fw.Write(bytes.Repeat([]byte("<w:p/>"), 2<<20))
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: 1000})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
	zw.Close()
	return buf.Bytes()
}
