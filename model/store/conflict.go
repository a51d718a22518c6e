package store

import (
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// ErrNoConflict is returned by ResolveConflict for an item that has no conflict.
var ErrNoConflict = errors.New("no conflict on that item")

// Conflict is a file two people changed differently: the version in
// place (Mine) and every other version kept beside it (Theirs). Nothing
// was overwritten; the user chooses or combines, then ResolveConflict.
type Conflict struct {
	ItemID string         `json:"item_id,omitempty"` // set for comments and Opinion proposals
	Path   string         `json:"path"`              // the file in place, e.g. items/comments/<id>.md
	Mine   []byte         `json:"mine"`              // nil if the file was deleted since
	Theirs []ConflictCopy `json:"theirs"`
}

// ConflictCopy is one other version of a conflicting file.
type ConflictCopy struct {
	From string `json:"from"` // person ID of the branch it came from
	Path string `json:"path"` // where it is kept, under conflicts/
	Data []byte `json:"data"`
}

// Conflicts lists the open conflicts, by path.
func (w *Workspace) Conflicts() ([]Conflict, error) {
	_, _, tree, err := w.head()
	if err != nil || tree.IsZero() {
		return nil, err
	}
	root, err := w.entryHash(tree, ConflictsDir)
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	byPath := map[string]*Conflict{}
	if err := w.walkConflicts(root, ConflictsDir+"/", byPath); err != nil {
		return nil, err
	}
	out := make([]Conflict, 0, len(byPath))
	for _, c := range byPath {
		if c.Mine, _, err = w.readInTree(tree, c.Path); err != nil && !errors.Is(err, ErrNotFound) {
			return nil, err
		}
		sort.Slice(c.Theirs, func(i, j int) bool { return c.Theirs[i].Path < c.Theirs[j].Path })
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

func (w *Workspace) walkConflicts(h plumbing.Hash, prefix string, byPath map[string]*Conflict) error {
	t, err := object.GetTree(w.st, h)
	if err != nil {
		return err
	}
	for _, e := range t.Entries {
		if e.Mode == filemode.Dir {
			if err := w.walkConflicts(e.Hash, prefix+e.Name+"/", byPath); err != nil {
				return err
			}
			continue
		}
		orig, from, ok := originalOf(prefix + e.Name)
		if !ok {
			continue
		}
		blob, err := object.GetBlob(w.st, e.Hash)
		if err != nil {
			return err
		}
		data, err := blobBytes(blob)
		if err != nil {
			return err
		}
		c := byPath[orig]
		if c == nil {
			c = &Conflict{Path: orig, ItemID: itemIDOf(orig)}
			byPath[orig] = c
		}
		c.Theirs = append(c.Theirs, ConflictCopy{From: from, Path: prefix + e.Name, Data: data})
	}
	return nil
}

// originalOf reads conflicts/<dir>/<stem>.from-<id>[-n]<ext> back into
// the path of the file in place and the person ID.
func originalOf(cp string) (orig, from string, ok bool) {
	rest, ok := strings.CutPrefix(cp, ConflictsDir+"/")
	if !ok {
		return "", "", false
	}
	dir, file := path.Split(rest)
	stem, tail, ok := strings.Cut(file, conflictFrom)
	if !ok || stem == "" {
		return "", "", false
	}
	ext := path.Ext(tail)
	from = strings.TrimSuffix(tail, ext)
	return dir + stem + ext, from, true
}

// itemIDOf is the item ID of an item file's path, "" for other files.
func itemIDOf(p string) string {
	for _, d := range []string{CommentsDir + "/", OpinionsDir + "/"} {
		if id, ok := strings.CutPrefix(p, d); ok && strings.HasSuffix(id, ".md") && !strings.Contains(id, "/") {
			return strings.TrimSuffix(id, ".md")
		}
	}
	return ""
}

// ResolveConflict ends the conflict on an item (ID) or file (path): chosen
// becomes the file in place (one of the versions, or a combination the
// user wrote) and the copies under conflicts/ are removed, in one commit.
// The other versions stay in the history.
func (w *Workspace) ResolveConflict(idOrPath string, chosen []byte) error {
	cs, err := w.Conflicts()
	if err != nil {
		return err
	}
	for _, c := range cs {
		if c.ItemID != idOrPath && c.Path != idOrPath {
			continue
		}
		if err := checkChosen(c, chosen); err != nil {
			return err
		}
		changes := []change{{path: c.Path, data: chosen}}
		for _, t := range c.Theirs {
			changes = append(changes, change{path: t.Path, del: true})
		}
		msg := "Resolve the conflict on " + c.Path
		if c.ItemID != "" {
			msg += "\n\nItem: " + c.ItemID
		}
		_, err := w.commit(msg, changes)
		return err
	}
	return fmt.Errorf("%w: %s", ErrNoConflict, idOrPath)
}

// checkChosen refuses an item file that does not parse or names another
// item, so a resolution cannot damage the workspace.
func checkChosen(c Conflict, chosen []byte) error {
	var id string
	switch {
	case strings.HasPrefix(c.Path, CommentsDir+"/"):
		cm, err := ParseComment(chosen)
		if err != nil {
			return fmt.Errorf("the chosen text is not a comment file: %w", err)
		}
		id = cm.ID
	case strings.HasPrefix(c.Path, OpinionsDir+"/"):
		o, err := ParseOpinion(chosen)
		if err != nil {
			return fmt.Errorf("the chosen text is not an Opinion proposal file: %w", err)
		}
		id = o.ID
	default:
		return nil
	}
	if id != c.ItemID {
		return fmt.Errorf("the chosen text is item %s, not %s", id, c.ItemID)
	}
	return nil
}
