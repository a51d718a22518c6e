package main

import (
	"fmt"
	"os"
	"time"

	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/submit"
)

// runNominate is `delegatectl nominate --name N --organization O --email E
// [--country C --phone P --category K] --out FILE.eml`: an expert
// nomination e-mail to the secretariat, ready to send.
func runNominate(e *env, args []string) error {
	fs := newFlags(e, "nominate")
	dir := workspaceFlag(fs)
	var n item.Nomination
	fs.StringVar(&n.Name, "name", "", "the expert's name")
	fs.StringVar(&n.Organization, "organization", "", "the expert's entity or organization")
	fs.StringVar(&n.Email, "email", "", "the expert's e-mail address")
	fs.StringVar(&n.Country, "country", "", "the expert's country")
	fs.StringVar(&n.Phone, "phone", "", "the expert's phone number")
	category := fs.String("category", "", "Member State, Sector Member, Associate, Academia, observer organization, State of Palestine")
	out := fs.String("out", "", "the .eml file to write")
	sender := fs.String("sender", "", "e-mail of the delegation contact who sends it")
	subject := fs.String("subject", "", "e-mail subject")
	profile := fs.String("profile", "", "a process profile file (default: the embedded WTPF-26 profile)")
	if pos, err := parseInterleaved(fs, args); err != nil {
		return err
	} else if len(pos) > 0 || *out == "" {
		return usagef("usage: delegatectl nominate --name N --organization O --email E [--country C --phone P --category K] --out FILE.eml")
	}
	if *category != "" {
		c, err := item.ParseCategory(*category)
		if err != nil {
			return usageError{err}
		}
		n.Category = c
	}
	p, err := loadProfile(*profile, "")
	if err != nil {
		return usageError{err}
	}
	w, err := openWorkspace(e, *dir)
	if err != nil {
		return err
	}
	defer w.Close()
	in, err := submit.NominationInput(w, p, n, *sender, time.Now())
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
}
