package export

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/item"
)

// parsedMail is an .eml read back with the standard MIME parsers.
type parsedMail struct {
	header      mail.Header
	subject     string
	body        string
	attachName  string
	attachBytes []byte
}

func parseEML(t *testing.T, eml []byte) parsedMail {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(eml))
	if err != nil {
		t.Fatal(err)
	}
	var p parsedMail
	p.header = msg.Header
	dec := new(mime.WordDecoder)
	if p.subject, err = dec.DecodeHeader(msg.Header.Get("Subject")); err != nil {
		t.Fatal(err)
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(mt, "multipart/") {
		p.body = decodePart(t, msg.Header.Get("Content-Transfer-Encoding"), msg.Body)
		return p
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		part, err := mr.NextRawPart()
		if err == io.EOF {
			return p
		}
		if err != nil {
			t.Fatal(err)
		}
		data := decodePart(t, part.Header.Get("Content-Transfer-Encoding"), part)
		if _, dp, err := mime.ParseMediaType(part.Header.Get("Content-Disposition")); err == nil && dp["filename"] != "" {
			p.attachName, p.attachBytes = dp["filename"], []byte(data)
		} else {
			p.body = data
		}
	}
}

func decodePart(t *testing.T, enc string, r io.Reader) string {
	t.Helper()
	switch strings.ToLower(enc) {
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, r)
	case "quoted-printable":
		r = quotedprintable.NewReader(r)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestMessageEML(t *testing.T) {
	res := build(t, sampleInput(t))
	eml := res.Files[MessageFile]
	p := parseEML(t, eml)
	to, _ := p.header.AddressList("To")
	cc, _ := p.header.AddressList("Cc")
	from, _ := p.header.AddressList("From")
	if len(to) != 1 || to[0].Address != "wtpf@itu.int" {
		t.Errorf("To = %v", to)
	}
	if len(cc) != 1 || cc[0].Address != "kofi@xyz.example" {
		t.Errorf("Cc = %v", cc)
	}
	if len(from) != 1 || from[0].Address != "amelie@xyz.example" || from[0].Name != "Amélie Dœ" {
		t.Errorf("From = %v", from)
	}
	if p.subject != "WTPF-26 – République de Xyz – Comments on the 2nd draft" {
		t.Errorf("Subject = %q", p.subject)
	}
	if p.header.Get("X-Unsent") != "1" {
		t.Error("no X-Unsent: 1, mail clients will not open it as a draft")
	}
	if !bytes.Contains(eml, []byte("=?UTF-8?")) {
		t.Error("non-ASCII headers are not RFC 2047 encoded")
	}
	for _, line := range strings.Split(string(eml), "\r\n") {
		if len(line) > 998 {
			t.Fatalf("line of %d octets breaks RFC 5322", len(line))
		}
	}
	if p.attachName != ContributionFile || !bytes.Equal(p.attachBytes, res.Files[ContributionFile]) {
		t.Errorf("attachment %q differs from contribution.docx (%d vs %d bytes)", p.attachName, len(p.attachBytes), len(res.Files[ContributionFile]))
	}
	if !strings.Contains(p.body, "Please find attached the contribution of République de Xyz") {
		t.Errorf("body = %q", p.body)
	}
}

func TestMessageSubjectOverrideAndNoSelfCopy(t *testing.T) {
	in := sampleInput(t)
	in.Subject = "Contribution de Xyz – révision"
	in.Sender = coordinator
	p := parseEML(t, build(t, in).Files[MessageFile])
	if p.subject != in.Subject {
		t.Errorf("Subject = %q", p.subject)
	}
	if p.header.Get("Cc") != "" {
		t.Error("the coordinator sending must not be copied to themselves")
	}
}

func TestNomination(t *testing.T) {
	in := NominationInput{Process: loadProcess(t), Delegation: sampleInput(t).Delegation, Sender: sender, Made: made,
		Expert: item.Nomination{Name: "Zhang Wei 张伟", Organization: "Ministry of ICT", Email: "zhang@xyz.example", Country: "Xyz",
			Phone: "+41 1", Category: item.CategoryMemberState}}
	eml, err := Nomination(in)
	if err != nil {
		t.Fatal(err)
	}
	p := parseEML(t, eml)
	if p.header.Get("X-Unsent") != "1" || !strings.Contains(p.subject, "Zhang Wei 张伟 (Ministry of ICT)") {
		t.Errorf("subject %q", p.subject)
	}
	for _, want := range []string{"Zhang Wei 张伟", "Ministry of ICT", "zhang@xyz.example", "Country:", "+41 1", "Member State"} {
		if !strings.Contains(p.body, want) {
			t.Errorf("nomination body lacks %q:\n%s", want, p.body)
		}
	}
	in.Expert.Email = "not an address"
	if _, err := Nomination(in); err == nil {
		t.Error("a nomination without a valid e-mail must be refused")
	}
}
