package hostile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/store"
)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// entry is one zip entry; raw entries carry a forged header.
type entry struct {
	name  string
	data  []byte
	mode  fs.FileMode // 0: a regular file
	raw   *zip.FileHeader
	store bool // no compression, so no ratio limit applies
}

func zipOf(t testing.TB, entries ...entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, en := range entries {
		var err error
		if en.raw != nil {
			var w interface{ Write([]byte) (int, error) }
			if w, err = zw.CreateRaw(en.raw); err == nil {
				_, err = w.Write(en.data)
			}
		} else {
			h := &zip.FileHeader{Name: en.name, Method: zip.Deflate}
			if en.store {
				h.Method = zip.Store
			}
			if en.mode != 0 {
				h.SetMode(en.mode)
			}
			w, cerr := zw.CreateHeader(h)
			if err = cerr; err == nil {
				_, err = w.Write(en.data)
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// docx is a minimal Word package around a document body.
func docx(t testing.TB, body string, extra ...entry) []byte {
	return zipOf(t, append([]entry{{name: "[Content_Types].xml", data: []byte(`<Types/>`)},
		{name: "word/document.xml", data: document(body)}}, extra...)...)
}

// storedDocx keeps document.xml uncompressed: size limits, not the
// compression ratio, must stop it.
func storedDocx(t testing.TB, body string) []byte {
	return zipOf(t, entry{name: "word/document.xml", data: document(body), store: true})
}

func document(body string) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`)
}

func para(text string) string { return `<w:p><w:r><w:t>` + text + `</w:t></w:r></w:p>` }

// deflated compresses data the way a zip bomb does, for a forged header.
func deflated(t testing.TB, data []byte) []byte {
	var b bytes.Buffer
	fw, _ := flate.NewWriter(&b, flate.BestCompression)
	fw.Write(data)
	fw.Close()
	return b.Bytes()
}

// gigaBomb (giga in spirit: any size costs the same to make) is a deflated part of mb megabytes of spaces made without
// compressing them: one sync-flushed 1 MB block repeated, then a final
// empty block. Its header is honest (size, CRC), as a careful attacker's is.
func gigaBomb(t testing.TB, name string, mb int) entry {
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	var c bytes.Buffer
	fw, _ := flate.NewWriter(&c, flate.BestCompression)
	fw.Write(chunk)
	fw.Flush()
	block := c.Bytes()
	comp := make([]byte, 0, len(block)*mb+2)
	crc := uint32(0)
	for i := 0; i < mb; i++ {
		comp = append(comp, block...)
		crc = crc32.Update(crc, crc32.IEEETable, chunk)
	}
	comp = append(comp, 0x03, 0x00)
	return entry{raw: &zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(len(comp)), UncompressedSize64: uint64(mb) << 20}, data: comp}
}

// noise is incompressible text, so size limits rather than ratio limits apply.
func noise(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	const letters = "abcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, n)
	for i := range b {
		b[i] = letters[r.IntN(len(letters))]
	}
	return b
}

// importDraft does what `delegatectl draft import` and the app do: read
// the file once with its bounds, parse those bytes (which refuses what it
// cannot trust), then commit them.
func importDraft(e *env, path string) error {
	data, err := report.ReadFile(path, report.ImportOptions{})
	if err != nil {
		return err
	}
	d, err := report.Import(filepath.Base(path), data, report.ImportOptions{})
	if err != nil {
		return err
	}
	parsed, err := json.Marshal(d)
	if err != nil {
		return err
	}
	_, err = e.ws.ImportDraft(store.DraftImport{Source: path, Data: data, Label: d.Label, Parsed: parsed, Paragraphs: d.Paragraphs()})
	return err
}

// draftCase is a catalogue case importing a file made by data.
func draftCase(name, file string, data func(t testing.TB) []byte, is error, want ...string) hostileCase {
	return hostileCase{name: name, is: is, want: append([]string{file}, want...),
		prepare: func(t *testing.T, e *env) func() error {
			p := writeFile(t, e, file, data(t))
			return func() error { return importDraft(e, p) }
		}}
}

func nested(open, close string, n int) string {
	return strings.Repeat(open, n) + close
}

func lol(depth int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">`)
	for i := 1; i <= depth; i++ {
		fmt.Fprintf(&b, `<!ENTITY lol%d "%s">`, i, strings.Repeat(fmt.Sprintf("&lol%d;", i-1), 10))
	}
	fmt.Fprintf(&b, `]><w:document %s><w:body><w:p><w:r><w:t>&lol%d;</w:t></w:r></w:p></w:body></w:document>`, wNS, depth)
	return b.String()
}

// TestGigaBombIsAValidZip: the bomb builder makes a part that unpacks, in
// full, to exactly what its header says, so the reader's refusal is about
// the ratio, not a broken file.
func TestGigaBombIsAValidZip(t *testing.T) {
	z := zipOf(t, gigaBomb(t, "x", 3))
	zr, err := zip.NewReader(bytes.NewReader(z), int64(len(z)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, rc)
	if err != nil || n != 3<<20 {
		t.Fatalf("unpacked %d bytes: %v", n, err)
	}
}
