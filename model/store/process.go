package store

import (
	"errors"
	"fmt"

	"github.com/delegate-itu/delegate/model/process"
)

// ProcessCorrectionsFile holds the user's corrections to the process dates
// (a moved meeting, an extended deadline), so the embedded profile stays as
// shipped and every correction has a commit saying who made it and when.
const ProcessCorrectionsFile = "process-corrections.toml"

// ProcessCorrections reads the workspace's date corrections; none is not an error.
func (w *Workspace) ProcessCorrections() (process.Corrections, error) {
	b, err := w.readHead(ProcessCorrectionsFile)
	if errors.Is(err, ErrNotFound) {
		return process.Corrections{}, nil
	}
	if err != nil {
		return process.Corrections{}, err
	}
	c, err := process.ParseCorrections(b)
	if err != nil {
		return c, fmt.Errorf("%s: %w", ProcessCorrectionsFile, err)
	}
	return c, nil
}

// SaveProcessCorrections checks the corrections against the profile they
// apply to and commits them; a correction that would break the profile
// (an unknown milestone, a deadline without a day) is refused unsaved.
func (w *Workspace) SaveProcessCorrections(p *process.Profile, c process.Corrections, what string) error {
	if _, err := p.Apply(c); err != nil {
		return fmt.Errorf("process dates not saved: %w", err)
	}
	data, err := c.Format()
	if err != nil {
		return err
	}
	return w.saveFile(ProcessCorrectionsFile, data, "Process dates: "+what, "")
}
