package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSafeText(t *testing.T) {
	for _, c := range []struct{ in, lines, one string }{
		{"plain text, Amélie Dœ, 张伟, عبد الله", "plain text, Amélie Dœ, 张伟, عبد الله", "plain text, Amélie Dœ, 张伟, عبد الله"},
		{"a\nb\tc", "a\nb\tc", `a\x0ab\x09c`},
		{"\x1b]0;pwned\x07\x1b[2J", `\x1b]0;pwned\x07\x1b[2J`, `\x1b]0;pwned\x07\x1b[2J`},
		{"over\rwrite\x7f", `over\x0dwrite\x7f`, `over\x0dwrite\x7f`},
		{"windows\r\nlines\r", "windows\r\nlines\\x0d", `windows\x0d\x0alines\x0d`},
		{"csi \u009b2J nel \u0085", `csi \u009b2J nel \u0085`, `csi \u009b2J nel \u0085`},
		{"raw \x9b byte", `raw \x9b byte`, `raw \x9b byte`},
		{"evil\u202eexe.txt \u2066x\u2069 \u202a\u202b\u202c\u202d", `evil\u202eexe.txt \u2066x\u2069 \u202a\u202b\u202c\u202d`, `evil\u202eexe.txt \u2066x\u2069 \u202a\u202b\u202c\u202d`},
		{"sep\u2028line", `sep\u2028line`, `sep\u2028line`},
	} {
		if got := safeText(c.in, true); got != c.lines {
			t.Errorf("safeText(%q, true) = %q, want %q", c.in, got, c.lines)
		}
		if got := line(c.in); got != c.one {
			t.Errorf("line(%q) = %q, want %q", c.in, got, c.one)
		}
	}
}

// TestPrintedTextIsEscaped: a comment whose body holds ESC sequences, a
// one-byte CSI and a bidi override is shown by list, show and history
// with those characters escaped, as is a remote name in an error message
// with those characters escaped (no byte a terminal obeys reaches it),
// while --json gives the text exactly.
func TestPrintedTextIsEscaped(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("DELEGATE_WORKSPACE", filepath.Join(tmp, "ws"))
	draft := filepath.Join(tmp, "draft2.md")
	_ = os.WriteFile(draft, []byte(miniDraft), 0o644)
	ctl(t, "init", "--user-name", "Ana", "--user-email", "ana@xyz.example")
	ctl(t, "draft", "import", draft)
	body := "evil \x1b]0;pwned\x07\x1b[2J \u009b6n \u202erev"
	ctl(t, "comment", "add", "--para", "1", "--body", body)
	var rows []listRow
	if err := json.Unmarshal([]byte(ctl(t, "list", "--json")), &rows); err != nil || len(rows) != 1 {
		t.Fatalf("list --json: %v %v", rows, err)
	}
	id := rows[0].ID
	if !strings.Contains(rows[0].Summary, body) {
		t.Errorf("--json is not exact: %q", rows[0].Summary)
	}
	ctl(t, "remote", "add", "usb", filepath.Join(tmp, "usb.git"))
	outs := map[string]string{
		"list":        ctl(t, "list"),
		"show":        ctl(t, "show", id),
		"history":     ctl(t, "history", id),
		"remote list": ctl(t, "remote", "list"),
	}
	var stdout, stderr bytes.Buffer
	run(&env{stdout: &stdout, stderr: &stderr}, []string{"sync", "nope\x1b[2J"})
	outs["an error naming a remote"] = stderr.String()
	for what, out := range outs {
		if strings.ContainsAny(out, "\x1b\x07\u009b\u202e") || strings.Contains(out, "\x9b") {
			t.Errorf("%s printed a terminal control: %q", what, out)
		}
	}
	if want := `evil \x1b]0;pwned\x07\x1b[2J \u009b6n \u202erev`; !strings.Contains(outs["show"], want) {
		t.Errorf("show does not show the escaped body %q:\n%s", want, outs["show"])
	}
	if !strings.Contains(outs["an error naming a remote"], `nope\x1b[2J`) {
		t.Errorf("remote name not shown escaped: %q", outs["an error naming a remote"])
	}
}
