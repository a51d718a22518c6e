package catalog

import (
	"strings"
	"testing"
)

// TestProblems: the checker catches each kind of catalog defect.
func TestProblems(t *testing.T) {
	keys := []Key{
		{ID: "Hello {{.Name}}", English: "Hello {{.Name}}"},
		{ID: "{{.N}} files", English: "{{.N}} files", Plural: true},
		{ID: "Missing", English: "Missing"},
	}
	c := Catalog{Lang: "ru", Messages: map[string]Message{
		"Hello {{.Name}}": {Text: "Привет, {{.User}}"},
		"{{.N}} files":    {Forms: map[string]string{"one": "{{.N}} файл", "other": "{{.N}} файла"}},
		"Stale":           {Text: "Старое"},
	}}
	got := strings.Join(Problems(c, keys), "\n")
	for _, want := range []string{`uses {User}, the English {Name}`, `lacks the plural form "few"`,
		`lacks the plural form "many"`, `missing "Missing"`, `stale key "Stale"`} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
	miss := Missing(c, keys)
	if len(miss) != 1 || miss["Missing"] != "Missing" {
		t.Errorf("Missing = %v", miss)
	}
}

// TestScanFindsKeys: literal keys of every lang function, the English
// fallback of X, plural use; a computed key is reported.
func TestScanFindsKeys(t *testing.T) {
	keys, dynamic, err := Scan("testdata")
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]Key{}
	for _, k := range keys {
		byID[k.ID] = k
	}
	if k, ok := byID["month.6"]; !ok || k.English != "June" {
		t.Errorf("X key: %+v", k)
	}
	if k := byID["{{.N}} days"]; !k.Plural {
		t.Errorf("N key not plural: %+v", k)
	}
	if _, ok := byID["Joined text"]; !ok {
		t.Errorf("joined literal missed: %v", keys)
	}
	if len(dynamic) != 1 {
		t.Errorf("dynamic = %v, want one", dynamic)
	}
	bare, _ := BareStrings("testdata")
	if len(bare) != 1 || !strings.Contains(bare[0], `"Bare"`) {
		t.Errorf("bare = %v", bare)
	}
}
