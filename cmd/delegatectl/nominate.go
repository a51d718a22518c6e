package main

import (
	"fmt"
	"os"
	"time"

	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/process"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/usecase"
)

// runNominate is `delegatectl nominate --name N --organization O --email E
// [--country C --phone P --category K] --out FILE.eml`: an expert
// nomination e-mail to the secretariat, ready to send.
func runNominate(e *env, args []string) error {
	cmd := newWSCommand(e, "nominate")
	var n item.Nomination
	cmd.StringVar(&n.Name, "name", "", "the expert's name")
	cmd.StringVar(&n.Organization, "organization", "", "the expert's entity or organization")
	cmd.StringVar(&n.Email, "email", "", "the expert's e-mail address")
	cmd.StringVar(&n.Country, "country", "", "the expert's country")
	cmd.StringVar(&n.Phone, "phone", "", "the expert's phone number")
	category := cmd.String("category", "", "Member State, Sector Member, Associate, Academia, observer organization, State of Palestine")
	out := cmd.String("out", "", "the .eml file to write")
	sender := cmd.String("sender", "", "e-mail of the delegation contact who sends it")
	subject := cmd.String("subject", "", "e-mail subject")
	profile := cmd.String("profile", "", "a process profile file (default: the embedded WTPF-26 profile)")
	var p *process.Profile
	return cmd.run(args, func(pos []string) (err error) {
		if len(pos) > 0 || *out == "" {
			return usagef("usage: delegatectl nominate --name N --organization O --email E [--country C --phone P --category K] --out FILE.eml")
		}
		if *category != "" {
			c, err := item.ParseCategory(*category)
			if err != nil {
				return usageError{err}
			}
			n.Category = c
		}
		if p, err = loadProfile(*profile, ""); err != nil {
			return usageError{err}
		}
		return nil
	}, func(w *store.Workspace, _ []string) error {
		in, err := usecase.NominationInput(w, p, n, *sender, time.Now())
		if err != nil {
			return userInput(err)
		}
		in.Subject = *subject
		eml, err := export.Nomination(in)
		if err != nil {
			return usageError{err}
		}
		if err := os.WriteFile(*out, eml, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "wrote %s: nomination of %s to %s (open it, check it, send it)\n", *out, n.Name, in.Process.Secretariat)
		return nil
	})
}
