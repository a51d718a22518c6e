package catalog

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Message is a catalog entry: a plain string, or plural forms by CLDR
// category ("one", "few", "many", "other"...).
type Message struct {
	Text  string
	Forms map[string]string
}

// UnmarshalJSON reads either shape.
func (m *Message) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		return json.Unmarshal(b, &m.Text)
	}
	return json.Unmarshal(b, &m.Forms)
}

// Texts are every text of the message, plural forms in a stable order.
func (m Message) Texts() []string {
	if m.Forms == nil {
		return []string{m.Text}
	}
	var cats []string
	for c := range m.Forms {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	out := make([]string, len(cats))
	for i, c := range cats {
		out[i] = m.Forms[c]
	}
	return out
}

// Catalog is one language's messages, by key.
type Catalog struct {
	Lang     string // BCP 47 tag from the file name
	Path     string
	Messages map[string]Message
}

// LoadCatalogs reads dir/*.json except the toolkit supplements
// (fyne.*.json), sorted by language.
func LoadCatalogs(dir string) ([]Catalog, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	var out []Catalog
	for _, p := range paths {
		base := strings.TrimSuffix(filepath.Base(p), ".json")
		if strings.Contains(base, ".") {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		c := Catalog{Lang: base, Path: p}
		if err := json.Unmarshal(b, &c.Messages); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out = append(out, c)
	}
	return out, nil
}

var varRE = regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)

// Vars are the template variables of s ({{.Name}}), sorted, each once.
func Vars(s string) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range varRE.FindAllStringSubmatch(s, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	sort.Strings(out)
	return out
}

// reserved are the words go-i18n reads as message fields: a catalog key
// spelled like one (any case) breaks the whole file.
var reserved = map[string]bool{"id": true, "description": true, "hash": true, "leftdelim": true,
	"rightdelim": true, "zero": true, "one": true, "two": true, "few": true, "many": true,
	"other": true, "translation": true}

// Problems compares a catalog with the keys: missing keys, stale keys,
// template variables that differ from the English text, a plural key
// without an "other" form, keys go-i18n would misread.
func Problems(c Catalog, keys []Key) []string {
	var out []string
	want := map[string]Key{}
	for _, k := range keys {
		want[k.ID] = k
		m, ok := c.Messages[k.ID]
		if !ok {
			out = append(out, fmt.Sprintf("%s: missing %q (%s)", c.Lang, k.ID, k.Where))
			continue
		}
		if reserved[strings.ToLower(k.ID)] {
			out = append(out, fmt.Sprintf("%s: key %q is a go-i18n field name; reword it", c.Lang, k.ID))
		}
		for _, f := range PluralForms(c.Lang) {
			if m.Forms != nil && m.Forms[f] == "" {
				out = append(out, fmt.Sprintf("%s: %q lacks the plural form %q", c.Lang, k.ID, f))
			}
		}
		if k.Plural && m.Forms == nil && len(PluralForms(c.Lang)) > 1 {
			out = append(out, fmt.Sprintf("%s: %q is asked with a count: give plural forms %v", c.Lang, k.ID, PluralForms(c.Lang)))
		}
		ev := strings.Join(Vars(k.English), ",")
		for _, t := range m.Texts() {
			if strings.TrimSpace(t) == "" {
				out = append(out, fmt.Sprintf("%s: %q is empty", c.Lang, k.ID))
			}
			if v := strings.Join(Vars(t), ","); v != ev {
				out = append(out, fmt.Sprintf("%s: %q uses {%s}, the English {%s}: %q", c.Lang, k.ID, v, ev, t))
			}
		}
	}
	for id := range c.Messages {
		if _, ok := want[id]; !ok {
			out = append(out, fmt.Sprintf("%s: stale key %q (no longer in the sources)", c.Lang, id))
		}
	}
	sort.Strings(out)
	return out
}

// Missing are the keys c lacks, as a JSON object of stubs: the English text
// (or its plural forms) to be translated in place.
func Missing(c Catalog, keys []Key) map[string]any {
	out := map[string]any{}
	for _, k := range keys {
		if _, ok := c.Messages[k.ID]; ok {
			continue
		}
		if forms := PluralForms(c.Lang); k.Plural && len(forms) > 1 {
			stub := map[string]string{}
			for _, f := range forms {
				stub[f] = k.English
			}
			out[k.ID] = stub
		} else {
			out[k.ID] = k.English
		}
	}
	return out
}

// pluralForms are the CLDR plural categories go-i18n asks for, by language
// (integers and the decimals CLDR lists): a plural message must give them
// all or go-i18n falls back to English for that count.
var pluralForms = map[string][]string{
	"ar":      {"zero", "one", "two", "few", "many", "other"},
	"en":      {"one", "other"},
	"es":      {"one", "many", "other"},
	"fr":      {"one", "many", "other"},
	"ru":      {"one", "few", "many", "other"},
	"zh-Hans": {"other"},
}

// PluralForms are the plural categories a catalog of language tag needs;
// unknown languages need "one" and "other".
func PluralForms(tag string) []string {
	if f, ok := pluralForms[tag]; ok {
		return f
	}
	return []string{"one", "other"}
}
