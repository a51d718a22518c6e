package ui

import (
	"errors"
	"regexp"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/delegate-itu/delegate/model/item"
)

// errText is the best wording of err in the interface language: the
// model's known errors and field problems translated, anything else as
// the model says it.
func errText(err error) string {
	if msg, ok := knownError(err); ok {
		return msg
	}
	var fe *item.FieldError
	if errors.As(err, &fe) {
		if msg, ok := fieldErrorText(fe); ok {
			return msg
		}
	}
	return err.Error()
}

// fieldIndex drops list positions from a field path ("contacts[1].email"
// is the e-mail of a contact).
var fieldIndex = regexp.MustCompile(`\[\d+\]`)

// fieldLabel names a field as the forms label it.
func fieldLabel(path string) string {
	p := fieldIndex.ReplaceAllString(path, "")
	last := p[strings.LastIndex(p, ".")+1:]
	if t, ok := personFieldLabel(last); ok {
		return t
	}
	if t, ok := contentFieldLabel(last); ok {
		return t
	}
	return ""
}

// personFieldLabel labels the fields that describe a person.
func personFieldLabel(f string) (string, bool) {
	switch f {
	case "name":
		return lang.L("Name"), true
	case "email":
		return lang.L("E-mail"), true
	case "entity":
		return lang.L("Entity"), true
	case "organization":
		return lang.L("Organization"), true
	case "country":
		return lang.L("Country"), true
	case "phone":
		return lang.L("Phone"), true
	}
	return "", false
}

// contentFieldLabel labels the fields of a comment, proposal or package.
func contentFieldLabel(f string) (string, bool) {
	switch f {
	case "title":
		return lang.L("Title"), true
	case "summary":
		return lang.L("Summary"), true
	case "action_required":
		return lang.L("Action required"), true
	case "keyword":
		return lang.L("Keyword"), true
	case "heading":
		return lang.L("Heading"), true
	case "body":
		return lang.L("Comment"), true
	case "reviewer_note":
		return lang.L("Note for the author"), true
	case "proposed":
		return lang.L("Proposed text"), true
	case "existing":
		return lang.L("Existing text"), true
	case "subject":
		return lang.L("E-mail subject"), true
	}
	return "", false
}

// fieldErrorText says a field problem in the interface language, for the
// problems a form can meet; false for the others (they stay as the model
// words them).
func fieldErrorText(fe *item.FieldError) (string, bool) {
	pr := fe.Problem
	switch {
	case fe.Field == "contacts" && strings.HasPrefix(pr, "name only one coordinator"):
		return lang.L("Name only one coordinator among the contacts."), true
	case fe.Field == "proposal.proposed" && strings.HasPrefix(pr, "is the same as the existing text"):
		return lang.L("The proposed text is the same as the existing text."), true
	}
	label := fieldLabel(fe.Field)
	if label == "" {
		return "", false
	}
	v := map[string]any{"Field": label}
	switch {
	case strings.HasPrefix(pr, "is required"):
		return lang.L("{{.Field}} is required.", v), true
	case strings.Contains(pr, "is not an e-mail address"):
		return lang.L("{{.Field}}: write an e-mail address like name@example.org.", v), true
	case strings.HasPrefix(pr, "contains a line break"):
		return lang.L("{{.Field}} must be on one line.", v), true
	case strings.HasPrefix(pr, "contains a control character"):
		return lang.L("{{.Field}} contains a control character: remove it.", v), true
	case strings.HasPrefix(pr, "is empty"), strings.HasPrefix(pr, "needs at least one item"):
		return lang.L("{{.Field}} is empty: write it or remove it.", v), true
	}
	return "", false
}
