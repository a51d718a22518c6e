package store

import (
	"reflect"
	"testing"
)

func FuzzParseDraftMeta(f *testing.F) {
	b, _ := FormatDraftMeta(DraftMeta{ID: "sg-2", Label: "2nd draft", Source: "d.docx", SHA256: "ab", Size: 3, Imported: when, By: jane})
	f.Add(b)
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := ParseDraftMeta(b)
		if err != nil {
			return
		}
		b2, err := FormatDraftMeta(d)
		if err != nil {
			t.Fatal(err)
		}
		d2, err := ParseDraftMeta(b2)
		if err != nil || !reflect.DeepEqual(d.Imported.Unix(), d2.Imported.Unix()) || d.ID != d2.ID {
			t.Fatalf("unstable: %v %+v %+v", err, d, d2)
		}
	})
}
