//go:build unix

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// treeHash is the mode and SHA-256 of every file and link under dir, .git
// included, so "nothing changed" means byte for byte.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		sum := ""
		if info.Mode().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			s := sha256.Sum256(b)
			sum = hex.EncodeToString(s[:])
		}
		lines = append(lines, rel+" "+info.Mode().String()+" "+sum)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// TestInputsThatAreNotFilesAreRefused: every command that reads a file
// the user names is given /dev/zero, a named pipe with no writer, a
// folder, and a sparse file of 1 GB. Each refuses with status 2 in words
// ("… is not a regular file (a device, a pipe or a folder)", "… is larger
// than N MB"), within seconds and a few MB of allocation (before, the
// device and the big file were read until memory ran out and the pipe
// hung), and the workspace, .git included, is byte for byte unchanged.
func TestInputsThatAreNotFilesAreRefused(t *testing.T) {
	tmp := t.TempDir()
	ws := filepath.Join(tmp, "ws")
	t.Setenv("DELEGATE_WORKSPACE", ws)
	t.Setenv(envSigningKey, "")
	draft := filepath.Join(tmp, "draft2.md")
	if err := os.WriteFile(draft, []byte(miniDraft), 0o644); err != nil {
		t.Fatal(err)
	}
	ctl(t, "init", "--user-name", "Ana", "--user-email", "ana@xyz.example", "--entity", "Republic of Xyz", "--country", "Xyz")
	ctl(t, "draft", "import", draft)
	ctl(t, "comment", "add", "--para", "1", "--body", "A comment.")

	hostile := filepath.Join(tmp, "hostile")
	if err := os.Mkdir(hostile, 0o755); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(hostile, "pipe.toml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(hostile, "big.toml")
	if f, err := os.Create(big); err != nil {
		t.Fatal(err)
	} else if err := f.Truncate(1 << 30); err != nil {
		t.Fatal(err)
	} else {
		_ = f.Close()
	}
	inputs := map[string]string{"device": "/dev/zero", "pipe": fifo, "folder": hostile, "big": big}

	out := filepath.Join(tmp, "out")
	commands := []struct {
		name  string
		args  func(file string) []string
		large string // what the refusal of the big file says
		env   string // the file goes into this variable instead
	}{
		{"draft import", func(f string) []string { return []string{"draft", "import", f} }, "the limit is 30 MB", ""},
		{"draft inspect", func(f string) []string { return []string{"draft", "inspect", f} }, "the limit is 30 MB", ""},
		{"draft compare", func(f string) []string { return []string{"draft", "compare", draft, f} }, "the limit is 30 MB", ""},
		{"opinion add", func(f string) []string { return []string{"opinion", "add", f} }, "is larger than 1 MB", ""},
		{"comment add --body-file", func(f string) []string {
			return []string{"comment", "add", "--para", "2", "--body-file", f}
		}, "is larger than 1 MB", ""},
		{"key add", func(f string) []string { return []string{"key", "add", f} }, "is larger than 1 MB", ""},
		{"timeline --profile", func(f string) []string { return []string{"timeline", "--profile", f} }, "is larger than 1 MB", ""},
		{"timeline --corrections", func(f string) []string { return []string{"timeline", "--corrections", f} }, "is larger than 1 MB", ""},
		{"nominate --profile", func(f string) []string {
			return []string{"nominate", "--name", "Zhang Wei", "--organization", "Ministry", "--email", "zw@xyz.example",
				"--out", filepath.Join(out, "n.eml"), "--profile", f}
		}, "is larger than 1 MB", ""},
		{"export --profile", func(f string) []string {
			return []string{"export", "--out", out, "--include-unapproved", "--title", "T", "--profile", f}
		}, "is larger than 1 MB", ""},
		{"export --corrections", func(f string) []string {
			return []string{"export", "--out", out, "--include-unapproved", "--title", "T", "--corrections", f}
		}, "is larger than 1 MB", ""},
		{"export --cover", func(f string) []string { return []string{"export", "--out", out, "--include-unapproved", "--cover", f} }, "is larger than 1 MB", ""},
		{"export --template", func(f string) []string {
			return []string{"export", "--out", out, "--include-unapproved", "--title", "T", "--template", f}
		}, "is larger than 30 MB", ""},
		{"conflicts resolve --file", func(f string) []string { return []string{"conflicts", "resolve", "c-x", "--file", f} }, "is larger than 1 MB", ""},
		{"$DELEGATE_SIGNING_KEY", func(string) []string { return []string{"list"} }, "is larger than 1 MB", envSigningKey},
		{"package verify", func(f string) []string { return []string{"package", "verify", f} }, "a submission package is at most 64 MB", ""},
		{"package import", func(f string) []string { return []string{"package", "import", f} }, "a submission package is at most 64 MB", ""},
	}
	before := treeHash(t, ws)
	for _, c := range commands {
		for what, file := range inputs {
			t.Run(c.name+"/"+what, func(t *testing.T) {
				args := c.args(file)
				if c.env != "" {
					t.Setenv(c.env, file)
				}
				var stdout, stderr bytes.Buffer
				var m0, m1 runtime.MemStats
				runtime.ReadMemStats(&m0)
				done := make(chan int, 1)
				go func() { done <- run(&env{stdout: &stdout, stderr: &stderr}, args) }()
				var code int
				select {
				case code = <-done:
				case <-time.After(20 * time.Second):
					t.Fatalf("delegatectl %s did not return", strings.Join(args, " "))
				}
				runtime.ReadMemStats(&m1)
				want := "is not a regular file (a device, a pipe or a folder)"
				if strings.HasPrefix(c.name, "package") {
					want = "is not a file" // export.VerifyFile's own check, before it reads
				}
				if what == "big" {
					want = c.large
				}
				if code != exitUsage || !strings.Contains(stderr.String(), want) {
					t.Errorf("exit %d, %q; want status 2 and %q", code, stderr.String(), want)
				}
				if grew := m1.TotalAlloc - m0.TotalAlloc; grew > 64<<20 {
					t.Errorf("allocated %d MB to refuse it", grew>>20)
				}
			})
		}
	}
	if after := treeHash(t, ws); after != before {
		t.Errorf("the workspace changed:\n%s\n---\n%s", before, after)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the output folder was made (%v)", err)
	}
}

// TestBodyFromEndlessStandardInput: --body-file - reads standard input
// up to the item limit, so `< /dev/zero` is refused instead of read until
// memory runs out; the workspace is unchanged.
func TestBodyFromEndlessStandardInput(t *testing.T) {
	tmp := t.TempDir()
	ws := filepath.Join(tmp, "ws")
	t.Setenv("DELEGATE_WORKSPACE", ws)
	draft := filepath.Join(tmp, "draft2.md")
	_ = os.WriteFile(draft, []byte(miniDraft), 0o644)
	ctl(t, "init", "--user-name", "Ana", "--user-email", "ana@xyz.example")
	ctl(t, "draft", "import", draft)
	zero, err := os.Open("/dev/zero")
	if err != nil {
		t.Fatal(err)
	}
	defer zero.Close()
	saved := os.Stdin
	os.Stdin = zero
	defer func() { os.Stdin = saved }()
	before := treeHash(t, ws)
	var stdout, stderr bytes.Buffer
	code := run(&env{stdout: &stdout, stderr: &stderr}, []string{"comment", "add", "--para", "1", "--body-file", "-"})
	if code != exitUsage || !strings.Contains(stderr.String(), "standard input is larger than 1 MB") {
		t.Errorf("exit %d, %q", code, stderr.String())
	}
	if treeHash(t, ws) != before {
		t.Error("the workspace changed")
	}
}
