package main

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/usecase"
)

// runDraftImport is `delegatectl draft import FILE [--label L]`: it reads
// the draft with model/report (paragraph IDs) and commits both the source
// bytes and the parsed draft to the workspace. draft.go's dispatcher
// calls it for "import".
func runDraftImport(e *env, args []string) error {
	cmd := newWSCommand(e, "draft import")
	label := cmd.String("label", "", "how people call this draft, e.g. \"2nd draft\" (default: from the file)")
	var data []byte
	return cmd.run(args, func(pos []string) (err error) {
		if len(pos) != 1 {
			return usagef("usage: delegatectl draft import FILE [--label L] [--workspace DIR]")
		}
		data, err = report.ReadFile(pos[0], report.ImportOptions{Label: *label}) // refuses a device or a huge file unread
		if err != nil {
			return usageError{err}
		}
		return nil
	}, func(w *store.Workspace, pos []string) error {
		meta, _, err := usecase.ImportDraft(w, usecase.DraftFile{Source: pos[0], Name: filepath.Base(pos[0]), Label: *label, Data: data})
		if errors.Is(err, usecase.ErrBadDraft) || errors.Is(err, store.ErrDraftExists) {
			return usageError{err}
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "imported %s as draft %s (%q, %d numbered paragraphs)\n", meta.Source, meta.ID, meta.Label, meta.Paragraphs)
		return nil
	})
}
