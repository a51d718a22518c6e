package main

import (
	"fmt"
	"strings"

	"github.com/delegate-itu/delegate/model/process"
	"github.com/delegate-itu/delegate/model/store"
)

// runCorrect is `delegatectl correct MILESTONE [--planned D] [--actual D]
// [--end D] [--note T]`: saves a correction of a process date in the
// workspace, because the secretariat moves meetings and deadlines.
func runCorrect(e *env, args []string) error {
	cmd := newWSCommand(e, "correct")
	planned := cmd.String("planned", "", "the new planned date, YYYY-MM-DD or YYYY-MM")
	actual := cmd.String("actual", "", "the date it really happened, YYYY-MM-DD")
	end := cmd.String("end", "", "the last day of a multi-day meeting")
	note := cmd.String("note", "", "why the date changed, shown beside it")
	var fix process.Correction
	var p *process.Profile
	return cmd.run(args, func(pos []string) (err error) {
		if len(pos) != 1 {
			return usagef("name one milestone, e.g. delegatectl correct ieg2 --actual 2025-02-10 (see delegatectl timeline --json for the ids)")
		}
		fix = process.Correction{ID: pos[0], Note: strings.TrimSpace(*note)}
		for _, f := range []struct {
			name, val string
			to        *process.Date
		}{{"planned", *planned, &fix.Planned}, {"actual", *actual, &fix.Actual}, {"end", *end, &fix.End}} {
			if f.val == "" {
				continue
			}
			d, err := process.ParseDate(f.val)
			if err != nil {
				return usagef("--%s: %v", f.name, err)
			}
			*f.to = d
		}
		if fix.Planned.IsZero() && fix.Actual.IsZero() && fix.End.IsZero() && fix.Note == "" {
			return usagef("say what to correct: --planned, --actual, --end or --note")
		}
		if p, err = loadProfile("", ""); err != nil {
			return err
		}
		return nil
	}, func(w *store.Workspace, pos []string) error {
		c, err := w.ProcessCorrections()
		if err != nil {
			return err
		}
		c.Set(fix)
		if err := w.SaveProcessCorrections(p, c, "correct "+fix.ID); err != nil {
			return usageError{err}
		}
		fmt.Fprintf(e.stdout, "saved the correction of %s\n", fix.ID)
		return nil
	})
}
