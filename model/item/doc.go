// Package item is the vocabulary of a delegation's work on WTPF-26: the
// delegation profile, comments on a report draft, draft Opinion proposals,
// contribution covers and expert nominations, with the rules that keep them
// valid (field checks, the review state machine, Opinion lettering).
//
// Values are plain structs so the store, the export engine and the UI can
// share them; struct tags give their names in the workspace files (TOML) and
// in delegatectl's --json output.
package item

import (
	"errors"
	"fmt"
)

// ErrInvalid is wrapped by every validation error so callers can tell bad
// input from I/O failures with errors.Is.
var ErrInvalid = errors.New("invalid")

// ErrTransition is wrapped when a status change is not allowed from the
// current status (for example approving a withdrawn comment).
var ErrTransition = errors.New("status change not allowed")

// FieldError names the field that is wrong, in the user's words, so a form
// can point at it and the CLI can print it.
type FieldError struct {
	Field   string // dotted path, e.g. "anchor.quote" or "contacts[1].email"
	Problem string // what is wrong, e.g. "is required"
}

// Error names the field first, as a form shows it.
func (e *FieldError) Error() string { return e.Field + " " + e.Problem }

// Unwrap lets errors.Is(err, ErrInvalid) hold for every FieldError.
func (e *FieldError) Unwrap() error { return ErrInvalid }

func fieldErr(field, format string, a ...any) error {
	return &FieldError{Field: field, Problem: fmt.Sprintf(format, a...)}
}
