package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs delegatectl in-process and returns its exit status and output.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(&env{stdout: &out, stderr: &errb}, args)
	return code, out.String(), errb.String()
}

func TestTimelineJSON(t *testing.T) {
	cases := []struct {
		at                string
		draft             int
		label             string
		open, newOpinions bool
		deadline          string
		daysLeft          int
	}{
		{"2025-06-01", 3, "3rd draft", true, true, "2025-06-16", 15},
		{"2026-05-01", 5, "final report", false, false, "", 0},
	}
	for _, c := range cases {
		t.Run(c.at, func(t *testing.T) {
			code, out, errs := runCLI(t, "timeline", "--at", c.at, "--json")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			var got struct {
				Process             string `json:"process"`
				CurrentDraft        int    `json:"current_draft"`
				CurrentDraftLabel   string `json:"current_draft_label"`
				CommentWindowOpen   bool   `json:"comment_window_open"`
				NewOpinionsAccepted bool   `json:"new_opinions_accepted"`
				FinalReportOut      bool   `json:"final_report_out"`
				NextDeadline        *struct {
					Planned  string `json:"planned"`
					DaysLeft int    `json:"days_left"`
				} `json:"next_deadline"`
			}
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if got.Process != "wtpf-26" || got.CurrentDraft != c.draft || got.CurrentDraftLabel != c.label ||
				got.CommentWindowOpen != c.open || got.NewOpinionsAccepted != c.newOpinions {
				t.Fatalf("got %+v", got)
			}
			if c.deadline == "" {
				if got.NextDeadline != nil || !got.FinalReportOut {
					t.Fatalf("want no deadline and the final report out, got %+v", got)
				}
				return
			}
			if got.NextDeadline == nil || got.NextDeadline.Planned != c.deadline || got.NextDeadline.DaysLeft != c.daysLeft {
				t.Fatalf("deadline %+v, want %s with %d days", got.NextDeadline, c.deadline, c.daysLeft)
			}
		})
	}
}

func TestTimelineText(t *testing.T) {
	code, out, _ := runCLI(t, "timeline", "--at", "2026-05-01")
	if code != 0 || !strings.Contains(out, "final report is out") || !strings.Contains(out, "no new draft Opinion is accepted") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
}

func TestTimelineBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(bad, []byte("name = \"x\"\n[[milestone]]\nplanned = \"soon\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := map[string][]string{
		"bad day":        {"timeline", "--at", "2025-02-30"},
		"not a date":     {"timeline", "--at", "tomorrow"},
		"month only":     {"timeline", "--at", "2025-02"},
		"bad profile":    {"timeline", "--profile", bad},
		"missing file":   {"timeline", "--profile", filepath.Join(dir, "none.toml")},
		"unknown flag":   {"timeline", "--colour"},
		"unknown cmd":    {"timelines"},
		"bad correction": {"timeline", "--corrections", bad},
	}
	for name, args := range cases {
		t.Run(name, func(t *testing.T) {
			code, out, errs := runCLI(t, args...)
			if code != exitUsage {
				t.Fatalf("exit %d, want %d", code, exitUsage)
			}
			if out != "" || errs == "" {
				t.Fatalf("stdout %q stderr %q: want only an error", out, errs)
			}
		})
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runCLI(t, "version", "--json")
	var v versionInfo
	if code != 0 || json.Unmarshal([]byte(out), &v) != nil || v.Name != "Delegate" || v.Version == "" {
		t.Fatalf("exit %d: %s", code, out)
	}
}

// A correction saved in a workspace moves the deadline the timeline reports,
// and is one commit in the workspace's history.
func TestCorrectSavesInWorkspace(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	if code, _, errs := runCLI(t, "init", "--workspace", ws, "--user-name", "Ana Ruiz", "--user-email", "ana@example.org",
		"--entity", "Sample", "--category", "Member State", "--country", "Sample"); code != 0 {
		t.Fatalf("init: %s", errs)
	}
	if code, _, errs := runCLI(t, "correct", "draft3-comments", "--actual", "2025-06-30", "--note", "extended", "--workspace", ws); code != 0 {
		t.Fatalf("correct: %s", errs)
	}
	code, out, errs := runCLI(t, "timeline", "--at", "2025-06-20", "--json", "--workspace", ws)
	if code != 0 {
		t.Fatal(errs)
	}
	var got struct {
		Open bool `json:"comment_window_open"`
		Next struct {
			Actual   string `json:"actual"`
			DaysLeft int    `json:"days_left"`
		} `json:"next_deadline"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || !got.Open || got.Next.Actual != "2025-06-30" || got.Next.DaysLeft != 10 {
		t.Fatalf("after the correction: %v %+v", err, got)
	}
	for name, args := range map[string][]string{
		"unknown milestone": {"correct", "nope", "--actual", "2025-06-30", "--workspace", ws},
		"month deadline":    {"correct", "draft3-comments", "--actual", "2025-07", "--workspace", ws},
		"bad date":          {"correct", "ieg2", "--actual", "2025-02-31", "--workspace", ws},
		"nothing to change": {"correct", "ieg2", "--workspace", ws},
	} {
		if code, _, _ := runCLI(t, args...); code != exitUsage {
			t.Errorf("%s: exit %d, want %d", name, code, exitUsage)
		}
	}
	if code, out, _ := runCLI(t, "timeline", "--at", "2025-06-20", "--json", "--workspace", ws); code != 0 || !strings.Contains(out, `"actual": "2025-06-30"`) {
		t.Fatalf("a refused correction changed the saved ones:\n%s", out)
	}
}
