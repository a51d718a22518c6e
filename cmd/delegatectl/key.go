package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/ProtonMail/go-crypto/openpgp"

	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/userfile"
)

// Environment of signing: the caller names the key file and gives its
// passphrase; Delegate stores neither.
const (
	envSigningKey  = "DELEGATE_SIGNING_KEY"        // armored OpenPGP secret key file
	envSigningPass = "DELEGATE_SIGNING_PASSPHRASE" // its passphrase, if it has one
)

// runKey runs `delegatectl key add FILE | key list [--json] | key require on|off`.
func runKey(e *env, args []string) error {
	usage := usagef("usage: delegatectl key add FILE | key list [--json] | key require on|off")
	if len(args) == 0 {
		return usage
	}
	cmd := newWSCommand(e, "key "+args[0])
	asJSON := cmd.Bool("json", false, "print as JSON")
	return cmd.run(args[1:], nil, func(w *store.Workspace, pos []string) error {
		switch {
		case args[0] == "add" && len(pos) == 1:
			data, err := readInput(pos[0], maxKeyBytes)
			if err != nil {
				return err
			}
			k, err := w.AddPublicKey(data)
			if err != nil {
				return usageError{err}
			}
			fmt.Fprintf(e.stdout, "added %s (%s) as %s: sync to share it with the delegation\n", k.Fingerprint, strings.Join(k.Emails, ", "), k.Path)
		case args[0] == "list" && len(pos) == 0:
			return listKeys(e, w, *asJSON)
		case args[0] == "require" && len(pos) == 1 && (pos[0] == "on" || pos[0] == "off"):
			if err := w.SetRequireSignatures(pos[0] == "on"); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "refuse unsigned work at sync: %s\n", pos[0])
		default:
			return usage
		}
		return nil
	})
}

func listKeys(e *env, w *store.Workspace, asJSON bool) error {
	keys, _, err := w.PublicKeys()
	if err != nil {
		return err
	}
	require, err := w.RequireSignatures()
	if err != nil {
		return err
	}
	fp, signing := w.Signing()
	if asJSON {
		return writeJSON(e, map[string]any{"keys": keys, "require_signed": require, "signing_with": fp})
	}
	for _, k := range keys {
		fmt.Fprintf(e.stdout, "%s  %s  %s\n", k.Fingerprint, strings.Join(k.Emails, ", "), k.Path)
	}
	if len(keys) == 0 {
		fmt.Fprintln(e.stdout, "no keys under keys/: add one with delegatectl key add FILE")
	}
	fmt.Fprintf(e.stdout, "refuse unsigned work at sync: %v\n", map[bool]string{true: "on", false: "off"}[require])
	if signing {
		fmt.Fprintf(e.stdout, "signing your commits with %s ($%s)\n", fp, envSigningKey)
	} else {
		fmt.Fprintf(e.stdout, "not signing: set $%s to your armored secret key file (and $%s)\n", envSigningKey, envSigningPass)
	}
	return nil
}

// useSigningKey turns signing on when $DELEGATE_SIGNING_KEY names a key.
func useSigningKey(w *store.Workspace) error {
	k, err := signingKey()
	if k != nil {
		w.SetSigningKey(k)
	}
	return err
}

// signingKey reads the key $DELEGATE_SIGNING_KEY names; nil if unset.
func signingKey() (*openpgp.Entity, error) {
	path := os.Getenv(envSigningKey)
	if path == "" {
		return nil, nil
	}
	b, err := userfile.Read(path, maxKeyBytes)
	if err != nil {
		return nil, usageError{fmt.Errorf("$%s: %w", envSigningKey, err)}
	}
	k, err := store.ReadSigningKey(bytes.NewReader(b), []byte(os.Getenv(envSigningPass)))
	if err != nil {
		return nil, usageError{fmt.Errorf("$%s: %w (give the passphrase in $%s)", envSigningKey, err, envSigningPass)}
	}
	return k, nil
}
