package hostile

import (
	"bytes"
	"mime"
	"net/mail"
	"strings"
	"testing"
	"time"

	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/process"
)

const profileHead = "name = \"WTPF-26\"\ntimezone = \"Europe/Zurich\"\ndraft_labels = [\"1st draft\"]\n"
const profileMilestone = "[[milestone]]\nid = \"d1\"\nkind = \"comment-deadline\"\ndraft = 1\ntitle = \"x\"\nplanned = \"2025-06-16\"\n"

// nominate writes a nomination e-mail as `delegatectl nominate` and the
// app's nomination form do, with edit applied to the input.
func nominate(t testing.TB, edit func(in *export.NominationInput)) func() error {
	p, err := process.Parse([]byte("secretariat = \"wtpf@itu.int\"\n" + profileHead + profileMilestone))
	if err != nil {
		t.Fatal(err)
	}
	in := export.NominationInput{Process: p, Made: time.Date(2025, 1, 10, 9, 0, 0, 0, time.UTC),
		Delegation: item.Profile{Entity: "Republic of Xyz", Category: item.CategoryMemberState},
		Sender:     item.Contact{Name: "Amélie Dœ", Email: "amelie@xyz.example"},
		Expert:     item.Nomination{Name: "Zhang Wei", Organization: "Ministry of ICT", Email: "zhang@xyz.example"}}
	edit(&in)
	return func() error { _, err := export.Nomination(in); return err }
}

func mailCase(name string, edit func(in *export.NominationInput), is error, want ...string) hostileCase {
	return hostileCase{name: name, is: is, want: want, prepare: func(t *testing.T, e *env) func() error { return nominate(t, edit) }}
}

// mailCases: e-mail header injection through what the user (or a synced
// profile) puts in names, subjects and addresses.
func mailCases() []hostileCase {
	bcc := "\r\nBcc: everyone@evil.example"
	return []hostileCase{
		mailCase("CR/LF in the expert's name", func(in *export.NominationInput) { in.Expert.Name += bcc }, item.ErrInvalid, "name contains a line break"),
		mailCase("LF in the organization", func(in *export.NominationInput) { in.Expert.Organization += "\nX-Priority: 1" }, item.ErrInvalid, "organization contains a line break"),
		mailCase("CR/LF in the expert's address", func(in *export.NominationInput) { in.Expert.Email += bcc }, item.ErrInvalid, "not an e-mail address"),
		mailCase("control character in the phone", func(in *export.NominationInput) { in.Expert.Phone = "+41\x1b[2J" }, item.ErrInvalid, "control character"),
		mailCase("CR/LF in the subject", func(in *export.NominationInput) { in.Subject = "Nomination" + bcc }, export.ErrMailHeader, "subject contains a line break"),
		mailCase("Unicode line separator in the subject", func(in *export.NominationInput) { in.Subject = "Nomination\u2028Bcc: x@evil.example" }, export.ErrMailHeader, "subject contains a line break"),
		mailCase("CR/LF in the sender's name", func(in *export.NominationInput) { in.Sender.Name += bcc }, export.ErrMailHeader, "sender's name contains a line break"),
		mailCase("CR/LF in the sender's address", func(in *export.NominationInput) { in.Sender.Email += bcc }, export.ErrMailHeader, "sender's e-mail address contains a line break"),
		{name: "CR/LF in the process profile's secretariat address", is: process.ErrBadProfile, want: []string{"not an e-mail address"},
			prepare: func(t *testing.T, e *env) func() error {
				return func() error {
					_, err := process.Parse([]byte("secretariat = \"wtpf@itu.int\\r\\nBcc: x@evil.example\"\n" + profileHead + profileMilestone))
					return err
				}
			}},
	}
}

func TestHostileMail(t *testing.T) { runCatalogue(t, mailCases()) }

// TestCleanNominationIsWritten is the control for the cases above.
func TestCleanNominationIsWritten(t *testing.T) {
	if err := nominate(t, func(*export.NominationInput) {})(); err != nil {
		t.Fatal(err)
	}
}

// TestTypedHeadersArriveAsTyped: what a user may type that mail readers
// used to misread (names and a subject that look like RFC 2047 encoded
// words, 5000 characters without a space) is not refused: it is written
// so that net/mail and mime.WordDecoder read back exactly what was typed,
// and no header line is over 78 characters.
func TestTypedHeadersArriveAsTyped(t *testing.T) {
	for _, c := range []struct{ name, expert, sender, subject string }{
		{"encoded words", "=?utf-8?q?Evil?=", "=?utf-8?b?Qm9zcw==?=", ""},
		{"encoded word in the subject", "Zhang Wei", "Amélie Dœ", "=?utf-8?q?=E2=9C=93?= approved"},
		{"5000 characters", strings.Repeat("x", 5000), strings.Repeat("é", 2500), strings.Repeat("y", 5000)},
	} {
		p, _ := process.Parse([]byte("secretariat = \"wtpf@itu.int\"\n" + profileHead + profileMilestone))
		in := export.NominationInput{Process: p, Made: time.Date(2025, 1, 10, 9, 0, 0, 0, time.UTC), Subject: c.subject,
			Delegation: item.Profile{Entity: "Republic of Xyz", Category: item.CategoryMemberState},
			Sender:     item.Contact{Name: c.sender, Email: "amelie@xyz.example"},
			Expert:     item.Nomination{Name: c.expert, Organization: "Ministry of ICT", Email: "zhang@xyz.example"}}
		eml, err := export.Nomination(in)
		if err != nil {
			t.Fatal(err)
		}
		msg, err := mail.ReadMessage(bytes.NewReader(eml))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
		want := c.subject
		if want == "" {
			want = "WTPF – Nomination of an expert – " + c.expert + " (Ministry of ICT)"
		}
		if err != nil || subject != want {
			t.Errorf("%s: Subject reads %.80q (%v), typed %.80q", c.name, subject, err, want)
		}
		from, err := msg.Header.AddressList("From")
		if err != nil || len(from) != 1 || from[0].Name != c.sender {
			t.Errorf("%s: From = %v (%v), typed %.80q", c.name, from, err, c.sender)
		}
		head, _, _ := strings.Cut(string(eml), "\r\n\r\n")
		for _, l := range strings.Split(head, "\r\n") {
			if len(l) > 78 {
				t.Errorf("%s: header line of %d characters", c.name, len(l))
			}
		}
	}
}
