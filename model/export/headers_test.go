package export

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/process"
)

// headerCases are names and subjects a user may type that go-mail wrote
// so that a mail reader showed something else (an encoded word decoded,
// a 5000-character line over the 998 limit, a name split by a space).
func headerCases() []struct{ name, sender, coordinator, subject string } {
	long := strings.Repeat("Amélie ", 700)
	return []struct{ name, sender, coordinator, subject string }{
		{"encoded words typed", "=?utf-8?q?Evil_Boss?=", "=?utf-8?b?S29maQ==?= Mensah", "=?utf-8?b?SGVsbG8=?= world"},
		{"encoded word in quotes", `"=?utf-8?q?x?=" Dœ`, `Kofi "K" \ Mensah`, `Re: "=?ISO-8859-1?Q?Caf=E9?="`},
		{"5000 characters of words", strings.Repeat("Kofi ", 999) + "Mensah", strings.TrimSpace(long), strings.Repeat("word ", 999) + "end"},
		{"5000 characters without a space", strings.Repeat("x", 5000), strings.Repeat("é", 2500), strings.Repeat("y", 5000)},
		{"spaces at the ends and doubled", " Amélie  Dœ ", "Kofi  Mensah", "  two  spaces  "},
		{"scripts", "张伟", "عبد الله بن محمد", "Комментарии – 2-й проект – 意见"},
		{"ordinary", "Amélie Dœ", "Kofi Mensah", "WTPF-26 – République de Xyz – Comments"},
	}
}

// pythonNames says why Python 3.11's address parser shows a case's
// display names differently from what RFC 2047 and Go's net/mail read:
// it puts a space between adjacent encoded words (a name too long for
// one) and collapses runs of spaces. Subjects are not affected.
func pythonNames(name string) string {
	switch name {
	case "5000 characters of words", "5000 characters without a space":
		return "a space at each cut between the encoded words of a long name"
	case "spaces at the ends and doubled":
		return "doubled spaces in a name collapsed"
	}
	return ""
}

func headerNomination(t *testing.T, sender, coordinator, subject string) []byte {
	t.Helper()
	p, err := process.Parse([]byte("secretariat = \"wtpf@itu.int\"\nname = \"WTPF-26\"\ntimezone = \"Europe/Zurich\"\ndraft_labels = [\"1st draft\"]\n" +
		"[[milestone]]\nid = \"d1\"\nkind = \"comment-deadline\"\ndraft = 1\ntitle = \"x\"\nplanned = \"2025-06-16\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	in := NominationInput{Process: p, Made: time.Date(2025, 1, 10, 9, 0, 0, 0, time.UTC), Subject: subject,
		Delegation: item.Profile{Entity: "Republic of Xyz", Category: item.CategoryMemberState, Contacts: []item.Contact{
			{Name: sender, Email: "amelie@xyz.example"}, {Name: coordinator, Email: "kofi@xyz.example", Coordinator: true}}},
		Sender: item.Contact{Name: sender, Email: "amelie@xyz.example"},
		Expert: item.Nomination{Name: "Zhang Wei", Organization: "Ministry of ICT", Email: "zhang@xyz.example"}}
	eml, err := Nomination(in)
	if err != nil {
		t.Fatal(err)
	}
	return eml
}

// TestHeadersRoundTrip writes e-mails whose names and subject look like
// encoded words, hold 5000 characters, odd spaces or other scripts, reads
// them back with net/mail and mime.WordDecoder, and finds exactly what was
// typed; no line is over 998 characters, and only an address may make
// one longer than 78. With $DELEGATE_EML_DIR set it leaves the files and
// what each must decode to there (scripts/eml-python-check.sh reads them
// with Python's email package).
func TestHeadersRoundTrip(t *testing.T) {
	out := os.Getenv("DELEGATE_EML_DIR")
	var expect []map[string]string
	for i, c := range headerCases() {
		eml := headerNomination(t, c.sender, c.coordinator, c.subject)
		p := parseEML(t, eml)
		if p.subject != c.subject {
			t.Errorf("%s: Subject = %q, typed %q", c.name, p.subject, c.subject)
		}
		from, err := p.header.AddressList("From")
		if err != nil || len(from) != 1 || from[0].Name != c.sender || from[0].Address != "amelie@xyz.example" {
			t.Errorf("%s: From = %v, %v; typed %q", c.name, from, err, c.sender)
		}
		cc, err := p.header.AddressList("Cc")
		if err != nil || len(cc) != 1 || cc[0].Name != c.coordinator {
			t.Errorf("%s: Cc = %v, %v; typed %q", c.name, cc, err, c.coordinator)
		}
		head, _, _ := strings.Cut(string(eml), "\r\n\r\n")
		for _, line := range strings.Split(head, "\r\n") {
			if len(line) > foldAt {
				t.Errorf("%s: header line of %d characters: %.80q", c.name, len(line), line)
			}
		}
		if out != "" {
			f := filepath.Join(out, "case"+string(rune('a'+i))+".eml")
			if err := os.WriteFile(f, eml, 0o644); err != nil {
				t.Fatal(err)
			}
			expect = append(expect, map[string]string{"file": f, "case": c.name, "from": c.sender, "cc": c.coordinator, "subject": c.subject,
				"python_names": pythonNames(c.name)})
		}
	}
	if out != "" {
		b, _ := json.MarshalIndent(expect, "", "  ")
		if err := os.WriteFile(filepath.Join(out, "expect.json"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
