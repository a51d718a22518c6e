package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/store"
)

// exportWorkspace makes a workspace with two approved comments and one
// approved Opinion amendment on the sample 2nd draft.
func exportWorkspace(t *testing.T) string {
	t.Helper()
	tmp := t.TempDir()
	t.Setenv("DELEGATE_WORKSPACE", filepath.Join(tmp, "ws"))
	ctl(t, "init", "--user-name", "Amélie Dœ", "--user-email", "amelie@xyz.example", "--entity", "République de Xyz")
	ctl(t, "draft", "import", "../../assets/samples/draft2.docx")
	ids := []string{
		addComment(t, "--para", "12", "--quote", "older persons", "--kind", "substantive", "--action", "MOD",
			"--existing", "older persons", "--proposed", "older persons, women in rural areas", "--body", "Name rural women."),
		addComment(t, "--para", "20", "--kind", "general", "--body", "The gender gap deserves its own section."),
	}
	op := filepath.Join(tmp, "op.toml")
	_ = os.WriteFile(op, []byte(miniOpinion), 0o644)
	ids = append(ids, strings.Fields(ctl(t, "opinion", "add", op))[3])
	for _, id := range ids {
		ctl(t, "edit", id, "--status", "ready-for-review")
		ctl(t, "edit", id, "--status", "approved")
	}
	return tmp
}

var coverFlags = []string{"--title", "Comments on the 2nd draft", "--summary", "Two comments and one amendment.",
	"--action-required", "The IEG is invited to consider this contribution.", "--now", "2024-12-10"}

func zipIn(t *testing.T, dir string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, "*.zip"))
	if len(m) != 1 {
		t.Fatalf("zips in %s: %v", dir, m)
	}
	return m[0]
}

func TestExportVerifyImport(t *testing.T) {
	tmp := exportWorkspace(t)
	a, b := filepath.Join(tmp, "a"), filepath.Join(tmp, "b")
	ctl(t, append([]string{"export", "--out", a, "--dry-run"}, coverFlags...)...)
	ctl(t, append([]string{"export", "--out", b, "--dry-run"}, coverFlags...)...)
	za, _ := os.ReadFile(zipIn(t, a))
	zb, _ := os.ReadFile(zipIn(t, b))
	if !bytes.Equal(za, zb) {
		t.Fatal("two exports of one commit differ")
	}
	out := filepath.Join(tmp, "out")
	if got := ctl(t, append([]string{"export", "--out", out, "--clean-copy"}, coverFlags...)...); !strings.Contains(got, "3 items") || !strings.Contains(got, "items marked submitted") {
		t.Fatalf("export: %s", got)
	}
	for _, f := range []string{"contribution.docx", "contribution-clean.docx", "message.eml", "manifest.json", "items.json"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Error(err)
		}
	}
	if got := ctl(t, "list"); strings.Count(got, "submitted") != 3 {
		t.Errorf("after export:\n%s", got)
	}
	zip := zipIn(t, out)
	if got := ctl(t, "package", "verify", zip); !strings.Contains(got, "verified") {
		t.Errorf("verify: %s", got)
	}
	data, _ := os.ReadFile(zip)
	data[len(data)/2] ^= 1
	bad := filepath.Join(tmp, "bad.zip")
	_ = os.WriteFile(bad, data, 0o644)
	var buf bytes.Buffer
	if code := run(&env{stdout: &buf, stderr: &buf}, []string{"package", "verify", bad}); code == exitOK || !strings.Contains(buf.String(), "changed after it was made") {
		t.Errorf("tampered package: exit %d %s", code, buf.String())
	}
	t.Setenv("DELEGATE_WORKSPACE", filepath.Join(tmp, "coord"))
	ctl(t, "init", "--user-name", "Kofi Mensah", "--user-email", "kofi@xyz.example", "--entity", "République de Xyz")
	if got := ctl(t, "package", "import", zip); !strings.Contains(got, "imported 2 comments and 1 Opinion proposals") {
		t.Errorf("import: %s", got)
	}
	if got := ctl(t, "list"); strings.Count(got, "ready-for-review") != 3 || !strings.Contains(got, "Amélie") {
		t.Errorf("coordinator's list:\n%s", got)
	}
	testReimport(t, zip)
}

// testReimport: importing the same package again changes nothing and says
// so; after the coordinator edits one of its items, the package would
// undo the edit, so it is refused (status 2) until the coordinator
// chooses to import it beside.
func testReimport(t *testing.T, zip string) {
	if got := ctl(t, "package", "verify", zip); !strings.Contains(got, "not signed: this proves the package is intact, not who made it") {
		t.Errorf("verify does not say it proves no authorship: %s", got)
	}
	var rep store.ImportReport
	if err := json.Unmarshal([]byte(ctl(t, "package", "import", zip, "--json")), &rep); err != nil || len(rep.Same) != 3 || rep.Commit != "" {
		t.Fatalf("re-import: %+v %v", rep, err)
	}
	if got := ctl(t, "package", "import", zip); !strings.Contains(got, "nothing to import, its 3 items are already in this workspace as sent; nothing was changed") {
		t.Errorf("re-import: %s", got)
	}
	var comment string
	for _, id := range rep.Same {
		if !strings.Contains(ctl(t, "show", id), "Opinion") {
			comment = id
		}
	}
	ctl(t, "edit", comment, "--body", "The coordinator's wording.")
	var buf bytes.Buffer
	code := run(&env{stdout: &buf, stderr: &buf}, []string{"package", "import", zip})
	for _, want := range []string{"was not imported, nothing was changed", "comment " + comment, "would undo the later edits", "--on-collision beside"} {
		if code != exitUsage || !strings.Contains(buf.String(), want) {
			t.Errorf("exit %d, %q does not say %q", code, buf.String(), want)
		}
	}
	buf.Reset()
	if code := run(&env{stdout: &buf, stderr: &buf}, []string{"package", "import", zip, "--on-collision", "over"}); code != exitUsage || !strings.Contains(buf.String(), "give refuse") {
		t.Errorf("bad --on-collision: exit %d %s", code, buf.String())
	}
	got := ctl(t, "package", "import", zip, "--on-collision", "beside")
	if !strings.Contains(got, "imported 1 comments and 0 Opinion proposals") || !strings.Contains(got, comment+" imported as ") || !strings.Contains(got, "2 already in this workspace as sent") {
		t.Errorf("beside: %s", got)
	}
	if show := ctl(t, "show", comment); !strings.Contains(show, "The coordinator's wording.") {
		t.Errorf("the coordinator's edit is gone:\n%s", show)
	}
}

func TestExportRefusesAndNominates(t *testing.T) {
	tmp := exportWorkspace(t)
	var buf bytes.Buffer
	code := run(&env{stdout: &buf, stderr: &buf}, []string{"export", "--out", filepath.Join(tmp, "x"), "--title", "T"})
	if code != exitUsage || !strings.Contains(buf.String(), "the Summary is missing") || !strings.Contains(buf.String(), "Action required") {
		t.Errorf("exit %d: %s", code, buf.String())
	}
	eml := filepath.Join(tmp, "nomination.eml")
	ctl(t, "nominate", "--name", "Zhang Wei", "--organization", "Ministry of ICT", "--email", "zhang@xyz.example",
		"--country", "Xyz", "--category", "Member State", "--out", eml)
	b, err := os.ReadFile(eml)
	if err != nil || !bytes.Contains(b, []byte("To: <wtpf@itu.int>")) || !bytes.Contains(b, []byte("X-Unsent: 1")) {
		t.Errorf("nomination: %v\n%s", err, b)
	}
}

// TestExportFinishesAStuckExport: a workspace an older version left with
// the package tagged but its items still approved (killed between the
// two steps) is finished by exporting again, which says so; before, the
// export was refused as already made.
func TestExportFinishesAStuckExport(t *testing.T) {
	tmp := exportWorkspace(t)
	got := ctl(t, append([]string{"export", "--out", filepath.Join(tmp, "dry"), "--dry-run"}, coverFlags...)...)
	id := strings.TrimSuffix(strings.Fields(got)[1], ":")
	w, err := store.Open(os.Getenv("DELEGATE_WORKSPACE"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.TagPackage(id, "Submission package "+id); err != nil {
		t.Fatal(err)
	}
	_ = w.Close()
	got = ctl(t, append([]string{"export", "--out", filepath.Join(tmp, "out")}, coverFlags...)...)
	if !strings.Contains(got, "package "+id+":") || !strings.Contains(got, "had been interrupted before it was fully recorded; finished it") {
		t.Fatalf("export of a stuck package said:\n%s", got)
	}
	if got := ctl(t, "list"); strings.Count(got, "submitted") != 3 {
		t.Fatalf("after finishing the stuck export:\n%s", got)
	}
}
