package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var updateGolden = flag.Bool("update-golden", false, "TestDocxGolden rewrites testdata/golden from the current reader")

// goldenDocx names every .docx the tests read, with how to get its bytes.
func goldenDocx(t *testing.T) map[string][]byte {
	t.Helper()
	return map[string][]byte{
		"draft2.docx":    mustRead(t, filepath.Join(samples, "draft2.docx")),
		"draft3.docx":    mustRead(t, filepath.Join(samples, "draft3.docx")),
		"lo-draft2.docx": mustRead(t, "testdata/lo-draft2.docx"),
		"lo-draft3.docx": mustRead(t, "testdata/lo-draft3.docx"),
		"rich.docx":      rawDocx(t, richBody(), germanStyles, testNumbering, testFootnotes),
		"bench.docx":     benchDocx(t),
	}
}

// TestDocxGolden proves the reading of every sample .docx is byte-identical
// to the one recorded in testdata/golden (generated before the reader moved
// to model/docxread): the full Draft JSON for the samples, its SHA-256 for
// the 300-page benchmark draft.
func TestDocxGolden(t *testing.T) {
	for name, data := range goldenDocx(t) {
		t.Run(name, func(t *testing.T) {
			d, err := Import(name, data, ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(d, "", " ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", "golden", name+".json")
			if name == "bench.docx" {
				sum := sha256.Sum256(got)
				got = []byte(hex.EncodeToString(sum[:]) + "\n")
				path = filepath.Join("testdata", "golden", name+".json.sha256")
			}
			if *updateGolden {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want := mustRead(t, path)
			if !bytes.Equal(got, want) {
				t.Errorf("%s: the Draft read differs from %s (%d bytes, want %d)", name, path, len(got), len(want))
			}
		})
	}
}
