package store

import (
	"fmt"

	"github.com/delegate-itu/delegate/model/item"
)

// SetUser changes who signs this workspace's commits from now on, in the
// workspace's git config where Create recorded the first user, so the
// desktop app, delegatectl and the git command line agree on the author.
// Commits already made keep their author.
func (w *Workspace) SetUser(p item.Person) error {
	if err := p.Validate("user"); err != nil {
		return fmt.Errorf("%w: %w", ErrNoUser, err)
	}
	cfg, err := w.repo.Config()
	if err != nil {
		return err
	}
	cfg.User.Name, cfg.User.Email = p.Name, p.Email
	if err := w.repo.SetConfig(cfg); err != nil {
		return fmt.Errorf("save the author: %w", err)
	}
	w.user = p
	return nil
}
