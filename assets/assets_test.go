package assets

import (
	"bytes"
	"testing"
)

func TestEmbeddedFilesPresent(t *testing.T) {
	if !bytes.Contains(Profile(), []byte(`secretariat = "wtpf@itu.int"`)) {
		t.Fatal("embedded profile lacks the secretariat address")
	}
	if !bytes.HasPrefix(Icon(), []byte("\x89PNG")) {
		t.Fatal("icon is not a PNG")
	}
	ds := SampleDrafts()
	if len(ds) != 2 || ds[0].Label != "2nd draft" || ds[1].Label != "3rd draft" {
		t.Fatalf("samples: %+v", ds)
	}
	for _, d := range ds {
		if !bytes.HasPrefix(d.Data, []byte("PK\x03\x04")) {
			t.Errorf("%s is not a zip", d.Name)
		}
	}
}
