package item

import (
	"fmt"
	"strings"
)

// Kind says what sort of comment it is, as the secretariat's comment tables ask.
type Kind string

// Comment kinds.
const (
	KindGeneral     Kind = "general"
	KindEditorial   Kind = "editorial"
	KindSubstantive Kind = "substantive"
	KindQuestion    Kind = "question"
)

// Kinds lists every comment kind in display order.
var Kinds = []Kind{KindGeneral, KindEditorial, KindSubstantive, KindQuestion}

// ParseKind accepts a kind name in any case.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if strings.EqualFold(s, string(k)) {
			return k, nil
		}
	}
	return "", fieldErr("kind", "%q is not one of general, editorial, substantive, question", s)
}

// Action is the ITU change marker of a text proposal.
type Action string

// ITU change markers. NOC is not offered: a proposal that changes nothing is a comment.
const (
	ActionAdd Action = "ADD"
	ActionMod Action = "MOD"
	ActionSup Action = "SUP"
)

// ParseAction accepts ADD, MOD or SUP in any case.
func ParseAction(s string) (Action, error) {
	for _, a := range []Action{ActionAdd, ActionMod, ActionSup} {
		if strings.EqualFold(s, string(a)) {
			return a, nil
		}
	}
	return "", fieldErr("proposal.action", "%q is not one of ADD, MOD, SUP", s)
}

// Category is the kind of entity entitled to take part (Resolution 2).
type Category string

// Eligible categories (CL-24/44).
const (
	CategoryMemberState    Category = "Member State"
	CategorySectorMember   Category = "Sector Member"
	CategoryAssociate      Category = "Associate"
	CategoryAcademia       Category = "Academia"
	CategoryObserver       Category = "observer organization"
	CategoryStatePalestine Category = "State of Palestine"
)

// Categories lists the eligible categories in the circular's order.
var Categories = []Category{CategoryMemberState, CategorySectorMember, CategoryAssociate,
	CategoryAcademia, CategoryObserver, CategoryStatePalestine}

// ParseCategory accepts a category name in any case.
func ParseCategory(s string) (Category, error) {
	for _, c := range Categories {
		if strings.EqualFold(s, string(c)) {
			return c, nil
		}
	}
	return "", fieldErr("category", "%q is not an eligible category (%s)", s, categoryList())
}

func categoryList() string {
	names := make([]string, len(Categories))
	for i, c := range Categories {
		names[i] = string(c)
	}
	return strings.Join(names, ", ")
}

// SubThemes are the five WTPF-26 sub-themes, numbered 1 to 5 as in the
// Secretary-General's report; items refer to them by number.
var SubThemes = []string{
	"bridging digital divides, especially gender and age, skills and connectivity",
	"green digital transformation: climate change and environmental sustainability",
	"resilience of telecommunications/ICTs",
	"space connectivity",
	"strengthening ICT-centric innovation ecosystems and entrepreneurship",
}

func checkSubTheme(field string, n int) error {
	if n < 1 || n > len(SubThemes) {
		return fieldErr(field, "must be a sub-theme number from 1 to %d, not %d", len(SubThemes), n)
	}
	return nil
}

func checkSubThemes(field string, ns []int) error {
	for i, n := range ns {
		if err := checkSubTheme(fmt.Sprintf("%s[%d]", field, i), n); err != nil {
			return err
		}
	}
	return nil
}
