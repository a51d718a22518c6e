package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

const samplesDir = "../../assets/samples"

// TestSamplesUpToDate regenerates every sample from draft2.md and requires
// byte-identical files, so the committed samples never drift from their
// source. Run `go run ./scripts/mksamples` after changing either.
func TestSamplesUpToDate(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(samplesDir, "draft2.md"))
	if err != nil {
		t.Fatal(err)
	}
	files, err := generate(string(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range outputNames {
		t.Run(name, func(t *testing.T) {
			committed, err := os.ReadFile(filepath.Join(samplesDir, name))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(committed, files[name]) {
				t.Fatalf("%s differs from what draft2.md and the edit list generate; run go run ./scripts/mksamples", name)
			}
		})
	}
}

// TestGroundTruthMatchesDrafts checks the JSON against the two Markdown
// drafts themselves: renumbered paragraphs keep their text, reworded ones
// change it, deleted ones vanish, and the counts match the brief.
func TestGroundTruthMatchesDrafts(t *testing.T) {
	d2, d3 := readDraft(t, "draft2.md"), readDraft(t, "draft3.md")
	var tr struct {
		Changes []struct {
			Kind string
			Old  any
			New  any
		}
		Renumbered map[string]string
	}
	raw, err := os.ReadFile(filepath.Join(samplesDir, "changes-2-to-3.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &tr); err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, c := range tr.Changes {
		counts[c.Kind]++
		if c.Kind == editReworded && d2[c.Old.(string)] == d3[c.New.(string)] {
			t.Errorf("reworded %v -> %v has the same text", c.Old, c.New)
		}
		if c.Kind == editMoved && d2[c.Old.(string)] != d3[c.New.(string)] {
			t.Errorf("moved %v -> %v changed text", c.Old, c.New)
		}
	}
	want := map[string]int{editReworded: 8, editInserted: 4, editDeleted: 3, editMoved: 2, editSplit: 1,
		editMerged: 1, editSection: 1, editOpinion: 1, editFront: 1}
	for k, n := range want {
		if counts[k] != n {
			t.Errorf("%d %s changes, want %d", counts[k], k, n)
		}
	}
	for o, n := range tr.Renumbered {
		if d2[o] != d3[n] {
			t.Errorf("renumbered %s -> %s but the text differs", o, n)
		}
	}
	if len(tr.Renumbered)+counts[editReworded]+counts[editDeleted]+counts[editMoved]+counts[editSplit]+2*counts[editMerged] != len(d2) {
		t.Errorf("every 2nd-draft paragraph must be accounted for once: %d renumbered of %d", len(tr.Renumbered), len(d2))
	}
}

// readDraft parses a sample and returns paragraph text by number.
func readDraft(t *testing.T, name string) map[string]string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(samplesDir, name))
	if err != nil {
		t.Fatal(err)
	}
	d, err := parse(string(src))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, b := range d.Blocks {
		if b.Kind == kindPara {
			m[b.Num] = b.Text
		}
	}
	return m
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"# 1 A\n\n1. x\n\n- a\n- b\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
		"# Annex\n\n## DRAFT OPINION 1\n\n**T**\n\nThe forum,\n\n*considering*\n\na) that x,\n\n*invites Member States*\n\n1 to y:\n\ni) z;\n\nii) w.\n",
		"<!-- m -->\n\nfront\n\n## 2.3 B\n\n[^a]: note\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parse(s)
		if err != nil {
			return
		}
		d.renumber()
		again, err := parse(d.markdown())
		if err != nil {
			t.Fatalf("rendered draft does not parse: %v", err)
		}
		_ = again
	})
}
