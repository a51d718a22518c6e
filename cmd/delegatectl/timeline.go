package main

import (
	"fmt"
	"io"
	"time"

	"github.com/delegate-itu/delegate/assets"
	"github.com/delegate-itu/delegate/model/process"
	"github.com/delegate-itu/delegate/model/userfile"
)

// timelineOut is the stable --json shape of `delegatectl timeline`.
type timelineOut struct {
	Process string `json:"process"`
	process.State
}

func runTimeline(e *env, args []string) error {
	fs := newFlags(e, "timeline")
	at := fs.String("at", "", "the day to ask about, YYYY-MM-DD (default: today in Geneva)")
	profilePath := fs.String("profile", "", "a process profile file (default: the embedded WTPF-26 profile)")
	corrPath := fs.String("corrections", "", "a file of date corrections to apply to the profile")
	wsDir := fs.String("workspace", "", "apply the date corrections saved in this workspace")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	p, err := loadProfile(*profilePath, *corrPath)
	if err != nil {
		return usageError{err}
	}
	if *wsDir != "" {
		if p, err = withWorkspaceCorrections(e, p, *wsDir); err != nil {
			return err
		}
	}
	when := time.Now()
	if *at != "" {
		d, err := process.ParseDate(*at)
		if err != nil || !d.Exact() {
			return usagef("--at %q: write the day as YYYY-MM-DD", *at)
		}
		when = d.Start(p.Location()).Add(12 * time.Hour)
	}
	s := p.State(when)
	if *asJSON {
		return writeJSON(e, timelineOut{Process: p.ID, State: s})
	}
	printTimeline(e.stdout, p, s)
	return nil
}

// loadProfile reads the embedded or a given profile and applies corrections.
func loadProfile(path, corrections string) (*process.Profile, error) {
	var p *process.Profile
	var err error
	if path == "" {
		p, err = process.Parse(assets.Profile())
	} else {
		p, err = process.Load(path)
	}
	if err != nil || corrections == "" {
		return p, err
	}
	data, err := userfile.Read(corrections, maxTOMLBytes)
	if err != nil {
		return nil, fmt.Errorf("corrections: %w", err)
	}
	c, err := process.ParseCorrections(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", corrections, err)
	}
	return p.Apply(c)
}

func printTimeline(w io.Writer, p *process.Profile, s process.State) {
	fmt.Fprintf(w, "%s\nOn %s (%s time):\n", p.Name, s.Day.Human(), p.TimeZone)
	switch {
	case s.CurrentDraft == 0:
		fmt.Fprintln(w, "  Current draft:  none published yet")
	case s.FinalReportOut:
		fmt.Fprintf(w, "  Current draft:  the %s is out\n", s.CurrentDraftLabel)
	default:
		fmt.Fprintf(w, "  Current draft:  %s\n", s.CurrentDraftLabel)
	}
	if d := s.NextDeadline; d != nil {
		state := "closed"
		if s.CommentWindowOpen {
			state = "open"
		}
		fmt.Fprintf(w, "  Comments:       %s; next deadline %s (%s), %s\n", state, d.When().Human(), p.DraftLabel(d.Draft), daysLeft(d.DaysLeft))
	} else {
		fmt.Fprintln(w, "  Comments:       no further comment deadline")
	}
	if s.NewOpinionsAccepted {
		fmt.Fprintf(w, "  Draft Opinions: new ones accepted until %s\n", s.OpinionCutoff.Human())
	} else {
		fmt.Fprintf(w, "  Draft Opinions: no new draft Opinion is accepted since %s; amendments to existing ones only\n", s.OpinionCutoff.Human())
	}
	fmt.Fprintln(w, "\nMilestones:")
	for _, m := range s.Milestones {
		fmt.Fprintf(w, "  %-8s %-16s %s\n", m.Phase, m.When().Human(), m.Title)
	}
}

func daysLeft(n int) string {
	switch n {
	case 0:
		return "closes today"
	case 1:
		return "1 day left"
	}
	return fmt.Sprintf("%d days left", n)
}

// withWorkspaceCorrections applies the date corrections a workspace holds.
func withWorkspaceCorrections(e *env, p *process.Profile, dir string) (*process.Profile, error) {
	w, err := openWorkspace(e, dir)
	if err != nil {
		return nil, err
	}
	defer w.Close()
	c, err := w.ProcessCorrections()
	if err != nil {
		return nil, err
	}
	return p.Apply(c)
}
