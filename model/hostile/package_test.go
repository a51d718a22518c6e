package hostile

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/store/storetest"
	"github.com/delegate-itu/delegate/model/usecase"
)

// importPackage does what `delegatectl package import` does by default
// (--on-collision refuse) and the app does until the user chooses: verify
// the file against its manifest, read its items, save them for review.
func importPackage(e *env, path string) error {
	_, err := importPackageAs(e, path, store.RefuseCollisions)
	return err
}

func importPackageAs(e *env, path string, on store.OnCollision) (store.ImportReport, error) {
	p, err := export.VerifyFile(path)
	if err != nil {
		return store.ImportReport{}, err
	}
	in, err := usecase.Receive(p)
	if err != nil {
		return store.ImportReport{}, err
	}
	return e.ws.Import(in, on)
}

// sender is who sends the catalogue's packages: the expert who wrote the item.
var sender = item.Person{Name: "Jane Doe", Email: "jane@example.org"}

// canonical builds a package the way Delegate packs one (manifest first,
// stored, fixed time, every file hashed, the items of items.json listed),
// so it passes the manifest and re-zip checks and reaches the checks on
// what it carries. An attacker can do the same: the format is documented.
func canonical(t testing.TB, files map[string][]byte) []byte {
	return canonicalWith(t, files, nil)
}

// canonicalWith is canonical with the manifest changed by edit before it
// is hashed into the package.
func canonicalWith(t testing.TB, files map[string][]byte, edit func(m map[string]any)) []byte {
	t.Helper()
	m := map[string]any{"format": export.FormatVersion, "package_id": "xyz-hostile", "sender": sender}
	var it export.Items
	if json.Unmarshal(files[export.ItemsFile], &it) == nil {
		var listed []export.ManifestItem
		for _, c := range it.Comments {
			listed = append(listed, export.ManifestItem{ID: c.ID, Type: "comment", Author: c.Author, Status: c.Review.Status})
		}
		for _, o := range it.Opinions {
			listed = append(listed, export.ManifestItem{ID: o.ID, Type: "opinion", Author: o.Author, Status: o.Review.Status})
		}
		m["items"] = listed
	}
	if edit != nil {
		edit(m)
	}
	var list []map[string]any
	var names []string
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		sum := sha256.Sum256(files[n])
		list = append(list, map[string]any{"name": n, "sha256": hex.EncodeToString(sum[:]), "size": len(files[n])})
	}
	m["files"] = list
	raw, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range append([]string{export.ManifestFile}, names...) {
		data := files[n]
		if n == export.ManifestFile {
			data = raw
		}
		h := &zip.FileHeader{Name: n, Method: zip.Store, Modified: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
		h.SetMode(0o644)
		w, err := zw.CreateHeader(h)
		if err == nil {
			_, err = w.Write(data)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// itemsWith is items.json holding one comment changed by edit.
func itemsWith(t testing.TB, edit func(c *item.Comment)) []byte {
	c := storetest.Comment("7", "a comment from a package")
	c.ID = "jd-241201-k3f9x"
	c.Author = sender
	c.Created = time.Date(2024, 12, 1, 10, 0, 0, 0, time.UTC)
	c.Updated = c.Created
	c.Review = item.Review{Status: item.StatusReady}
	edit(&c)
	b, err := json.Marshal(export.Items{Comments: []item.Comment{c}})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func packageCase(name string, data func(t testing.TB) []byte, is error, want ...string) hostileCase {
	return hostileCase{name: name, is: is, want: want, prepare: func(t *testing.T, e *env) func() error {
		p := writeFile(t, e, "package.zip", data(t))
		return func() error { return importPackage(e, p) }
	}}
}

// packageCases: submission packages received from other experts.
func packageCases() []hostileCase {
	one := func(name string, data []byte) func(testing.TB) []byte {
		return func(t testing.TB) []byte { return zipOf(t, entry{name: name, data: data}) }
	}
	canon := func(files map[string][]byte) func(testing.TB) []byte {
		return func(t testing.TB) []byte { return canonical(t, files) }
	}
	items := func(edit func(c *item.Comment)) func(testing.TB) []byte {
		return func(t testing.TB) []byte {
			return canonical(t, map[string][]byte{export.ItemsFile: itemsWith(t, edit)})
		}
	}
	windows := "not a valid file name on Windows"
	return []hostileCase{
		packageCase("zip-slip entry", one("../../.bashrc", []byte("evil")), export.ErrUnsafe, "path outside the package"),
		packageCase("absolute entry", one("/etc/cron.d/evil", []byte("evil")), export.ErrUnsafe, "path outside the package"),
		packageCase("backslash entry", one(`..\..\evil.bat`, []byte("evil")), export.ErrUnsafe, "path outside the package"),
		packageCase("symlink entry", func(t testing.TB) []byte {
			return zipOf(t, entry{name: "contribution.docx", data: []byte("/etc/passwd"), mode: fs.ModeSymlink | 0o777})
		}, export.ErrUnsafe, "is a link"),
		packageCase("entry named CON", canon(map[string][]byte{"CON": []byte("x")}), export.ErrUnsafe, windows),
		packageCase("entry named nul.txt", canon(map[string][]byte{"nul.txt": []byte("x")}), export.ErrUnsafe, windows),
		packageCase("entry named COM1.docx", canon(map[string][]byte{"COM1.docx": []byte("x")}), export.ErrUnsafe, windows),
		packageCase("entry with a colon", canon(map[string][]byte{"notes.txt:hidden": []byte("x")}), export.ErrUnsafe, windows),
		packageCase("entry with a trailing dot", canon(map[string][]byte{"notes.": []byte("x")}), export.ErrUnsafe, windows),
		packageCase("zip bomb", func(t testing.TB) []byte { return zipOf(t, gigaBomb(t, "bomb.txt", 60)) }, export.ErrUnsafe, "zip bomb"),
		packageCase("zip bomb by the zip library", one("bomb.txt", make([]byte, 4<<20)), export.ErrUnsafe, "zip bomb"),
		packageCase("too many entries", func(t testing.TB) []byte {
			es := make([]entry, 65)
			for i := range es {
				es[i] = entry{name: fmt.Sprintf("f%d.txt", i)}
			}
			return zipOf(t, es...)
		}, export.ErrUnsafe, "entries (at most 64)"),
		packageCase("duplicate entries", func(t testing.TB) []byte {
			return zipOf(t, entry{name: "items.json", data: []byte("{}")}, entry{name: "items.json", data: []byte("{}")})
		}, export.ErrTampered, "appears twice"),
		packageCase("truncated package", func(t testing.TB) []byte {
			full := canonical(t, map[string][]byte{export.ItemsFile: itemsWith(t, func(*item.Comment) {})})
			return full[:len(full)*2/3]
		}, export.ErrTampered, "the zip is damaged"),
		packageCase("a .docx given as a package", func(t testing.TB) []byte { return docx(t, para("x")) }, export.ErrNotPackage, "no manifest.json"),
		packageCase("manifest with an unknown field", one(export.ManifestFile, []byte(`{"format":"delegate-package/1","run":"rm -rf ~"}`)),
			export.ErrTampered, "unknown field"),
		packageCase("items.json nested 100000 deep", canon(map[string][]byte{export.ItemsFile: []byte(strings.Repeat("[", 100000))}),
			export.ErrNotPackage, "items.json"),
		packageCase("item ID a Windows device name", items(func(c *item.Comment) { c.ID = "nul" }), item.ErrInvalid, "device name on Windows"),
		packageCase("item ID escaping the folder", items(func(c *item.Comment) { c.ID = "../../hooks/pre-commit" }), item.ErrInvalid, "may hold only"),
		packageCase("author name with a line break", items(func(c *item.Comment) { c.Author.Name = "Jane\nBcc: evil@x.example" }),
			item.ErrInvalid, "author.name contains a line break"),
		{name: "100 MB package", is: export.ErrNotPackage, want: []string{"100.0 MB", "at most 64 MB"},
			prepare: func(t *testing.T, e *env) func() error {
				p := bigFile(t, e, "huge.zip", []byte("PK\x03\x04"), 100<<20)
				return func() error { return importPackage(e, p) }
			}},
	}
}

// packageOf is a canonical package carrying the given comments.
func packageOf(t testing.TB, edit func(m map[string]any), cs ...item.Comment) []byte {
	b, err := json.Marshal(export.Items{Comments: cs})
	if err != nil {
		t.Fatal(err)
	}
	return canonicalWith(t, map[string][]byte{export.ItemsFile: b}, edit)
}

// packageComment is a comment as an expert's package carries it.
func packageComment(id, body string, updated time.Time) item.Comment {
	c := storetest.Comment("7", body)
	c.ID, c.Author, c.Created, c.Updated = id, sender, updated.Add(-time.Hour), updated
	c.Review = item.Review{Status: item.StatusReady}
	return c
}

// coordinatorsComment is one of the comments the workspace user wrote.
func coordinatorsComment(t *testing.T, e *env) item.Comment {
	t.Helper()
	cs, err := e.ws.Comments()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Author == e.ws.User() {
			return c
		}
	}
	t.Fatal("the seeded workspace has no comment by its user")
	return item.Comment{}
}

// importOK imports a package in prepare, before the workspace is hashed.
func importOK(t *testing.T, e *env, name string, data []byte) {
	t.Helper()
	if err := importPackage(e, writeFile(t, e, name, data)); err != nil {
		t.Fatalf("setting up: %v", err)
	}
}

// overwriteCases: packages that are intact and well formed, but would
// replace or undo work in the workspace, smuggle items past their
// manifest, or pass for someone else in the history.
func overwriteCases() []hostileCase {
	day := func(d int) time.Time { return time.Date(2024, 12, d, 10, 0, 0, 0, time.UTC) }
	refused := "was not imported, nothing was changed"
	withSender := func(name, email string) func(m map[string]any) {
		return func(m map[string]any) { m["sender"] = item.Person{Name: name, Email: email} }
	}
	senderCase := func(name string, p item.Person, want string) hostileCase {
		return packageCase(name, func(t testing.TB) []byte {
			return packageOf(t, withSender(p.Name, p.Email), packageComment("jd-241201-sendr", "from a forged sender", day(1)))
		}, store.ErrSender, refused, want, "ask the sender to export it again")
	}
	return []hostileCase{
		{name: "ID of the coordinator's own comment", is: store.ErrCollision, prepare: func(t *testing.T, e *env) func() error {
			own := coordinatorsComment(t, e)
			p := writeFile(t, e, "collide.zip", packageOf(t, nil, packageComment(own.ID, "the coordinator's comment, rewritten", time.Now().Add(24*time.Hour))))
			return func() error {
				err := importPackage(e, p)
				for _, want := range []string{refused, "one of its items is already in this workspace", "comment " + own.ID + " by Test Expert (yours)", "the workspace holds a different version",
					"importing would replace it", "beside the existing ones"} {
					if err != nil && !strings.Contains(err.Error(), want) {
						t.Errorf("message %q does not say %q", err, want)
					}
				}
				return err
			}
		}},
		{name: "replay of an older package after a later edit", is: store.ErrCollision,
			want: []string{refused, "comment jd-241201-rplay by Jane Doe", "holds version 1 of 2", "would undo the later edits"},
			prepare: func(t *testing.T, e *env) func() error {
				v1 := packageOf(t, nil, packageComment("jd-241201-rplay", "the expert's first text", day(1)))
				importOK(t, e, "v1.zip", v1)
				c, err := e.ws.Comment("jd-241201-rplay")
				if err != nil {
					t.Fatal(err)
				}
				c.Body = "the coordinator's edit, agreed with the expert"
				if err := e.ws.SaveComment(&c, "edit body"); err != nil {
					t.Fatal(err)
				}
				p := writeFile(t, e, "v1-again.zip", v1)
				return func() error { return importPackage(e, p) }
			}},
		{name: "older version never seen here", is: store.ErrCollision,
			want: []string{refused, "comment jd-241201-older by Jane Doe", "holds an older version (changed 2024-12-01 10:00 UTC)", "would undo the later edits"},
			prepare: func(t *testing.T, e *env) func() error {
				importOK(t, e, "v2.zip", packageOf(t, nil, packageComment("jd-241201-older", "the expert's second text", day(3))))
				p := writeFile(t, e, "v1.zip", packageOf(t, nil, packageComment("jd-241201-older", "the expert's first text", day(1))))
				return func() error { return importPackage(e, p) }
			}},
		packageCase("an item not in the manifest", func(t testing.TB) []byte {
			listed := packageComment("jd-241201-listd", "announced", day(1))
			return packageOf(t, func(m map[string]any) {
				m["items"] = []export.ManifestItem{{ID: listed.ID, Type: "comment", Author: sender, Status: item.StatusReady}}
			}, listed, packageComment("jd-241201-smugl", "smuggled in", day(1)))
		}, export.ErrTampered, "items.json holds the comment jd-241201-smugl, which the manifest does not list"),
		packageCase("a manifest entry with no item", func(t testing.TB) []byte {
			return packageOf(t, func(m map[string]any) {
				m["items"] = append(m["items"].([]export.ManifestItem), export.ManifestItem{ID: "jd-241201-ghost", Type: "comment", Author: sender})
			}, packageComment("jd-241201-real1", "present", day(1)))
		}, export.ErrTampered, "the manifest lists the comment jd-241201-ghost, but items.json does not hold it"),
		packageCase("a manifest entry of another kind", func(t testing.TB) []byte {
			return packageOf(t, func(m map[string]any) { m["items"].([]export.ManifestItem)[0].Type = "opinion" },
				packageComment("jd-241201-kind1", "a comment", day(1)))
		}, export.ErrTampered, "disagree on what jd-241201-kind1 is (Opinion proposal, comment)"),
		packageCase("a manifest naming another author", func(t testing.TB) []byte {
			return packageOf(t, func(m map[string]any) { m["items"].([]export.ManifestItem)[0].Author = storetest.User },
				packageComment("jd-241201-auth1", "a comment", day(1)))
		}, export.ErrTampered, `the manifest says jd-241201-auth1 is by "Test Expert", but items.json says "Jane Doe"`),
		packageCase("one ID twice in items.json", func(t testing.TB) []byte {
			a, b := packageComment("jd-241201-twice", "first", day(1)), packageComment("jd-241201-twice", "second", day(2))
			return packageOf(t, func(m map[string]any) { m["items"] = m["items"].([]export.ManifestItem)[:1] }, a, b)
		}, export.ErrTampered, "items.json holds the ID jd-241201-twice twice"),
		senderCase("sender with CR/LF", item.Person{Name: "Jane Doe\r\nTest Expert", Email: "jane@example.org"},
			"sender.name contains a line break"),
		senderCase("sender with an LF in the address", item.Person{Name: "Jane Doe", Email: "jane@example.org\nexpert@example.org"},
			"is not an e-mail address"),
		senderCase("sender as an RFC 2047 encoded word", item.Person{Name: "=?utf-8?q?Test_Expert?=", Email: "jane@example.org"},
			"sender.name holds an encoded word"),
		senderCase("sender address as an encoded word", item.Person{Name: "Jane Doe", Email: "=?utf-8?b?ZXhwZXJ0?=@example.org"},
			"sender.email holds an encoded word"),
		senderCase("sender with a control character", item.Person{Name: "Jane\x1b[2KTest Expert", Email: "jane@example.org"},
			"sender.name contains a control character (U+001B)"),
		senderCase("sender with a bidi override", item.Person{Name: "Jane \u202etrepxE tseT", Email: "jane@example.org"},
			"bidirectional control character (U+202E)"),
		senderCase("no sender", item.Person{}, "sender.name is required"),
		packageCase("package ID forging commit trailers", func(t testing.TB) []byte {
			return packageOf(t, func(m map[string]any) { m["package_id"] = "xyz-1\n\nItem: te-241201-forgd" },
				packageComment("jd-241201-pkgid", "a comment", day(1)))
		}, item.ErrInvalid, refused, `its ID "xyz-1\n\nItem: te-241201-forgd" is not one Delegate makes`),
	}
}

func TestHostilePackages(t *testing.T) { runCatalogue(t, append(packageCases(), overwriteCases()...)) }

// TestCanonicalPackageImports is the control: the same builder with a
// valid item gives a package that verifies and imports, so the refusals
// above come from the hostile part alone.
func TestCanonicalPackageImports(t *testing.T) {
	e := &env{ws: storetest.New(t), scratch: t.TempDir()}
	p := writeFile(t, e, "ok.zip", canonical(t, map[string][]byte{export.ItemsFile: itemsWith(t, func(*item.Comment) {})}))
	if err := importPackage(e, p); err != nil {
		t.Fatal(err)
	}
	if c, err := e.ws.Comment("jd-241201-k3f9x"); err != nil || c.Author.Name != "Jane Doe" {
		t.Fatalf("imported comment: %v %+v", err, c)
	}
	if vs, _ := e.ws.History("jd-241201-k3f9x"); len(vs) != 1 || vs[0].Author != sender {
		t.Errorf("the import commit is not authored by the package's sender: %+v", vs)
	}
}

// TestCollisionImportsBeside is the control of the collision cases: with
// the "beside" choice the same package imports its item under a fresh ID,
// recording where it came from, and the coordinator's comment and its
// history stay exactly as they were. Importing that package once more
// (either choice) finds the copy and changes nothing.
func TestCollisionImportsBeside(t *testing.T) {
	e := &env{ws: newWorkspace(t), scratch: t.TempDir()}
	own := coordinatorsComment(t, e)
	file := filepath.Join(e.ws.Dir(), "items", "comments", own.ID+".md")
	before, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	history, _ := e.ws.History(own.ID)
	p := writeFile(t, e, "collide.zip", packageOf(t, nil, packageComment(own.ID, "the expert's own text under a reused ID", time.Now().Add(time.Hour))))
	if _, err := importPackageAs(e, p, store.RefuseCollisions); !errors.Is(err, store.ErrCollision) {
		t.Fatalf("refuse: %v", err)
	}
	rep, err := importPackageAs(e, p, store.ImportBeside)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Beside) != 1 || rep.Beside[0].From != own.ID || rep.Beside[0].To == own.ID || len(rep.New) != 0 || rep.Commit == "" {
		t.Fatalf("report %+v", rep)
	}
	if !strings.Contains(rep.String(), own.ID+" imported as "+rep.Beside[0].To+", beside the existing "+own.ID) {
		t.Errorf("report says %q", rep)
	}
	if after, _ := os.ReadFile(file); !bytes.Equal(after, before) {
		t.Errorf("the coordinator's comment changed:\n%s\n---\n%s", before, after)
	}
	if now, _ := e.ws.History(own.ID); len(now) != len(history) {
		t.Errorf("the coordinator's comment has %d versions, was %d", len(now), len(history))
	}
	got, err := e.ws.Comment(rep.Beside[0].To)
	if err != nil {
		t.Fatal(err)
	}
	if got.Author != sender || got.Body != "the expert's own text under a reused ID" || got.Review.Status != item.StatusReady {
		t.Errorf("imported beside: %+v", got)
	}
	vs, _ := e.ws.History(got.ID)
	if len(vs) != 1 || vs[0].Author != sender || vs[0].Commit != rep.Commit {
		t.Errorf("history of the new item: %+v", vs)
	}
	if storetest.HasGit() {
		msg := storetest.Git(t, e.ws.Dir(), "log", "-1", "--format=%an <%ae>%n%B")
		for _, want := range []string{"Jane Doe <jane@example.org>", "(1 beside existing items)", "Package: xyz-hostile",
			"Beside: " + got.ID + " (comment " + own.ID + " in package xyz-hostile, kept as it was)"} {
			if !strings.Contains(msg, want) {
				t.Errorf("commit %q does not say %q", msg, want)
			}
		}
		if out := storetest.Git(t, e.ws.Dir(), "status", "--porcelain"); strings.TrimSpace(out) != "" {
			t.Errorf("git status: %s", out)
		}
	}
	before = []byte(treeHash(t, e.ws.Dir()))
	for _, on := range []store.OnCollision{store.ImportBeside, store.RefuseCollisions} {
		again, err := importPackageAs(e, p, on)
		want := "nothing to import, its one item is already in this workspace as sent; nothing was changed\n  " + own.ID + " was imported beside earlier, as " + got.ID
		if err != nil || again.Commit != "" || !strings.Contains(again.String(), want) {
			t.Errorf("the same package again: %v, %q", err, again)
		}
	}
	if after := treeHash(t, e.ws.Dir()); after != string(before) {
		t.Errorf("importing the package again changed the workspace:\n%s", diffTrees(string(before), after))
	}
}

// TestReplayImportsBeside: an older package replayed after a later edit
// imports beside, as its own new item, and the edit stays current.
func TestReplayImportsBeside(t *testing.T) {
	e := &env{ws: newWorkspace(t), scratch: t.TempDir()}
	day1 := time.Date(2024, 12, 1, 10, 0, 0, 0, time.UTC)
	v1 := writeFile(t, e, "v1.zip", packageOf(t, nil, packageComment("jd-241201-rplay", "first text", day1)))
	importOK(t, e, "v1.zip", packageOf(t, nil, packageComment("jd-241201-rplay", "first text", day1)))
	c, _ := e.ws.Comment("jd-241201-rplay")
	c.Body = "later edit"
	if err := e.ws.SaveComment(&c, "edit body"); err != nil {
		t.Fatal(err)
	}
	rep, err := importPackageAs(e, v1, store.ImportBeside)
	if err != nil || len(rep.Beside) != 1 {
		t.Fatalf("%+v %v", rep, err)
	}
	if cur, _ := e.ws.Comment("jd-241201-rplay"); cur.Body != "later edit" {
		t.Errorf("the later edit was undone: %q", cur.Body)
	}
	if old, _ := e.ws.Comment(rep.Beside[0].To); old.Body != "first text" {
		t.Errorf("beside: %q", old.Body)
	}
}

// TestReimportIsANoOp: importing the very same package again, also after
// the coordinator has moved its items on in the review, changes nothing
// and says so; a package adding one item to it imports just that item.
func TestReimportIsANoOp(t *testing.T) {
	e := &env{ws: newWorkspace(t), scratch: t.TempDir()}
	day1 := time.Date(2024, 12, 1, 10, 0, 0, 0, time.UTC)
	first := packageComment("jd-241201-again", "sent once, imported twice", day1)
	p := writeFile(t, e, "pkg.zip", packageOf(t, nil, first))
	if _, err := importPackageAs(e, p, store.RefuseCollisions); err != nil {
		t.Fatal(err)
	}
	c, _ := e.ws.Comment(first.ID)
	next, err := c.Review.Move(item.StatusApproved, "")
	if err != nil {
		t.Fatal(err)
	}
	c.Review = next
	if err := e.ws.SaveComment(&c, "approve"); err != nil {
		t.Fatal(err)
	}
	for _, on := range []store.OnCollision{store.RefuseCollisions, store.ImportBeside} {
		before := treeHash(t, e.ws.Dir())
		rep, err := importPackageAs(e, p, on)
		if err != nil {
			t.Fatal(err)
		}
		want := "package xyz-hostile: nothing to import, its one item is already in this workspace as sent; nothing was changed"
		if rep.String() != want || rep.Commit != "" || len(rep.Same) != 1 {
			t.Errorf("report %+v says %q", rep, rep)
		}
		if after := treeHash(t, e.ws.Dir()); after != before {
			t.Errorf("the workspace changed:\n%s", diffTrees(before, after))
		}
	}
	if got, _ := e.ws.Comment(first.ID); got.Review.Status != item.StatusApproved {
		t.Errorf("the review was reset to %s", got.Review.Status)
	}
	second := packageComment("jd-241202-added", "a second comment", day1.Add(24*time.Hour))
	rep, err := importPackageAs(e, writeFile(t, e, "pkg2.zip", packageOf(t, nil, first, second)), store.RefuseCollisions)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.New) != 1 || rep.New[0] != second.ID || len(rep.Same) != 1 || !strings.Contains(rep.String(), "1 already in this workspace as sent, left as they are: "+first.ID) {
		t.Errorf("report %+v says %q", rep, rep)
	}
}
