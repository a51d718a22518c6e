package process

import "time"

// Phase places a milestone relative to the day asked about.
type Phase string

// Phases of a milestone on a given day.
const (
	PhasePast    Phase = "past"
	PhaseCurrent Phase = "current" // today, or a meeting under way
	PhaseNext    Phase = "next"    // the first one still to come
	PhaseFuture  Phase = "future"
)

// Dated is a milestone with its phase on the day asked about.
type Dated struct {
	Milestone
	Phase Phase `json:"phase"`
}

// Deadline is the next comment deadline and how long is left.
type Deadline struct {
	Milestone
	DaysLeft int `json:"days_left"` // 0 on the day itself
}

// State answers "where does the process stand today?".
type State struct {
	Day Date `json:"day"`
	// CurrentDraft is the latest report draft published by Day (0 before the first).
	CurrentDraft      int    `json:"current_draft"`
	CurrentDraftLabel string `json:"current_draft_label,omitempty"`
	// CommentWindowOpen is true when comments on the current draft are still taken.
	CommentWindowOpen bool      `json:"comment_window_open"`
	NextDeadline      *Deadline `json:"next_deadline,omitempty"`
	// NewOpinionsAccepted is false after the Resolution 2 cut-off: only
	// amendments to existing draft Opinions may then be submitted.
	NewOpinionsAccepted bool    `json:"new_opinions_accepted"`
	OpinionCutoff       Date    `json:"opinion_cutoff,omitzero"`
	OpinionRule         string  `json:"opinion_rule,omitempty"`
	FinalReportOut      bool    `json:"final_report_out"`
	Milestones          []Dated `json:"milestones"`
}

// State computes the process state at instant t. Dates are civil dates in
// the profile's zone and a deadline holds until the end of its day there.
func (p *Profile) State(t time.Time) State {
	loc := p.Location()
	s := State{Day: DateOf(t, loc), NewOpinionsAccepted: true, OpinionRule: p.Rules.Citation}
	for _, m := range p.Sorted() {
		s.Milestones = append(s.Milestones, Dated{Milestone: m, Phase: p.phase(m, t)})
		reached := !t.Before(m.When().Start(loc))
		switch m.Kind {
		case KindDraftPublished, KindFinalReport:
			if reached && m.Draft >= s.CurrentDraft {
				s.CurrentDraft = m.Draft
				s.FinalReportOut = s.FinalReportOut || m.Kind == KindFinalReport
			}
		case KindCommentDeadline:
			if s.NextDeadline == nil && !t.After(m.When().EndOfDay(loc)) {
				s.NextDeadline = &Deadline{Milestone: m, DaysLeft: s.Day.DaysUntil(m.When())}
			}
		}
	}
	if s.CurrentDraft > 0 {
		s.CurrentDraftLabel = p.DraftLabel(s.CurrentDraft)
	}
	s.CommentWindowOpen = s.NextDeadline != nil && s.NextDeadline.Draft == s.CurrentDraft && s.CurrentDraft > 0
	if cut, ok := p.Milestone(p.Rules.NewOpinionCutoff); ok {
		s.OpinionCutoff = cut.When()
		s.NewOpinionsAccepted = !t.After(cut.When().EndOfDay(loc))
	}
	markNext(s.Milestones)
	return s
}

func (p *Profile) phase(m Milestone, t time.Time) Phase {
	loc := p.Location()
	last := m.When()
	if !m.End.IsZero() {
		last = m.End
	}
	switch {
	case t.Before(m.When().Start(loc)):
		return PhaseFuture
	case t.After(last.EndOfDay(loc)):
		return PhasePast
	}
	return PhaseCurrent
}

// markNext turns the first future milestone into the next one.
func markNext(ms []Dated) {
	for i := range ms {
		if ms[i].Phase == PhaseFuture {
			ms[i].Phase = PhaseNext
			return
		}
	}
}
