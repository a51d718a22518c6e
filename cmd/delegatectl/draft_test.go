package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const reportTestdata = "../../model/report/testdata"

func TestDraftInspect(t *testing.T) {
	code, out, errs := runCLI(t, "draft", "inspect", filepath.Join(reportTestdata, "mini2.md"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"2nd draft", "SAMPLE-WTPF26-R-0002", "6 numbered paragraphs", "1 draft Opinions", "  2.1 Connectivity  ¶3–4 (2)", "Draft Opinion 1: Bridging digital divides (9 items)"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestDraftInspectJSON(t *testing.T) {
	code, out, errs := runCLI(t, "draft", "inspect", "--json", filepath.Join(reportTestdata, "mini2.md"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var o struct {
		Label        string `json:"label"`
		Paragraphs   int    `json:"paragraphs"`
		HadRevisions bool   `json:"had_revisions"`
		Sections     []struct {
			ID     string `json:"id"`
			Number string `json:"number"`
		} `json:"sections"`
		Opinions []struct {
			Number int `json:"number"`
			Items  int `json:"items"`
		} `json:"opinions"`
	}
	if err := json.Unmarshal([]byte(out), &o); err != nil {
		t.Fatal(err)
	}
	if o.Label != "2nd draft" || o.Paragraphs != 6 || len(o.Sections) != 6 || o.Sections[2].ID != "s2.1" || len(o.Opinions) != 1 || o.Opinions[0].Items != 9 {
		t.Errorf("outline JSON = %+v", o)
	}
}

func TestDraftCompare(t *testing.T) {
	code, out, errs := runCLI(t, "draft", "compare", filepath.Join(reportTestdata, "mini2.md"), filepath.Join(reportTestdata, "mini3.md"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"renumbered  §2.1 ¶3", "This report is the {+only +}basis", "moved       §2.1 ¶4", "summary: unchanged 26, renumbered 2, modified 3, moved 1, split 0, merged 0, inserted 2, deleted 0"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runCLI(t, "draft", "compare", "--json", filepath.Join(reportTestdata, "mini2.md"), filepath.Join(reportTestdata, "mini3.md"))
	var c struct {
		Summary map[string]int `json:"summary"`
		Changes []struct {
			Kind string   `json:"kind"`
			Old  []string `json:"old"`
			New  []string `json:"new"`
		} `json:"changes"`
	}
	if err := json.Unmarshal([]byte(out), &c); err != nil || code != 0 {
		t.Fatalf("exit %d, %v", code, err)
	}
	if c.Summary["moved"] != 1 || c.Summary["inserted"] != 2 || len(c.Changes) != 34 {
		t.Errorf("compare JSON: %v, %d changes", c.Summary, len(c.Changes))
	}
}

func TestDraftBadInput(t *testing.T) {
	dir := t.TempDir()
	pdf := filepath.Join(dir, "draft.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		args []string
		msg  string
	}{
		{"pdf", []string{"draft", "inspect", pdf}, "Word (.docx) version"},
		{"old doc", []string{"draft", "inspect", filepath.Join(reportTestdata, "legacy.doc")}, "save it as .docx"},
		{"missing file", []string{"draft", "inspect", filepath.Join(dir, "nope.docx")}, "no such file"},
		{"no args", []string{"draft"}, "usage"},
		{"compare one file", []string{"draft", "compare", pdf}, "usage"},
		{"unknown sub", []string{"draft", "frobnicate"}, "unknown draft command"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, errs := runCLI(t, c.args...)
			if code != exitUsage || !strings.Contains(errs, c.msg) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errs, c.msg)
			}
		})
	}
}
