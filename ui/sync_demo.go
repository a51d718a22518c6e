package ui

import (
	"context"
	"os"
	"path/filepath"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store"
)

// demoConflicts prepares a conflict to show (DELEGATE_SHOW=conflicts): a
// colleague's workspace and a shared folder in a temporary folder, the
// first comment reworded on both sides, synced both ways.
func (m *mainScreen) demoConflicts() {
	if err := makeDemoConflict(m.s.work.ws, ""); err != nil {
		m.s.showError(err)
		return
	}
	nw := &work{ws: m.s.work.ws}
	if err := nw.load(); err != nil {
		m.s.showError(err)
		return
	}
	m.s.work = nw
	m.s.showMain()
	m.s.main.showConflicts()
}

// makeDemoConflict makes ws and a colleague (Ana Lima) edit ws's first
// comment differently through a folder remote under dir ("" = a new
// temporary folder).
func makeDemoConflict(ws *store.Workspace, dir string) error {
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "delegate-demo-"); err != nil {
			return err
		}
	}
	remote := filepath.Join(dir, "delegation.git")
	if _, _, err := ws.AddRemote("demo", remote); err != nil {
		return err
	}
	ctx := context.Background()
	if _, err := ws.Sync(ctx, "demo", store.SyncOptions{}); err != nil {
		return err
	}
	ana, err := store.Create(filepath.Join(dir, "ana"), item.Person{Name: "Ana Lima", Email: "ana.lima@example.org"})
	if err != nil {
		return err
	}
	defer ana.Close()
	if _, _, err := ana.AddRemote("demo", remote); err != nil {
		return err
	}
	if _, err := ana.Sync(ctx, "demo", store.SyncOptions{}); err != nil {
		return err
	}
	cs, err := ws.Comments()
	if err != nil || len(cs) == 0 {
		return err
	}
	mine, theirs := cs[0], cs[0]
	mine.Body = "Replace \"digital divides\" with \"the digital divide\" throughout, and cite the 2024 Facts and Figures for the numbers."
	theirs.Body = "Keep \"digital divides\" (plural, as in Resolution 2), but add the gender digital divide explicitly in this paragraph."
	if err := ana.SaveComment(&theirs, "reword"); err != nil {
		return err
	}
	if _, err := ana.Sync(ctx, "demo", store.SyncOptions{}); err != nil {
		return err
	}
	if err := ws.SaveComment(&mine, "reword"); err != nil {
		return err
	}
	_, err = ws.Sync(ctx, "demo", store.SyncOptions{})
	return err
}
