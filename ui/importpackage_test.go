package ui

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
)

// packageZip packs comments the way Delegate packs a submission package
// (manifest first, stored, fixed time, every file hashed), so it verifies.
func packageZip(t *testing.T, sender item.Person, cs ...item.Comment) []byte {
	t.Helper()
	raw, err := json.Marshal(export.Items{Comments: cs})
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(raw)
	m := export.Manifest{Format: export.FormatVersion, PackageID: "jd-20241201-abcdef0", Sender: sender,
		Files: []export.FileEntry{{Name: export.ItemsFile, SHA256: hex.EncodeToString(sum[:]), Size: len(raw)}}}
	for _, c := range cs {
		m.Items = append(m.Items, export.ManifestItem{ID: c.ID, Type: "comment", Author: c.Author, Status: c.Review.Status})
	}
	mj, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range []struct {
		name string
		data []byte
	}{{export.ManifestFile, append(mj, '\n')}, {export.ItemsFile, raw}} {
		h := &zip.FileHeader{Name: f.name, Method: zip.Store, Modified: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
		h.SetMode(0o644)
		w, err := zw.CreateHeader(h)
		if err == nil {
			_, err = w.Write(f.data)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := export.Verify(buf.Bytes()); err != nil {
		t.Fatalf("the test package does not verify: %v", err)
	}
	return buf.Bytes()
}

// TestImportPackageFlow: a package reusing the ID of one of the user's
// comments opens a dialog naming the item and whose it is; Refuse changes
// nothing; Import beside adds the package's version under a new ID and
// leaves the user's comment as it was; the same package again is
// nothing to import. A forged sender is refused, saying nothing changed.
func TestImportPackageFlow(t *testing.T) {
	s := newSampleSession(t, "")
	ws := s.work.ws
	own := s.work.comments[0]
	jane := item.Person{Name: "Jane Doe", Email: "jane@example.org"}
	theirs := own
	theirs.Author, theirs.Body, theirs.Updated = jane, "Jane's text under the same ID.", time.Now().Add(time.Hour)
	theirs.Review = item.Review{Status: item.StatusReady}
	data := packageZip(t, jane, theirs)
	head, _ := ws.Head()

	s.main.checkPackage("jd.zip", data)
	txt := topText(s)
	owner := own.Author.Name
	if own.Author == ws.User() {
		owner += " (you)"
	}
	for _, want := range []string{"sent by Jane Doe", own.ID + " (comment) by " + owner + ": this workspace holds a different version", "by " + ws.User().Name + ")."} {
		if !strings.Contains(txt, want) {
			t.Errorf("the collision dialog does not say %q:\n%s", want, txt)
		}
	}
	tapTop(t, s, "Refuse")
	if now, _ := ws.Head(); now != head || !strings.Contains(s.main.status.Text, "was not imported; nothing was changed") {
		t.Fatalf("refused: head %s (was %s), status %q", now, head, s.main.status.Text)
	}

	s.main.checkPackage("jd.zip", data)
	tapTop(t, s, "Import beside")
	txt = topText(s)
	if !strings.Contains(txt, "beside the existing "+own.ID+", which is unchanged") || !strings.Contains(txt, "not signed") {
		t.Errorf("after import beside:\n%s", txt)
	}
	s.win.Canvas().Overlays().Top().Hide()
	if got, _ := ws.Comment(own.ID); got.Body != own.Body || got.Author != own.Author {
		t.Errorf("the user's comment changed: %+v", got)
	}
	var copied int
	for _, c := range s.main.s.work.comments {
		if c.Body == theirs.Body && c.ID != own.ID && c.Author == jane {
			copied++
		}
	}
	if copied != 1 {
		t.Errorf("%d copies of Jane's comment on screen, want 1", copied)
	}

	head, _ = ws.Head()
	s.main.checkPackage("jd.zip", data)
	if txt := topText(s); !strings.Contains(txt, "already in this workspace as sent. Nothing was changed.") {
		t.Errorf("the same package again:\n%s", txt)
	}
	s.win.Canvas().Overlays().Top().Hide()

	forged := packageZip(t, item.Person{Name: "Jane Doe\r\n" + own.Author.Name, Email: "jane@example.org"}, theirs)
	s.main.checkPackage("forged.zip", forged)
	if txt := topText(s); !strings.Contains(txt, "The package was not imported, nothing was changed") || !strings.Contains(txt, "does not name its sender plainly") {
		t.Errorf("forged sender:\n%s", txt)
	}
	if now, _ := ws.Head(); now != head {
		t.Error("a refused package changed the workspace")
	}
}
