package export

import (
	"fmt"
	"strings"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/process"
)

// Level says whether a finding stops the export or only warns.
type Level string

// Finding levels.
const (
	LevelWarn   Level = "warning"
	LevelRefuse Level = "refused"
)

// Finding is one problem found before export, in the user's words.
type Finding struct {
	Level   Level  `json:"level"`
	Code    string `json:"code"` // stable: "cover", "contact", "not-approved", "deadline", "new-opinion", "language", "length", ...
	Item    string `json:"item,omitempty"`
	Message string `json:"message"`
}

func warn(code, format string, a ...any) Finding {
	return Finding{Level: LevelWarn, Code: code, Message: fmt.Sprintf(format, a...)}
}

func refuse(code, format string, a ...any) Finding {
	return Finding{Level: LevelRefuse, Code: code, Message: fmt.Sprintf(format, a...)}
}

// Check runs every check that can be made before the document is built
// (the length is checked by Build). It never stops early: the user sees
// all the problems at once.
func Check(in Input) []Finding {
	var out []Finding
	out = append(out, checkCover(in)...)
	out = append(out, checkItems(in)...)
	out = append(out, checkTimeline(in)...)
	out = append(out, checkAmendments(in)...)
	out = append(out, checkLanguage(in)...)
	return out
}

func checkCover(in Input) []Finding {
	var out []Finding
	c := in.Cover
	missing := func(v, code, what string) {
		if strings.TrimSpace(v) == "" {
			out = append(out, refuse(code, "%s is missing: the secretariat's first page needs it", what))
		}
	}
	missing(c.Title, "title", "the Title")
	missing(c.Summary, "summary", "the Summary")
	missing(c.ActionRequired, "action-required", "Action required (e.g. \"The IEG is invited to consider this contribution.\")")
	missing(in.Delegation.Entity, "source", "the Source (the delegation's entity, in the profile)")
	s := in.Sender
	if strings.TrimSpace(s.Name) == "" || strings.TrimSpace(s.Email) == "" {
		out = append(out, refuse("contact", "the contact person is missing: add a contact with name and e-mail to the delegation profile"))
	}
	if in.Process == nil || in.Process.Secretariat == "" {
		out = append(out, refuse("secretariat", "the process profile has no secretariat address to send to"))
	}
	if len(in.Comments)+len(in.Opinions) == 0 {
		out = append(out, refuse("empty", "there is nothing to send: approve some comments or Opinion proposals first"))
	}
	return out
}

func checkItems(in Input) []Finding {
	var out []Finding
	status := func(id string, r item.Review) {
		switch {
		case r.Status == item.StatusWithdrawn:
			out = append(out, Finding{Level: LevelRefuse, Code: "withdrawn", Item: id, Message: id + " is withdrawn: leave it out"})
		case r.Status == item.StatusSubmitted || r.Status == item.StatusAcknowledged:
			out = append(out, Finding{Level: LevelWarn, Code: "resent", Item: id, Message: fmt.Sprintf("%s was already sent in package %s", id, r.Package)})
		case r.Status != item.StatusApproved && !in.IncludeUnapproved:
			out = append(out, Finding{Level: LevelRefuse, Code: "not-approved", Item: id,
				Message: fmt.Sprintf("%s is %s, not approved: approve it or choose to send unapproved items", id, r.Status)})
		}
	}
	for _, c := range in.Comments {
		status(c.ID, c.Review)
	}
	for _, o := range in.Opinions {
		status(o.ID, o.Review)
	}
	return out
}

// checkTimeline warns past the draft's comment deadline and refuses new
// draft Opinions after the Resolution 2 cut-off.
func checkTimeline(in Input) []Finding {
	p := in.Process
	if p == nil {
		return nil
	}
	st := p.State(in.Now)
	var out []Finding
	if d, ok := deadlineFor(p, in.Draft.Version); ok && in.Now.After(d.When().EndOfDay(p.Location())) {
		out = append(out, warn("deadline", "the deadline for comments on the %s was %s (%d days ago); the secretariat may not take late comments",
			p.DraftLabel(in.Draft.Version), d.When().Human(), -st.Day.DaysUntil(d.When())))
	}
	if in.Draft.Version > 0 && st.CurrentDraft > in.Draft.Version {
		out = append(out, warn("superseded", "these comments are on the %s, but the %s is out: check they still apply",
			p.DraftLabel(in.Draft.Version), st.CurrentDraftLabel))
	}
	if st.NewOpinionsAccepted {
		return out
	}
	for _, o := range in.Opinions {
		if o.Amends == 0 {
			out = append(out, Finding{Level: LevelRefuse, Code: "new-opinion", Item: o.ID,
				Message: fmt.Sprintf("%s proposes a new draft Opinion (%q) after the cut-off of %s. %s Turn it into an amendment of an existing draft Opinion, or leave it out.",
					o.ID, o.Title, st.OpinionCutoff.Human(), p.Rules.Citation)})
		}
	}
	return out
}

// deadlineFor finds the comment deadline of a draft.
func deadlineFor(p *process.Profile, version int) (process.Milestone, bool) {
	if version <= 0 {
		return process.Milestone{}, false
	}
	for _, m := range p.Sorted() {
		if m.Kind == process.KindCommentDeadline && m.Draft == version {
			return m, true
		}
	}
	return process.Milestone{}, false
}

func checkLanguage(in Input) []Finding {
	if in.Process != nil && in.Process.Language != "" && !strings.EqualFold(in.Process.Language, "English") {
		return nil
	}
	var out []Finding
	check := func(id, what string, texts ...string) {
		for _, text := range texts {
			if reason := notEnglish(text); reason != "" {
				out = append(out, Finding{Level: LevelWarn, Code: "language", Item: id,
					Message: fmt.Sprintf("%s looks %s; IEG work is in English", what, reason)})
				return
			}
		}
	}
	c := in.Cover
	check("", "the cover (Title, Summary, Action required)", c.Title+". "+c.Summary+" "+c.ActionRequired)
	for _, cm := range in.Comments {
		texts := []string{cm.Body, cm.Reasons}
		if cm.Proposal != nil {
			texts = append(texts, cm.Proposal.Proposed)
		}
		check(cm.ID, "comment "+cm.ID, texts...)
	}
	for _, o := range in.Opinions {
		check(o.ID, "Opinion proposal "+o.ID, o.Text(), o.Reasons)
	}
	return out
}
