package assets

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

func TestContributionTemplateHasAnchor(t *testing.T) {
	b := ContributionTemplate()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, _ := f.Open()
		doc, _ := io.ReadAll(rc)
		rc.Close()
		if !strings.Contains(string(doc), `w:name="`+ContributionAnchor+`"`) {
			t.Fatalf("the template has no %s bookmark", ContributionAnchor)
		}
		return
	}
	t.Fatal("the template has no word/document.xml")
}
