package main

import (
	"fmt"
	"os"

	"github.com/delegate-itu/delegate/model/process"
	"github.com/delegate-itu/delegate/model/userfile"
)

// Limits of the files a command reads, by format. Each is far above any
// real file of its kind; they stop a device, a runaway file or a wrong
// file from being read whole.
const (
	maxTextBytes     = 1 << 20                 // an item, a comment's body, a conflict's text: as a synced item file
	maxTOMLBytes     = process.MaxProfileBytes // a cover, corrections, a profile
	maxKeyBytes      = 1 << 20                 // an armored OpenPGP key
	maxTemplateBytes = 30 << 20                // a Word template .docx, like a report draft
	maxTokenBytes    = 64 << 10                // an access token on standard input
)

// readInput reads a file the user named, with userfile's bounds; any
// failure is the caller's input (status 2), and nothing has been changed.
func readInput(path string, limit int64) ([]byte, error) {
	b, err := userfile.Read(path, limit)
	if err != nil {
		return nil, usageError{fmt.Errorf("%w; nothing was changed", err)}
	}
	return b, nil
}

// readStdin reads standard input up to limit, refusing more.
func readStdin(limit int64) ([]byte, error) {
	b, err := userfile.ReadFrom(os.Stdin, "standard input", limit)
	if err != nil {
		return nil, usageError{fmt.Errorf("%w; nothing was changed", err)}
	}
	return b, nil
}
