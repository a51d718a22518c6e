package export

import (
	"bytes"
	"errors"
	"mime"
	"net/mail"
	"sort"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/item"
)

// FuzzManifest: manifest.json from someone else's package parses strictly
// or fails with one of the package errors.
func FuzzManifest(f *testing.F) {
	res := build(f, sampleInput(f))
	f.Add(res.Files[ManifestFile])
	f.Add([]byte(`{"format":"other"}`))
	f.Add([]byte(`{"format":"delegate-package/1","extra":1}`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		m, err := parseManifest(raw)
		if err != nil {
			if !errors.Is(err, ErrTampered) && !errors.Is(err, ErrNotPackage) {
				t.Fatalf("error not wrapped: %v", err)
			}
			return
		}
		if m.Format != FormatVersion {
			t.Fatalf("format %q accepted", m.Format)
		}
	})
}

// FuzzPackageItems: items.json of a package is read and every item is
// validated like an item saved in a workspace; what passes has safe IDs
// and is exactly what the manifest lists.
func FuzzPackageItems(f *testing.F) {
	res := build(f, sampleInput(f))
	f.Add(res.Files[ItemsFile])
	f.Add([]byte(`{"comments":[{"id":"con"}]}`))
	f.Add([]byte(`{"comments":[{"id":"../../x"}]}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		p := &Package{Manifest: res.Manifest, Files: map[string][]byte{ItemsFile: raw}}
		it, err := p.Items()
		if err != nil {
			return
		}
		for _, c := range it.Comments {
			if item.CheckID(c.ID) != nil {
				t.Fatalf("comment with unsafe ID %q accepted", c.ID)
			}
		}
		for _, o := range it.Opinions {
			if item.CheckID(o.ID) != nil {
				t.Fatalf("Opinion with unsafe ID %q accepted", o.ID)
			}
		}
		if n := len(it.Comments) + len(it.Opinions); n != len(res.Manifest.Items) {
			t.Fatalf("%d items accepted, the manifest lists %d", n, len(res.Manifest.Items))
		}
	})
}

// FuzzMailHeaders: whatever the user types as a name, organization or
// subject, a nomination e-mail either is refused or has exactly the
// headers Delegate writes, with the subject on one line.
func FuzzMailHeaders(f *testing.F) {
	f.Add("Zhang Wei 张伟", "Ministry of ICT", "")
	f.Add("Eve\r\nBcc: evil@x.example", "Org", "")
	f.Add("Eve", "Org\nX-Evil: 1", "")
	f.Add("Eve", "Org", "subject\r\nBcc: evil@x.example")
	f.Add("=?UTF-8?q?x=0D=0ABcc:_a@b?=", "Org", "\u2028")
	f.Add("Eve", "Org", "=?utf-8?b?SGVsbG8=?= "+strings.Repeat("x", 5000))
	want := []string{"Content-Transfer-Encoding", "Content-Type", "Date", "From", "Message-Id", "Mime-Version", "Subject", "To", "User-Agent", "X-Mailer", "X-Unsent"}
	proc := loadProcess(f)
	deleg := sampleInput(f).Delegation
	f.Fuzz(func(t *testing.T, name, org, subject string) {
		in := NominationInput{Process: proc, Delegation: deleg, Sender: sender, Made: made, Subject: subject,
			Expert: item.Nomination{Name: name, Organization: org, Email: "x@y.example"}}
		eml, err := Nomination(in)
		if err != nil {
			return
		}
		msg, err := mail.ReadMessage(bytes.NewReader(eml))
		if err != nil {
			t.Fatalf("unreadable e-mail: %v", err)
		}
		var got []string
		for k := range msg.Header {
			if k != "Cc" {
				got = append(got, k)
			}
		}
		sort.Strings(got)
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Fatalf("headers %v, want %v", got, want)
		}
		dec, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
		if err == nil && strings.ContainsAny(dec, "\r\n") {
			t.Fatalf("subject spans lines: %q", dec)
		}
		// What was typed arrives as typed (a byte that is not UTF-8 as
		// U+FFFD), encoded-word look-alikes and 5000 characters included.
		if typed := []rune(subject); err != nil || (subject != "" && dec != string(typed)) {
			t.Fatalf("subject %q reads %q (%v)", subject, dec, err)
		}
	})
}
