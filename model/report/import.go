package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/delegate-itu/delegate/model/docxread"
	"github.com/delegate-itu/delegate/model/userfile"
)

// Default limits: a real SG report .docx is a few megabytes; these leave a
// wide margin while refusing files that would exhaust memory.
const (
	DefaultMaxFileBytes     = 30 << 20
	DefaultMaxUnpackedBytes = 200 << 20
	DefaultMaxEntryBytes    = 100 << 20
	DefaultMaxEntries       = 5000
	DefaultMaxRatio         = 200
)

// ImportOptions tunes an import. The zero value is ready to use: limits fall
// back to the defaults and metadata comes from the file.
type ImportOptions struct {
	// Label, Version, DocID and Published override what the file says.
	Label     string
	Version   int
	DocID     string
	Published string
	// Limits; zero means the default.
	MaxFileBytes     int64
	MaxUnpackedBytes int64
	MaxEntryBytes    int64
	MaxEntries       int
	MaxRatio         int64
}

func (o ImportOptions) withDefaults() ImportOptions {
	def := func(v *int64, d int64) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.MaxFileBytes, DefaultMaxFileBytes)
	def(&o.MaxUnpackedBytes, DefaultMaxUnpackedBytes)
	def(&o.MaxEntryBytes, DefaultMaxEntryBytes)
	def(&o.MaxRatio, DefaultMaxRatio)
	if o.MaxEntries <= 0 {
		o.MaxEntries = DefaultMaxEntries
	}
	return o
}

// ImportFile reads a draft from disk. It writes nothing anywhere.
func ImportFile(path string, opt ImportOptions) (*Draft, error) {
	data, err := ReadFile(path, opt)
	if err != nil {
		return nil, err
	}
	return Import(filepath.Base(path), data, opt)
}

// ReadFile reads a draft file's bytes, refusing a device, a pipe or a
// folder, and a file over the size limit before reading it (so a caller
// that keeps the bytes reads the file once, as Import sees it).
func ReadFile(path string, opt ImportOptions) ([]byte, error) {
	opt = opt.withDefaults()
	data, err := userfile.Read(path, opt.MaxFileBytes)
	var big *userfile.TooLargeError
	switch {
	case errors.As(err, &big):
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), tooLarge(big.Size, opt.MaxFileBytes))
	case err != nil:
		return nil, fmt.Errorf("open draft: %w", err)
	}
	return data, nil
}

func tooLarge(size, limit int64) error {
	return fmt.Errorf("%w: it is %.1f MB and the limit is %.0f MB; a report draft is usually a few MB (remove embedded videos or large images, or save a copy without them)",
		ErrTooLarge, float64(size)/(1<<20), float64(limit)/(1<<20))
}

// Import reads a draft from bytes. The reader is chosen by content first
// (zip, OLE, PDF magic) and by the name's extension second.
func Import(name string, data []byte, opt ImportOptions) (*Draft, error) {
	opt = opt.withDefaults()
	if int64(len(data)) > opt.MaxFileBytes {
		return nil, tooLarge(int64(len(data)), opt.MaxFileBytes)
	}
	d, err := importBySniff(name, data, opt)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	sum := sha256.Sum256(data)
	d.SHA256 = hex.EncodeToString(sum[:])
	d.SourceName = name
	if err := finish(d, opt); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return d, nil
}

var (
	magicZip = []byte("PK\x03\x04")
	magicOLE = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	magicPDF = []byte("%PDF-")
)

func importBySniff(name string, data []byte, opt ImportOptions) (*Draft, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%w (the file has 0 bytes of content)", ErrEmpty)
	}
	switch {
	case bytes.HasPrefix(data, magicZip) || bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return readDocx(data, opt)
	case bytes.HasPrefix(data, magicOLE):
		return nil, docxread.ClassifyOLE(data)
	case bytes.HasPrefix(bytes.TrimLeft(data[:min(len(data), 1024)], " \t\r\n\ufeff"), magicPDF):
		return nil, ErrPDF
	}
	return importByExt(strings.ToLower(filepath.Ext(name)), data)
}

// importByExt reads a file whose content named no binary format: refused
// by a binary extension, else read as UTF-8 plain text or Markdown.
func importByExt(ext string, data []byte) (*Draft, error) {
	switch ext {
	case ".docx", ".docm", ".dotx", ".dotm":
		return nil, ErrNotDocx
	case ".doc", ".rtf", ".odt", ".pdf":
		return nil, fmt.Errorf("%w (%s files are not supported)", ErrUnsupported, ext)
	}
	if !utf8.Valid(data) {
		return nil, ErrInvalidText
	}
	if bytes.IndexByte(data, 0) >= 0 { // UTF-16 ("Unicode" in Notepad) or a binary file
		return nil, fmt.Errorf("%w (it holds NUL bytes, so it is not plain UTF-8 text)", ErrInvalidText)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if ext == ".txt" || ext == ".text" {
		return readText(data)
	}
	if ext == ".md" || ext == ".markdown" || ext == "" || looksLikeMarkdown(data) {
		return readMarkdown(data)
	}
	return readText(data)
}

func looksLikeMarkdown(data []byte) bool {
	s := string(data[:min(len(data), 4096)])
	return strings.Contains(s, "\n# ") || strings.HasPrefix(s, "# ") || strings.Contains(s, "<!-- delegate-draft")
}
