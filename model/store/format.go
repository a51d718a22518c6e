package store

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/delegate-itu/delegate/model/item"
)

// ErrFormat is wrapped by every error about a workspace file that cannot be
// read, so callers can tell a damaged file from a missing one.
var ErrFormat = errors.New("unreadable workspace file")

// fence opens and closes the TOML front matter of an item file.
const fence = "+++\n"

// FormatComment writes a comment file: TOML front matter between "+++"
// lines, then the Markdown body exactly as typed. Docs: docs/file-format.md.
func FormatComment(c item.Comment) ([]byte, error) { return formatFront(c, c.Body) }

// ParseComment reads a comment file written by FormatComment. Text is put in
// NFC; fields the format does not know are an error rather than silently
// lost on the next save.
func ParseComment(b []byte) (item.Comment, error) {
	var c item.Comment
	body, err := parseFront(b, &c)
	if err != nil {
		return item.Comment{}, err
	}
	c.Body = body
	c.Normalize()
	return c, nil
}

// FormatOpinion writes an Opinion proposal file (front matter + Markdown notes).
func FormatOpinion(o item.Opinion) ([]byte, error) { return formatFront(o, o.Body) }

// ParseOpinion reads an Opinion proposal file written by FormatOpinion.
func ParseOpinion(b []byte) (item.Opinion, error) {
	var o item.Opinion
	body, err := parseFront(b, &o)
	if err != nil {
		return item.Opinion{}, err
	}
	o.Body = body
	o.Normalize()
	return o, nil
}

// FormatProfile writes profile.toml.
func FormatProfile(p item.Profile) ([]byte, error) { return encodeTOML(p) }

// ParseProfile reads profile.toml.
func ParseProfile(b []byte) (item.Profile, error) {
	var p item.Profile
	if err := decodeTOML(b, &p); err != nil {
		return item.Profile{}, err
	}
	p.Normalize()
	return p, nil
}

// DraftMeta describes an imported report draft: where its bytes came from
// and how to recognise them again.
type DraftMeta struct {
	ID         string      `toml:"id" json:"id"`
	Label      string      `toml:"label" json:"label"`   // e.g. "2nd draft"
	Source     string      `toml:"source" json:"source"` // file name as imported
	SHA256     string      `toml:"sha256" json:"sha256"` // of the source bytes
	Size       int64       `toml:"size" json:"size"`     // bytes
	Paragraphs int         `toml:"paragraphs,omitempty" json:"paragraphs,omitempty"`
	Imported   time.Time   `toml:"imported" json:"imported"`
	By         item.Person `toml:"by" json:"by"`
}

// FormatDraftMeta writes drafts/<id>/draft.toml.
func FormatDraftMeta(d DraftMeta) ([]byte, error) { return encodeTOML(d) }

// ParseDraftMeta reads drafts/<id>/draft.toml.
func ParseDraftMeta(b []byte) (DraftMeta, error) {
	var d DraftMeta
	if err := decodeTOML(b, &d); err != nil {
		return DraftMeta{}, err
	}
	if !d.Imported.IsZero() {
		d.Imported = d.Imported.UTC().Truncate(time.Second)
	}
	return d, nil
}

func formatFront(v any, body string) ([]byte, error) {
	head, err := encodeTOML(v)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Grow(len(head) + len(body) + 8)
	b.WriteString(fence)
	b.Write(head)
	b.WriteString(fence)
	b.WriteString(body)
	return b.Bytes(), nil
}

func parseFront(b []byte, v any) (string, error) {
	if !bytes.HasPrefix(b, []byte(fence)) {
		return "", fmt.Errorf("%w: the file must start with a line \"+++\" (TOML front matter)", ErrFormat)
	}
	rest := b[len(fence):]
	end := bytes.Index(rest, []byte("\n"+fence))
	if end < 0 {
		return "", fmt.Errorf("%w: the front matter has no closing \"+++\" line", ErrFormat)
	}
	if err := decodeTOML(rest[:end+1], v); err != nil {
		return "", err
	}
	return string(rest[end+1+len(fence):]), nil
}

func encodeTOML(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := toml.NewEncoder(&b)
	enc.Indent = ""
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	return b.Bytes(), nil
}

func decodeTOML(b []byte, v any) error {
	md, err := toml.NewDecoder(bytes.NewReader(b)).Decode(v)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrFormat, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		sort.Strings(keys)
		return fmt.Errorf("%w: unknown field %s (written by a newer Delegate?)", ErrFormat, strings.Join(keys, ", "))
	}
	return nil
}
