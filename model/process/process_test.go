package process

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

func wtpf(t testing.TB) *Profile {
	t.Helper()
	p, err := Load("../../assets/profiles/wtpf-26.toml")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// geneva returns an instant on a Geneva civil day at hh:mm.
func geneva(t testing.TB, day string, hh, mm int) time.Time {
	t.Helper()
	d, err := ParseDate(day)
	if err != nil {
		t.Fatal(err)
	}
	loc, _ := time.LoadLocation("Europe/Zurich")
	return time.Date(d.Year, d.Month, d.Day, hh, mm, 0, 0, loc)
}

func TestStateAroundEveryDeadline(t *testing.T) {
	p := wtpf(t)
	cases := []struct {
		day        string
		draft      int
		open       bool
		next       string // next deadline day, "" for none
		daysLeft   int
		newOpinion bool
	}{
		{"2024-08-04", 0, false, "2024-08-26", 22, true},
		{"2024-08-05", 1, true, "2024-08-26", 21, true},
		{"2024-08-25", 1, true, "2024-08-26", 1, true},
		{"2024-08-26", 1, true, "2024-08-26", 0, true},
		{"2024-08-27", 1, false, "2024-12-20", 115, true},
		{"2024-11-04", 2, true, "2024-12-20", 46, true},
		{"2024-12-19", 2, true, "2024-12-20", 1, true},
		{"2024-12-20", 2, true, "2024-12-20", 0, true},
		{"2024-12-21", 2, false, "2025-06-16", 177, true},
		{"2025-03-30", 2, false, "2025-06-16", 78, true},
		{"2025-03-31", 3, true, "2025-06-16", 77, true},
		{"2025-06-01", 3, true, "2025-06-16", 15, true},
		{"2025-06-15", 3, true, "2025-06-16", 1, true},
		{"2025-06-16", 3, true, "2025-06-16", 0, true},
		{"2025-06-17", 3, false, "2025-12-19", 185, true},
		{"2025-11-03", 4, true, "2025-12-19", 46, true},
		{"2025-12-18", 4, true, "2025-12-19", 1, true},
		{"2025-12-19", 4, true, "2025-12-19", 0, true},
		{"2025-12-20", 4, false, "", 0, false},
		{"2026-04-12", 4, false, "", 0, false},
		{"2026-04-13", 5, false, "", 0, false},
		{"2026-05-01", 5, false, "", 0, false},
	}
	for _, c := range cases {
		t.Run(c.day, func(t *testing.T) {
			s := p.State(geneva(t, c.day, 12, 0))
			if s.CurrentDraft != c.draft {
				t.Errorf("current draft = %d, want %d", s.CurrentDraft, c.draft)
			}
			if s.CommentWindowOpen != c.open {
				t.Errorf("comment window open = %v, want %v", s.CommentWindowOpen, c.open)
			}
			if s.NewOpinionsAccepted != c.newOpinion {
				t.Errorf("new opinions accepted = %v, want %v", s.NewOpinionsAccepted, c.newOpinion)
			}
			switch {
			case c.next == "" && s.NextDeadline != nil:
				t.Errorf("next deadline = %s, want none", s.NextDeadline.When())
			case c.next != "" && s.NextDeadline == nil:
				t.Errorf("no next deadline, want %s", c.next)
			case c.next != "":
				if got := s.NextDeadline.When().String(); got != c.next || s.NextDeadline.DaysLeft != c.daysLeft {
					t.Errorf("next deadline = %s (%d days), want %s (%d days)", got, s.NextDeadline.DaysLeft, c.next, c.daysLeft)
				}
			}
		})
	}
}

// A deadline holds until midnight in Geneva, whatever the user's zone.
func TestDeadlineIsEndOfDayInGeneva(t *testing.T) {
	p := wtpf(t)
	last := geneva(t, "2025-06-16", 23, 59)
	if s := p.State(last); s.NextDeadline == nil || s.NextDeadline.Planned.String() != "2025-06-16" {
		t.Fatalf("23:59 Geneva on the deadline day: next deadline = %+v, want 2025-06-16", s.NextDeadline)
	}
	after := last.Add(time.Minute)
	if s := p.State(after); s.CommentWindowOpen || s.NextDeadline.Planned.String() != "2025-12-19" {
		t.Fatalf("00:00 Geneva the day after: open=%v next=%v", s.CommentWindowOpen, s.NextDeadline.When())
	}
	// 23:30 in New York on the 16th is already the 17th in Geneva.
	ny, _ := time.LoadLocation("America/New_York")
	late := time.Date(2025, 6, 16, 23, 30, 0, 0, ny)
	if s := p.State(late); s.CommentWindowOpen {
		t.Fatalf("23:30 New York on 16 June is past the Geneva deadline, but the window is open")
	}
}

func TestMilestonePhases(t *testing.T) {
	p := wtpf(t)
	s := p.State(geneva(t, "2024-10-08", 10, 0))
	phases := map[string]Phase{}
	for _, m := range s.Milestones {
		phases[m.ID] = m.Phase
	}
	want := map[string]Phase{
		"draft1-comments": PhasePast, "ieg1": PhaseCurrent,
		"draft2-published": PhaseNext, "draft2-comments": PhaseFuture,
	}
	for id, ph := range want {
		if phases[id] != ph {
			t.Errorf("%s: phase %q, want %q", id, phases[id], ph)
		}
	}
	for i := 1; i < len(s.Milestones); i++ {
		if s.Milestones[i].When().Before(s.Milestones[i-1].When()) {
			t.Fatalf("milestones out of order at %d: %s after %s", i, s.Milestones[i].ID, s.Milestones[i-1].ID)
		}
	}
}

func TestCorrectionsMoveDeadline(t *testing.T) {
	p := wtpf(t)
	c, err := ParseCorrections([]byte("[[correction]]\nid = \"draft3-comments\"\nactual = \"2025-06-30\"\nnote = \"extended\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	q, err := p.Apply(c)
	if err != nil {
		t.Fatal(err)
	}
	s := q.State(geneva(t, "2025-06-20", 9, 0))
	if !s.CommentWindowOpen || s.NextDeadline.When().String() != "2025-06-30" || s.NextDeadline.DaysLeft != 10 {
		t.Fatalf("after extension: open=%v next=%+v", s.CommentWindowOpen, s.NextDeadline)
	}
	if m, _ := p.Milestone("draft3-comments"); !m.Actual.IsZero() {
		t.Fatal("Apply changed the original profile")
	}
	out, err := c.Format()
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseCorrections(out)
	if err != nil || len(back.Corrections) != 1 || back.Corrections[0] != c.Corrections[0] {
		t.Fatalf("round trip: %v %+v\n%s", err, back, out)
	}
	if _, err := p.Apply(Corrections{Corrections: []Correction{{ID: "nope", Planned: Date{2025, 1, 1}}}}); !errors.Is(err, ErrBadProfile) {
		t.Fatalf("unknown milestone: err = %v", err)
	}
}

var badProfiles = []struct {
	name, toml, want string
}{
	{"not toml", "name = ", "bad process profile"},
	{"unknown key", validHead + "colour = \"red\"\n" + oneMilestone, "unknown setting \"colour\""},
	{"bad date", validHead + strings.Replace(oneMilestone, "2025-06-16", "2025-13-01", 1), "not a date"},
	{"no such day", validHead + strings.Replace(oneMilestone, "2025-06-16", "2025-02-30", 1), "no such day"},
	{"bad kind", validHead + strings.Replace(oneMilestone, "comment-deadline", "party", 1), "unknown kind"},
	{"bad mail", strings.Replace(validHead, "wtpf@itu.int", "nobody", 1) + oneMilestone, "not an e-mail address"},
	{"bad zone", strings.Replace(validHead, "Europe/Zurich", "Mars/Olympus", 1) + oneMilestone, "time zone"},
	{"no milestones", validHead, "no milestones"},
	{"month deadline", validHead + strings.Replace(oneMilestone, "2025-06-16", "2025-06", 1), "needs a day"},
	{"duplicate", validHead + oneMilestone + oneMilestone, "used twice"},
	{"bad cutoff", validHead + "[rules]\nnew_opinion_cutoff = \"x\"\n" + oneMilestone, "not a milestone"},
}

const validHead = "name = \"Test\"\nsecretariat = \"wtpf@itu.int\"\ntimezone = \"Europe/Zurich\"\ndraft_labels = [\"1st draft\"]\n"
const oneMilestone = "[[milestone]]\nid = \"d1\"\nkind = \"comment-deadline\"\ndraft = 1\ntitle = \"x\"\nplanned = \"2025-06-16\"\n"

func TestParseRejectsBadProfiles(t *testing.T) {
	if _, err := Parse([]byte(validHead + oneMilestone)); err != nil {
		t.Fatalf("the valid base profile is refused: %v", err)
	}
	for _, c := range badProfiles {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse([]byte(c.toml))
			if !errors.Is(err, ErrBadProfile) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want %q", err, c.want)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(t.TempDir() + "/none.toml")
	if !errors.Is(err, ErrBadProfile) || !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("err = %v", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(validHead + oneMilestone))
	for _, c := range badProfiles {
		f.Add([]byte(c.toml))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(data)
		if err != nil {
			if !errors.Is(err, ErrBadProfile) {
				t.Fatalf("error not wrapped: %v", err)
			}
			return
		}
		_ = p.State(time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)) // must not panic
	})
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{"2025-06-16": "16 June 2025", "2025-02": "February 2025"} {
		d, err := ParseDate(in)
		if err != nil || d.Human() != want || d.String() != in {
			t.Errorf("%s: %v %q %q", in, err, d.Human(), d.String())
		}
	}
	for _, in := range []string{"", "2025", "16/06/2025", "2025-6-1", "2025-00-10", "2025-06-31", "x-y-z", "2000-+1", "+025-06-01", "2025-06-+1"} { // the last three found by FuzzParseDate
		if _, err := ParseDate(in); !errors.Is(err, ErrBadDate) {
			t.Errorf("%q: err = %v", in, err)
		}
	}
}

func BenchmarkState(b *testing.B) {
	p := wtpf(b)
	at := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	for b.Loop() {
		_ = p.State(at)
	}
}

func BenchmarkParseProfile(b *testing.B) {
	data, err := os.ReadFile("../../assets/profiles/wtpf-26.toml")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

func TestCorrectionsSetMerges(t *testing.T) {
	var c Corrections
	c.Set(Correction{ID: "ieg2", Actual: Date{2025, 2, 10}})
	c.Set(Correction{ID: "ieg2", End: Date{2025, 2, 11}, Note: "two days"})
	c.Set(Correction{ID: "ieg3", Planned: Date{2025, 9, 22}})
	if len(c.Corrections) != 2 {
		t.Fatalf("corrections: %+v", c.Corrections)
	}
	got := c.Corrections[0]
	if got.Actual.String() != "2025-02-10" || got.End.String() != "2025-02-11" || got.Note != "two days" {
		t.Fatalf("merged correction: %+v", got)
	}
}
