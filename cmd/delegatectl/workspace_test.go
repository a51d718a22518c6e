package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const miniDraft = `<!-- delegate-draft label="2nd draft" version="2" -->

# 1 Introduction

1. This sample report sets out the main policy questions raised by the theme of the forum.

2. The report does not seek to be exhaustive. It tries to identify the questions on which an exchange of views is useful.

# 2 Bridging digital divides

3. Progress in extending connectivity over the past decade has been substantial, but it has been uneven.
`

const miniOpinion = `amends = 1
title = "Bridging digital divides"
sub_theme = 1

[[preamble]]
keyword = "considering"
items = ["that a large part of the world's population remains offline", "that usage gaps persist"]

[[operative]]
heading = "invites"
addressee = "Member States"

[[operative.items]]
text = "to measure usage gaps"
`

// ctl runs delegatectl in-process, failing the test on a non-zero status.
func ctl(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb}
	if code := run(e, args); code != exitOK {
		t.Fatalf("delegatectl %s: exit %d\n%s%s", strings.Join(args, " "), code, out.String(), errb.String())
	}
	return out.String()
}

func TestWorkspaceCommands(t *testing.T) {
	tmp := t.TempDir()
	ws := filepath.Join(tmp, "ws")
	t.Setenv("DELEGATE_WORKSPACE", ws)
	draft := filepath.Join(tmp, "draft2.md")
	opinion := filepath.Join(tmp, "opinion.toml")
	_ = os.WriteFile(draft, []byte(miniDraft), 0o644)
	_ = os.WriteFile(opinion, []byte(miniOpinion), 0o644)

	ctl(t, "init", "--user-name", "Jane Doe", "--user-email", "jane@example.org", "--entity", "Republic of Xyz")
	if out := ctl(t, "draft", "import", draft, "--label", "2nd draft"); !strings.Contains(out, "as draft 2nd-draft") {
		t.Fatalf("import: %s", out)
	}
	ids := []string{
		addComment(t, "--para", "1", "--quote", "main policy questions", "--kind", "editorial", "--body", "Say *key* questions."),
		addComment(t, "--para", "§1 ¶2", "--kind", "substantive", "--body", "Which questions?"),
		addComment(t, "--para", "3", "--quote", "uneven", "--action", "MOD", "--proposed", "very uneven", "--reasons", "Data show it."),
	}
	out := ctl(t, "opinion", "add", opinion)
	if !strings.HasPrefix(out, "saved Opinion proposal ") {
		t.Fatalf("opinion add: %s", out)
	}
	oid := strings.Fields(out)[3]
	_ = os.WriteFile(opinion, []byte(strings.Replace(miniOpinion, "to measure usage gaps", "to measure and publish usage gaps", 1)), 0o644)
	ctl(t, "opinion", "edit", oid, opinion)
	if out := ctl(t, "show", oid); !strings.Contains(out, "1 to measure and publish usage gaps.") {
		t.Fatalf("opinion after edit: %s", out)
	}
	ctl(t, "edit", ids[0], "--body", "Say *the key* questions.")
	ctl(t, "edit", ids[0], "--body", "Say *the three key* questions.", "--status", "ready-for-review")
	var vs []struct {
		N       int    `json:"version"`
		Message string `json:"message"`
	}
	mustJSON(t, ctl(t, "history", ids[0], "--json"), &vs)
	if len(vs) != 3 || vs[2].Message != "Comment on §1 ¶1: edit body, status ready-for-review" {
		t.Fatalf("history: %+v", vs)
	}
	if d := ctl(t, "diff", ids[0], "1", "3"); !strings.Contains(d, "Say *{+the three +}key* questions.") {
		t.Fatalf("diff: %s", d)
	}
	ctl(t, "restore", ids[0], "1")
	if out := ctl(t, "show", ids[0]); !strings.Contains(out, "Say *key* questions.") || !strings.Contains(out, "Status: draft") {
		t.Fatalf("show after restore: %s", out)
	}
	var rows []listRow
	mustJSON(t, ctl(t, "list", "--json"), &rows)
	if len(rows) != 4 {
		t.Fatalf("list: %+v", rows)
	}
	if out := ctl(t, "show", ids[2]); !strings.Contains(out, "existing: uneven") || !strings.Contains(out, "proposed: very uneven") {
		t.Fatalf("show proposal: %s", out)
	}
	if _, err := exec.LookPath("git"); err == nil {
		cmd := exec.Command("git", "fsck", "--strict")
		cmd.Dir = ws
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git fsck: %v\n%s", err, out)
		}
	}
}

func addComment(t *testing.T, args ...string) string {
	t.Helper()
	out := ctl(t, append([]string{"comment", "add"}, args...)...)
	f := strings.Fields(out)
	if len(f) < 3 || f[0] != "added" {
		t.Fatalf("comment add: %s", out)
	}
	return f[2]
}

func mustJSON(t *testing.T, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("%v in %s", err, s)
	}
}

func TestWorkspaceCommandErrors(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("DELEGATE_WORKSPACE", filepath.Join(tmp, "ws"))
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no workspace", []string{"list"}, "not a Delegate workspace"},
		{"init without user", []string{"init", "--user-name", ""}, "needs --user-name"},
		{"comment without para", []string{"comment", "add", "--body", "x"}, "needs --para"},
		{"restore bad version", []string{"restore", "x", "one"}, "VERSION must be a number"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			if code := run(&env{stdout: &out, stderr: &out}, c.args); code != exitUsage || !strings.Contains(out.String(), c.want) {
				t.Fatalf("exit %d, output %q; want 2 and %q", code, out.String(), c.want)
			}
		})
	}
	ctl(t, "init", "--user-name", "J", "--user-email", "j@example.org")
	var out bytes.Buffer
	if code := run(&env{stdout: &out, stderr: &out}, []string{"comment", "add", "--para", "1", "--body", "x"}); code != exitUsage || !strings.Contains(out.String(), "no draft imported yet") {
		t.Fatalf("comment before import: %d %s", code, out.String())
	}
}

// TestNoHomeFolderRefused: with $HOME empty and no XDG variables, init and
// every command that opens the default workspace refuse with status 2 and
// say what to do, and nothing is created under "/".
func TestNoHomeFolderRefused(t *testing.T) {
	for _, v := range []string{"HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "DELEGATE_WORKSPACE"} {
		t.Setenv(v, "")
	}
	root := filepath.Join("/", ".local", "share", "delegate")
	_, statErr := os.Stat(root)
	for _, args := range [][]string{
		{"init", "--user-name", "Ana", "--user-email", "ana@xyz.example"},
		{"list"},
		{"remote", "list"},
	} {
		var out, errb bytes.Buffer
		code := run(&env{stdout: &out, stderr: &errb}, args)
		if code != exitUsage || !strings.Contains(errb.String(), "no home folder is set (HOME); give --workspace DIR") {
			t.Errorf("%v: exit %d, %q", args, code, errb.String())
		}
	}
	if _, err := os.Stat(root); statErr != nil && err == nil {
		t.Errorf("%s was created", root)
	}
	ws := filepath.Join(t.TempDir(), "ws")
	ctl(t, "init", "--user-name", "Ana", "--user-email", "ana@xyz.example", "--workspace", ws)
}
