package hostile

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store/storetest"
)

// importPackage does what `delegatectl package import` does: verify the
// file against its manifest, read its items, save them for review.
func importPackage(e *env, path string) error {
	p, err := export.VerifyFile(path)
	if err != nil {
		return err
	}
	items, err := p.Items()
	if err != nil {
		return err
	}
	return e.ws.ImportItems(p.Manifest.Sender, p.Manifest.PackageID, items.Comments, items.Opinions)
}

// canonical builds a package the way Delegate packs one (manifest first,
// stored, fixed time, every file hashed), so it passes the manifest and
// re-zip checks and reaches the checks on what it carries. An attacker
// can do the same: the format is documented.
func canonical(t testing.TB, files map[string][]byte) []byte {
	t.Helper()
	m := map[string]any{"format": export.FormatVersion, "package_id": "xyz-hostile", "sender": storetest.User}
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
	c.Author = item.Person{Name: "Jane Doe", Email: "jane@example.org"}
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

func TestHostilePackages(t *testing.T) { runCatalogue(t, packageCases()) }

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
}
