package item

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"
)

var (
	t0   = time.Date(2024, 12, 1, 9, 30, 0, 0, time.UTC)
	jane = Person{Name: "Jane Doe", Email: "jane@example.org"}
)

func validComment() Comment {
	return Comment{
		ID:      "jd-241201-abcde",
		Anchor:  Anchor{DraftID: "sg-2", ParagraphID: "p-3-2-14", Number: "3.2 ¶14", Quote: "digital divide"},
		Kind:    KindEditorial,
		Body:    "Use the plural.",
		Review:  Review{Status: StatusDraft},
		Author:  jane,
		Created: t0, Updated: t0,
	}
}

func TestCommentValidate(t *testing.T) {
	cases := []struct {
		name, field string
		edit        func(c *Comment)
	}{
		{"valid", "", func(c *Comment) {}},
		{"no draft", "anchor.draft", func(c *Comment) { c.Anchor.DraftID = "" }},
		{"no paragraph", "anchor.paragraph", func(c *Comment) { c.Anchor.ParagraphID, c.Anchor.Number = "", "" }},
		{"bad kind", "kind", func(c *Comment) { c.Kind = "rant" }},
		{"bad id", "id", func(c *Comment) { c.ID = "../x" }},
		{"empty body", "body", func(c *Comment) { c.Body = " " }},
		{"MOD without existing", "proposal.existing", func(c *Comment) { c.Proposal = &Proposal{Action: ActionMod, Proposed: "x"} }},
		{"ADD without text", "proposal.proposed", func(c *Comment) { c.Proposal = &Proposal{Action: ActionAdd} }},
		{"bad action", "proposal.action", func(c *Comment) { c.Proposal = &Proposal{Action: "NOC"} }},
		{"sub-theme 6", "sub_themes[0]", func(c *Comment) { c.SubThemes = []int{6} }},
		{"bad email", "author.email", func(c *Comment) { c.Author.Email = "jane at example" }},
		{"not NFC", "anchor.quote", func(c *Comment) { c.Anchor.Quote = "cafe\u0301" }},
		{"changes without note", "reviewer_note", func(c *Comment) { c.Review.Status = StatusChangesRequested }},
		{"updated before created", "updated", func(c *Comment) { c.Updated = t0.Add(-time.Hour) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := validComment()
			tc.edit(&c)
			err := c.Validate()
			if tc.field == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != tc.field || !errors.Is(err, ErrInvalid) {
				t.Fatalf("got %v, want an error on field %s", err, tc.field)
			}
		})
	}
}

func TestReviewMove(t *testing.T) {
	r := Review{Status: StatusDraft}
	steps := []struct {
		to     Status
		detail string
		ok     bool
	}{
		{StatusApproved, "", false},
		{StatusReady, "", true},
		{StatusChangesRequested, "", false},
		{StatusChangesRequested, "cite the source", true},
		{StatusReady, "", true},
		{StatusApproved, "", true},
		{StatusSubmitted, "pkg-2024-12-20", true},
		{StatusDraft, "", false},
		{StatusAcknowledged, "IEG-WTPF-26/12", true},
		{StatusWithdrawn, "", false},
	}
	for i, s := range steps {
		next, err := r.Move(s.to, s.detail)
		if (err == nil) != s.ok {
			t.Fatalf("step %d %s→%s: err=%v, want ok=%v", i, r.Status, s.to, err, s.ok)
		}
		if err == nil {
			r = next
		}
	}
	if r.Package != "pkg-2024-12-20" || r.SecretariatNumber != "IEG-WTPF-26/12" {
		t.Fatalf("detail lost: %+v", r)
	}
	if _, err := r.Move(StatusDraft, ""); !errors.Is(err, ErrTransition) {
		t.Fatalf("acknowledged must be final, got %v", err)
	}
}

func TestParse(t *testing.T) {
	if k, err := ParseKind("Substantive"); err != nil || k != KindSubstantive {
		t.Fatal(k, err)
	}
	if a, err := ParseAction("sup"); err != nil || a != ActionSup {
		t.Fatal(a, err)
	}
	if c, err := ParseCategory("state of palestine"); err != nil || c != CategoryStatePalestine {
		t.Fatal(c, err)
	}
	if s, err := ParseStatus("Ready for review"); err != nil || s != StatusReady {
		t.Fatal(s, err)
	}
	for _, bad := range []func() error{
		func() error { _, err := ParseKind("x"); return err },
		func() error { _, err := ParseAction("NOC"); return err },
		func() error { _, err := ParseCategory("NGO"); return err },
		func() error { _, err := ParseStatus("done"); return err },
	} {
		if !errors.Is(bad(), ErrInvalid) {
			t.Fatal("want ErrInvalid")
		}
	}
}

func TestNewID(t *testing.T) {
	re := regexp.MustCompile(`^jd-241201-[0-9a-z]{5}$`)
	seen := map[string]bool{}
	for i := 0; i < 1000; i++ {
		id := NewID(jane, t0)
		if !re.MatchString(id) || CheckID(id) != nil {
			t.Fatalf("bad id %q", id)
		}
		if seen[id] {
			t.Fatalf("duplicate id %q", id)
		}
		seen[id] = true
	}
	for name, want := range map[string]string{"Jane Doe": "jd", "Éloïse de la Tour": "edl", "李雷": "x", "Ana-María Ruiz": "amr"} {
		if got := Initials(name); got != want {
			t.Errorf("Initials(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestProfileValidate(t *testing.T) {
	ok := Profile{Entity: "Republic of Xyz", Category: CategoryMemberState,
		Contacts: []Contact{{Name: "A", Email: "a@x.org", Coordinator: true}, {Name: "B", Email: "b@x.org"}}}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	if c, found := ok.Coordinator(); !found || c.Name != "A" {
		t.Fatal("coordinator not found")
	}
	cases := map[string]func(p *Profile){
		"entity":            func(p *Profile) { p.Entity = "" },
		"category":          func(p *Profile) { p.Category = "NGO" },
		"contacts[1].email": func(p *Profile) { p.Contacts[1].Email = "" },
		"contacts":          func(p *Profile) { p.Contacts[1].Coordinator = true },
	}
	for field, edit := range cases {
		t.Run(field, func(t *testing.T) {
			p := ok
			p.Contacts = append([]Contact(nil), ok.Contacts...)
			edit(&p)
			var fe *FieldError
			if err := p.Validate(); !errors.As(err, &fe) || fe.Field != field {
				t.Fatalf("got %v, want field %s", err, field)
			}
		})
	}
}

func TestCoverAndNomination(t *testing.T) {
	c := Cover{Title: "T", Summary: "S", ActionRequired: "A", Language: "English"}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	c.ActionRequired = ""
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "action_required") {
		t.Fatalf("got %v", err)
	}
	n := Nomination{Name: "N", Organization: "Ministry", Email: "n@x.org"}
	if err := n.Validate(); err != nil {
		t.Fatal(err)
	}
	n.Email = "nope"
	if err := n.Validate(); err == nil || !strings.Contains(err.Error(), "email") {
		t.Fatalf("got %v", err)
	}
}

// FuzzParseEnums checks that every accepted spelling parses to a value
// whose own spelling parses back to it.
func FuzzParseEnums(f *testing.F) {
	for _, s := range []string{"Substantive", "sup", "state of palestine", "Ready for review", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if k, err := ParseKind(s); err == nil {
			if k2, err := ParseKind(string(k)); err != nil || k2 != k {
				t.Fatalf("kind %q", s)
			}
		}
		if a, err := ParseAction(s); err == nil {
			if a2, err := ParseAction(string(a)); err != nil || a2 != a {
				t.Fatalf("action %q", s)
			}
		}
		if c, err := ParseCategory(s); err == nil {
			if c2, err := ParseCategory(string(c)); err != nil || c2 != c {
				t.Fatalf("category %q", s)
			}
		}
		if st, err := ParseStatus(s); err == nil {
			if st2, err := ParseStatus(string(st)); err != nil || st2 != st {
				t.Fatalf("status %q", s)
			}
		}
	})
}
