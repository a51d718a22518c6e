package main

import (
	"fmt"
	"os"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store"
)

// runInit creates a workspace: `delegatectl init --user-name N --user-email E
// [--entity X --category C --country Y] [--workspace DIR]`.
func runInit(e *env, args []string) error {
	fs := newFlags(e, "init")
	dir := workspaceFlag(fs)
	name := fs.String("user-name", os.Getenv("DELEGATE_USER_NAME"), "your name, as it will sign every save (default $DELEGATE_USER_NAME)")
	email := fs.String("user-email", os.Getenv("DELEGATE_USER_EMAIL"), "your e-mail address (default $DELEGATE_USER_EMAIL)")
	entity := fs.String("entity", "", "the delegation's entity, e.g. \"Republic of Xyz\" (optional: creates profile.toml)")
	category := fs.String("category", "Member State", "the entity's category: Member State, Sector Member, Associate, Academia, observer organization, State of Palestine")
	country := fs.String("country", "", "the delegation's country")
	if _, err := parseInterleaved(fs, args); err != nil {
		return err
	}
	user := item.Person{Name: *name, Email: *email}
	if err := user.Validate("user"); err != nil {
		return usagef("init needs --user-name and --user-email (%v)", err)
	}
	var profile *item.Profile
	if *entity != "" {
		cat, err := item.ParseCategory(*category)
		if err != nil {
			return usageError{err}
		}
		profile = &item.Profile{Entity: *entity, Category: cat, Country: *country,
			Contacts: []item.Contact{{Name: user.Name, Email: user.Email, Country: *country, Coordinator: true}}}
		if err := profile.Validate(); err != nil {
			return usageError{err}
		}
	}
	key, err := signingKey()
	if err != nil {
		return err
	}
	where, err := store.Locate(*dir, "")
	if err != nil {
		return usageError{err}
	}
	w, err := store.CreateSigned(where, user, key)
	if err != nil {
		return err
	}
	defer w.Close()
	if profile != nil {
		if err := w.SaveProfile(*profile, "set up the delegation"); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stdout, "created workspace %s for %s <%s>\n", w.Dir(), user.Name, user.Email)
	return nil
}
