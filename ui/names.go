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

// reasonText translates the carry's explanations (model/anchor), which
// are English sentences; an unknown one is shown as written.
func reasonText(r string) string {
	const two = "; the passage now runs over two paragraphs"
	if base, ok := strings.CutSuffix(r, two); ok {
		return lang.L("{{.Reason}}; the passage now runs over two paragraphs", map[string]any{"Reason": reasonText(base)})
	}
	switch r {
	case "the passage reads the same":
		return lang.L("the passage reads the same")
	case "the passage reads the same; its paragraph moved":
		return lang.L("the passage reads the same; its paragraph moved")
	case "the passage was edited":
		return lang.L("the passage was edited")
	case "the paragraph reads the same":
		return lang.L("the paragraph reads the same")
	case "the paragraph moved":
		return lang.L("the paragraph moved")
	case "the paragraph was split; attached to its first part":
		return lang.L("the paragraph was split; attached to its first part")
	case "the paragraph was merged with another":
		return lang.L("the paragraph was merged with another")
	case "the paragraph was edited":
		return lang.L("the paragraph was edited")
	}
	return r
}
