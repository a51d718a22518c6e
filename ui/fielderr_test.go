package ui

import (
	"testing"
	"time"

	"github.com/delegate-itu/delegate/model/item"
)

// The field problems are taken from the model's own validation, so a
// change of wording there fails here instead of leaving English behind.
func TestFieldProblemsSaidInTheInterfaceLanguage(t *testing.T) {
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"profile without entity", (&item.Profile{Category: item.CategoryMemberState}).Validate(), "Entity is required."},
		{"contact e-mail", (&item.Profile{Entity: "X", Category: item.CategoryMemberState,
			Contacts: []item.Contact{{Name: "A", Email: "not-an-address"}}}).Validate(), "E-mail: write an e-mail address like name@example.org."},
		{"two coordinators", (&item.Profile{Entity: "X", Category: item.CategoryMemberState,
			Contacts: []item.Contact{{Name: "A", Email: "a@example.org", Coordinator: true}, {Name: "B", Email: "b@example.org", Coordinator: true}}}).Validate(),
			"Name only one coordinator among the contacts."},
		{"contact name on two lines", (&item.Profile{Entity: "X", Category: item.CategoryMemberState,
			Contacts: []item.Contact{{Name: "A\nBcc: x@example.org", Email: "a@example.org"}}}).Validate(), "Name must be on one line."},
		{"nomination without name", (&item.Nomination{}).Validate(), "Name is required."},
		{"comment without text", (&item.Comment{ID: "se-250601-abcde", Kind: item.KindGeneral, Author: item.Person{Name: "S", Email: "s@example.org"},
			Anchor: item.Anchor{DraftID: "d", ParagraphID: "p"}, Created: now, Updated: now, Review: item.Review{Status: item.StatusDraft}}).Validate(), "Comment is required."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.err == nil {
				t.Fatal("the model accepted it")
			}
			if got := errText(c.err); got != c.want {
				t.Errorf("errText(%q) = %q, want %q", c.err, got, c.want)
			}
		})
	}
	if got := errText(&item.FieldError{Field: "anchor.end", Problem: "must not be before anchor.start"}); got != "anchor.end must not be before anchor.start" {
		t.Errorf("a problem no form meets stays as the model says it, got %q", got)
	}
}
