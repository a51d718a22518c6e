package ui

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/process"
	"github.com/delegate-itu/delegate/model/report"
)

// The model's values (kinds, statuses, categories, sub-themes, dates) are
// stored in English; these give their names in the UI language. Selects
// show the names and map back with the *Of functions.

func kindName(k item.Kind) string {
	switch k {
	case item.KindGeneral:
		return lang.L("General")
	case item.KindEditorial:
		return lang.L("Editorial")
	case item.KindSubstantive:
		return lang.L("Substantive")
	case item.KindQuestion:
		return lang.L("Question")
	}
	return string(k)
}

// allStatuses are the review states in the order of the workflow.
var allStatuses = []item.Status{item.StatusDraft, item.StatusReady, item.StatusChangesRequested,
	item.StatusApproved, item.StatusSubmitted, item.StatusAcknowledged, item.StatusWithdrawn}

func statusName(s item.Status) string {
	switch s {
	case item.StatusDraft:
		return lang.X("status.draft", "Draft")
	case item.StatusReady:
		return lang.L("Ready for review")
	case item.StatusChangesRequested:
		return lang.L("Changes requested")
	case item.StatusApproved:
		return lang.L("Approved")
	case item.StatusSubmitted:
		return lang.L("Submitted")
	case item.StatusAcknowledged:
		return lang.L("Acknowledged")
	case item.StatusWithdrawn:
		return lang.L("Withdrawn")
	}
	return string(s)
}

func categoryName(c item.Category) string {
	switch c {
	case item.CategoryMemberState:
		return lang.L("Member State")
	case item.CategorySectorMember:
		return lang.L("Sector Member")
	case item.CategoryAssociate:
		return lang.L("Associate")
	case item.CategoryAcademia:
		return lang.L("Academia")
	case item.CategoryObserver:
		return lang.L("Observer organization")
	case item.CategoryStatePalestine:
		return lang.L("State of Palestine")
	}
	return string(c)
}

// subThemeName is sub-theme n (1..5) of item.SubThemes.
func subThemeName(n int) string {
	switch n {
	case 1:
		return lang.L("bridging digital divides, especially gender and age, skills and connectivity")
	case 2:
		return lang.L("green digital transformation: climate change and environmental sustainability")
	case 3:
		return lang.L("resilience of telecommunications/ICTs")
	case 4:
		return lang.L("space connectivity")
	case 5:
		return lang.L("strengthening ICT-centric innovation ecosystems and entrepreneurship")
	}
	if n >= 1 && n <= len(item.SubThemes) {
		return item.SubThemes[n-1]
	}
	return ""
}

func kindOf(name string) item.Kind {
	for _, k := range item.Kinds {
		if kindName(k) == name || string(k) == name {
			return k
		}
	}
	return item.Kind(name)
}

func statusOf(name string) item.Status {
	for _, s := range allStatuses {
		if statusName(s) == name || string(s) == name {
			return s
		}
	}
	return item.Status(name)
}

func categoryOf(name string) item.Category {
	for _, c := range item.Categories {
		if categoryName(c) == name {
			return c
		}
	}
	return item.Category(name)
}

// dateText writes a profile date the way the UI language does ("1 June
// 2025", "2025年6月1日", "1 июня 2025 г."); a month-only date names the month.
func dateText(d process.Date) string {
	if d.IsZero() {
		return ""
	}
	m := int(d.Month)
	if !d.Exact() {
		return lang.L("{{.Month}} {{.Year}}", map[string]any{"Month": monthName(m), "Year": digits(d.Year)})
	}
	return monthDay(m, d.Day, d.Year)
}

// changeName says how a paragraph changed between drafts.
func changeName(k report.ChangeKind) string {
	switch k {
	case report.ChangeUnchanged:
		return lang.L("unchanged")
	case report.ChangeRenumbered:
		return lang.L("renumbered")
	case report.ChangeModified:
		return lang.L("modified")
	case report.ChangeMoved:
		return lang.L("moved")
	case report.ChangeSplit:
		return lang.L("split")
	case report.ChangeMerged:
		return lang.L("merged")
	case report.ChangeInserted:
		return lang.L("inserted")
	case report.ChangeDeleted:
		return lang.L("deleted")
	}
	return string(k)
}

// labelText translates the WTPF-26 profile's draft labels; another
// profile's labels are shown as written.
func labelText(label string) string {
	switch label {
	case "1st draft":
		return lang.L("1st draft")
	case "2nd draft":
		return lang.L("2nd draft")
	case "3rd draft":
		return lang.L("3rd draft")
	case "4th draft":
		return lang.L("4th draft")
	case "final report":
		return lang.L("final report")
	}
	return label
}

// reasonText translates the carry's explanations (model/anchor): English
// clauses joined by "; ", each translated on its own; an unknown clause is
// shown as written.
func reasonText(r string) string {
	parts := strings.Split(r, "; ")
	out := reasonClause(parts[0])
	for _, p := range parts[1:] {
		if p == "" {
			continue
		}
		out = lang.L("{{.First}}; {{.Then}}", map[string]any{"First": out, "Then": reasonClause(p)})
	}
	return out
}

// reasonClause says one clause of a carry reason (anchor's words) in the
// interface language; an unknown clause shows as written.
func reasonClause(c string) string {
	if t, ok := passageClause(c); ok {
		return t
	}
	if t, ok := paragraphClause(c); ok {
		return t
	}
	if t, ok := opinionClause(c); ok {
		return t
	}
	return c
}

// opinionClause translates the clauses about tables and Opinion proposals.
func opinionClause(c string) (string, bool) {
	switch c {
	case "its table was deleted":
		return lang.L("its table was deleted"), true
	case "the table is unchanged":
		return lang.L("the table is unchanged"), true
	case "the table's rows changed":
		return lang.L("the table's rows changed"), true
	case "the draft it was written on lacks the draft Opinion it amends":
		return lang.L("the draft it was written on lacks the draft Opinion it amends"), true
	case "the new draft has no draft Opinion like the one it amends":
		return lang.L("the new draft has no draft Opinion like the one it amends"), true
	case "the new draft has no draft Opinion made of its text":
		return lang.L("the new draft has no draft Opinion made of its text"), true
	case "the new draft has a draft Opinion made of its text":
		return lang.L("the new draft has a draft Opinion made of its text"), true
	case "the new draft reads as proposed":
		return lang.L("the new draft reads as proposed"), true
	case "some of the changes proposed are in the new draft":
		return lang.L("some of the changes proposed are in the new draft"), true
	case "the lines it changes were edited or removed":
		return lang.L("the lines it changes were edited or removed"), true
	case "the lines it changes read the same":
		return lang.L("the lines it changes read the same"), true
	case "the draft Opinion was renumbered":
		return lang.L("the draft Opinion was renumbered"), true
	}
	return "", false
}

// passageClause translates the clauses about the quoted passage.
func passageClause(c string) (string, bool) {
	switch c {
	case "the passage reads the same":
		return lang.L("the passage reads the same"), true
	case "its paragraph moved":
		return lang.L("its paragraph moved"), true
	case "the passage was edited":
		return lang.L("the passage was edited"), true
	case "the passage now runs over two paragraphs":
		return lang.L("the passage now runs over two paragraphs"), true
	case "the passage reads the same in another paragraph":
		return lang.L("the passage reads the same in another paragraph"), true
	case "the passage reads the same in the rewritten paragraph":
		return lang.L("the passage reads the same in the rewritten paragraph"), true
	case "the passage was deleted from its paragraph":
		return lang.L("the passage was deleted from its paragraph"), true
	case "the passage reads the same in the next paragraphs":
		return lang.L("the passage reads the same in the next paragraphs"), true
	}
	return "", false
}

// paragraphClause translates the clauses about the paragraph and the
// proposed text.
func paragraphClause(c string) (string, bool) {
	switch c {
	case "the paragraph reads the same":
		return lang.L("the paragraph reads the same"), true
	case "the paragraph moved":
		return lang.L("the paragraph moved"), true
	case "the paragraph was split":
		return lang.L("the paragraph was split"), true
	case "attached to its first part":
		return lang.L("attached to its first part"), true
	case "the paragraph was merged with another":
		return lang.L("the paragraph was merged with another"), true
	case "the paragraph was edited":
		return lang.L("the paragraph was edited"), true
	case "the proposed text is in the new draft":
		return lang.L("the proposed text is in the new draft"), true
	case "the text proposed for deletion is gone":
		return lang.L("the text proposed for deletion is gone"), true
	case "most of the proposed text is in the new draft":
		return lang.L("most of the proposed text is in the new draft"), true
	case "the paragraph it was written on is not in the old draft":
		return lang.L("the paragraph it was written on is not in the old draft"), true
	case "its paragraph was deleted":
		return lang.L("its paragraph was deleted"), true
	}
	return "", false
}

// kindWord is a kind as a sentence reads it, in lower case ("general").
func kindWord(k item.Kind) string {
	switch k {
	case item.KindGeneral:
		return lang.L("general")
	case item.KindSubstantive:
		return lang.L("substantive")
	case item.KindEditorial:
		return lang.L("editorial")
	case item.KindQuestion:
		return lang.L("question")
	}
	return string(k)
}
