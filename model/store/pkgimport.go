package store

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/delegate-itu/delegate/model/item"
)

// Sentinels of a package import, so the CLI and the UI can tell "the
// package would overwrite work" and "the package's sender is not a name"
// from damaged files.
var (
	// ErrCollision: the package holds an item the workspace already has
	// in another version; importing it as it is would overwrite or undo
	// work. Nothing was changed.
	ErrCollision = errors.New("the package would overwrite work in this workspace")
	// ErrSender: the package's sender is not a plain one-line name and
	// address, so it cannot author the import commit. Nothing was changed.
	ErrSender = errors.New("the package's sender is not valid")
)

// OnCollision is the user's choice for items that are already in the
// workspace in another version.
type OnCollision int

const (
	// RefuseCollisions refuses the whole import, naming each item: the
	// default, since a package must never silently replace someone's work.
	RefuseCollisions OnCollision = iota
	// ImportBeside imports each colliding item as a new item with a fresh
	// ID beside the existing one, which stays exactly as it is.
	ImportBeside
)

// Received is what a verified package brings into a workspace.
type Received struct {
	Sender   item.Person
	Package  string
	Comments []item.Comment
	Opinions []item.Opinion
}

// Clash says why an incoming item collides with one in the workspace.
type Clash string

// The clashes, in the words the messages use.
const (
	// ClashDifferent: the workspace holds another version of the item.
	ClashDifferent Clash = "different"
	// ClashOlder: the package holds an older version than the workspace
	// (a replay): importing it would undo later edits.
	ClashOlder Clash = "older"
	// ClashDeleted: the item was deleted in this workspace; importing it
	// would bring it back.
	ClashDeleted Clash = "deleted"
)

// Collision is one incoming item the workspace already has in another
// version, with what the user needs to decide: whose it is and when each
// was last changed.
type Collision struct {
	ID       string      `json:"id"`
	Kind     string      `json:"kind"` // "comment" or "opinion"
	Clash    Clash       `json:"clash"`
	Owner    item.Person `json:"owner"`             // author of the workspace's item
	Yours    bool        `json:"yours"`             // the owner is this workspace's user
	Changed  time.Time   `json:"changed"`           // when the workspace's item was last saved
	By       item.Person `json:"by"`                // who saved it last
	Incoming time.Time   `json:"incoming"`          // the Updated time of the package's item
	Version  int         `json:"version,omitempty"` // ClashOlder: the workspace version the package holds (0: not found)
	Versions int         `json:"versions,omitempty"`
}

// Describe says what the collision is, in English, for the CLI and logs.
func (c Collision) Describe() string {
	whose := c.Owner.Name
	if c.Yours {
		whose += " (yours)"
	}
	kind := KindWord(c.Kind)
	saved := "last saved " + stamp(c.Changed)
	if c.By.Name != "" {
		saved += " by " + c.By.Name
	}
	switch c.Clash {
	case ClashOlder:
		if c.Version > 0 {
			return fmt.Sprintf("%s %s by %s: the package holds version %d of %d, from %s; importing it would undo the later edits (%s)",
				kind, c.ID, whose, c.Version, c.Versions, stamp(c.Incoming), saved)
		}
		return fmt.Sprintf("%s %s by %s: the package holds an older version (changed %s) than the workspace (%s); importing it would undo the later edits",
			kind, c.ID, whose, stamp(c.Incoming), saved)
	case ClashDeleted:
		return fmt.Sprintf("%s %s by %s was deleted in this workspace (%s); importing it would bring it back", kind, c.ID, whose, strings.Replace(saved, "last saved", "on", 1))
	}
	return fmt.Sprintf("%s %s by %s: the workspace holds a different version (%s); importing would replace it", kind, c.ID, whose, saved)
}

// KindWord is "comment" or "Opinion proposal" for a manifest item type.
func KindWord(kind string) string {
	if kind == "opinion" {
		return "Opinion proposal"
	}
	return "comment"
}

func stamp(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") }

// CollisionError refuses an import that would overwrite or undo work; it
// wraps ErrCollision and lists every item, so the user can decide.
type CollisionError struct {
	Package    string
	Collisions []Collision
}

// Error names the colliding items so the coordinator can decide.
func (e *CollisionError) Error() string {
	var b strings.Builder
	which := fmt.Sprintf("%d of its items are", len(e.Collisions))
	if len(e.Collisions) == 1 {
		which = "one of its items is"
	}
	fmt.Fprintf(&b, "package %s was not imported, nothing was changed: %s already in this workspace in another version:", e.Package, which)
	for _, c := range e.Collisions {
		b.WriteString("\n  - " + c.Describe())
	}
	b.WriteString("\nAsk the sender which version is current, or import the package again choosing to import these items beside the existing ones (they get new IDs; the existing items stay as they are).")
	return b.String()
}

// Unwrap lets errors.Is(err, ErrCollision) hold.
func (e *CollisionError) Unwrap() error { return ErrCollision }

// ImportPlan is what importing a package would do, computed without
// writing anything: the CLI and the UI show it before the user chooses.
type ImportPlan struct {
	Package    string      `json:"package"`
	Sender     item.Person `json:"sender"`
	New        []string    `json:"new"`               // items not yet in the workspace
	Same       []string    `json:"same"`              // already in the workspace with this content: nothing to do
	SameAs     []Renamed   `json:"same_as,omitempty"` // of Same, those imported beside earlier, under another ID
	Collisions []Collision `json:"collisions"`        // already there in another version
}

// Renamed is an item imported beside an existing one: its ID in the
// package and the fresh ID it has in the workspace.
type Renamed struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// ImportReport is what an import did.
type ImportReport struct {
	ImportPlan
	Beside []Renamed `json:"beside,omitempty"`
	Commit string    `json:"commit,omitempty"` // empty when nothing was changed
}

// String says what the import did, in English, for the CLI.
func (r ImportReport) String() string {
	n := len(r.New) + len(r.Beside)
	head := fmt.Sprintf("imported %d items from package %s (sent by %s), ready for review", n, r.Package, r.Sender.Name)
	if n == 0 {
		which := fmt.Sprintf("its %d items are", len(r.Same))
		if len(r.Same) == 1 {
			which = "its one item is"
		}
		head = fmt.Sprintf("package %s: nothing to import, %s already in this workspace as sent; nothing was changed", r.Package, which)
	}
	return strings.Join(append([]string{head}, r.Details()...), "\n  ")
}

// Details are the lines under the summary: each item imported beside,
// the items left alone.
func (r ImportReport) Details() []string {
	var out []string
	for _, b := range r.Beside {
		out = append(out, fmt.Sprintf("%s imported as %s, beside the existing %s (left as it was)", b.From, b.To, b.From))
	}
	if n := len(r.New) + len(r.Beside); len(r.Same) > 0 && n > 0 {
		out = append(out, fmt.Sprintf("%d already in this workspace as sent, left as they are: %s", len(r.Same), strings.Join(r.Same, ", ")))
	}
	for _, b := range r.SameAs {
		out = append(out, fmt.Sprintf("%s was imported beside earlier, as %s", b.From, b.To))
	}
	return out
}

// CheckSender refuses a sender that is not a plain one-line name and
// address: the sender becomes the author of the import commit, so a line
// break, a control character, a bidirectional override or an RFC 2047
// encoded word could make it pass for someone else (the coordinator
// included) in the history.
func CheckSender(p item.Person) error {
	if err := p.Validate("sender"); err != nil {
		return err
	}
	for _, f := range []struct{ field, s string }{{"sender.name", p.Name}, {"sender.email", p.Email}} {
		if i := strings.Index(f.s, "=?"); i >= 0 && strings.Contains(f.s[i+2:], "?=") {
			return &item.FieldError{Field: f.field, Problem: "holds an encoded word (=?…?=), which mail programs would show as another text"}
		}
		for _, r := range f.s {
			if (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') {
				return &item.FieldError{Field: f.field, Problem: fmt.Sprintf("holds a bidirectional control character (%U), which can make it read as another name", r)}
			}
		}
	}
	return nil
}

// packageIDOK: a package ID is written into the import commit's message
// (its subject and a "Package:" trailer), so it must be a plain name like
// the ones Delegate makes ("rdx-20241201-1a2b3c4"): a line break in it
// could forge the trailers that say which items a commit holds.
func packageIDOK(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.' || r == '_') {
			return false
		}
	}
	return true
}

// incoming is one item of a package, formatted as it would be saved.
type incoming struct {
	id, kind string
	updated  time.Time
	author   item.Person
	data     []byte // ready for review, as it would be saved
	same     []byte // the content compared with the workspace's versions
	anyID    []byte // same, without the ID: to find it imported beside earlier
	rename   func(id string) ([]byte, error)
}

// PlanImport computes what importing a package would do, writing nothing.
// An item already in the workspace with the same content (its review
// state and Updated time aside, which the coordinator changes) is left
// alone; one in another version is a collision.
func (w *Workspace) PlanImport(in Received) (ImportPlan, error) {
	plan, _, err := w.planImport(in)
	return plan, err
}

// Import saves a package's items in one commit authored by the sender,
// each keeping its own author, ID and times, ready for review. It never
// overwrites: items already there as sent are left alone, and items
// already there in another version are refused (a *CollisionError, and
// nothing is changed) or, with ImportBeside, imported with fresh IDs
// beside the existing ones. An invalid sender refuses the import.
func (w *Workspace) Import(in Received, on OnCollision) (ImportReport, error) {
	plan, items, err := w.planImport(in)
	rep := ImportReport{ImportPlan: plan}
	if err != nil {
		return rep, err
	}
	if len(plan.Collisions) > 0 && on != ImportBeside {
		return rep, &CollisionError{Package: in.Package, Collisions: plan.Collisions}
	}
	clashing := map[string]bool{}
	for _, c := range plan.Collisions {
		clashing[c.ID] = true
	}
	taken := map[string]bool{}
	for _, it := range items {
		taken[it.id] = true
	}
	isNew := map[string]bool{}
	for _, id := range plan.New {
		isNew[id] = true
	}
	var changes []change
	var lines []string
	now := time.Now()
	for _, it := range items {
		switch {
		case isNew[it.id]:
			changes = append(changes, change{path: itemFile(it.kind, it.id), data: it.data})
			lines = append(lines, "Item: "+it.id)
		case clashing[it.id]:
			id, err := w.freshID(it.author, now, taken)
			if err != nil {
				return rep, err
			}
			taken[id] = true
			data, err := it.rename(id)
			if err != nil {
				return rep, err
			}
			changes = append(changes, change{path: itemFile(it.kind, id), data: data})
			lines = append(lines, "Item: "+id, fmt.Sprintf("Beside: %s (%s %s in package %s, kept as it was)", id, KindWord(it.kind), it.id, in.Package))
			rep.Beside = append(rep.Beside, Renamed{From: it.id, To: id})
		}
	}
	if len(changes) == 0 {
		return rep, nil
	}
	subject := fmt.Sprintf("Import %d items from package %s", len(changes), in.Package)
	if len(rep.Beside) > 0 {
		subject += fmt.Sprintf(" (%d beside existing items)", len(rep.Beside))
	}
	msg := subject + "\n\nPackage: " + in.Package + "\n" + strings.Join(lines, "\n")
	saved := w.user
	w.user = in.Sender
	defer func() { w.user = saved }()
	h, err := w.commit(msg, changes)
	if !h.IsZero() {
		rep.Commit = h.String()
	}
	return rep, err
}

func itemFile(kind, id string) string {
	if kind == "opinion" {
		return opinionPath(id)
	}
	return commentPath(id)
}

// freshID is a new item ID for an item imported beside another, unused in
// the workspace's whole history and in the package.
func (w *Workspace) freshID(author item.Person, now time.Time, taken map[string]bool) (string, error) {
	x, err := w.history()
	if err != nil {
		return "", err
	}
	for range 100 {
		id := item.NewID(author, now)
		if !taken[id] && len(x.byPath[commentPath(id)]) == 0 && len(x.byPath[opinionPath(id)]) == 0 {
			return id, nil
		}
	}
	return "", errors.New("no free item ID found") // 100 random draws all taken: not in this universe
}

func (w *Workspace) planImport(in Received) (ImportPlan, []incoming, error) {
	plan := ImportPlan{Package: in.Package, Sender: in.Sender}
	if !packageIDOK(in.Package) {
		return plan, nil, fmt.Errorf("%w: the package was not imported, nothing was changed: its ID %q is not one Delegate makes (letters, digits, '.', '_' and '-', at most 64); it would be recorded in the history", item.ErrInvalid, in.Package)
	}
	if err := CheckSender(in.Sender); err != nil {
		return plan, nil, fmt.Errorf("%w: package %s was not imported, nothing was changed: it names its sender as %q, and %w. A package made by Delegate names its sender plainly, on one line: ask the sender to export it again, and check where this one came from",
			ErrSender, in.Package, in.Sender.Name+" <"+in.Sender.Email+">", err)
	}
	items, err := prepareIncoming(in)
	if err != nil {
		return plan, nil, err
	}
	x, err := w.history()
	if err != nil {
		return plan, nil, err
	}
	var besides map[string]string
	for _, it := range items {
		c, found, err := w.collision(x, it)
		switch {
		case err != nil:
			return plan, nil, err
		case !found:
			plan.New = append(plan.New, it.id)
		case c == nil:
			plan.Same = append(plan.Same, it.id)
		default:
			if besides == nil {
				besides = w.contentIndex()
			}
			if id, ok := besides[it.kind+"\x00"+string(it.anyID)]; ok {
				plan.Same, plan.SameAs = append(plan.Same, it.id), append(plan.SameAs, Renamed{From: it.id, To: id})
				continue
			}
			plan.Collisions = append(plan.Collisions, *c)
		}
	}
	return plan, items, nil
}

// contentIndex maps the content of every item in the workspace, its ID
// aside, to its ID, so a colliding item already imported beside (a
// package imported twice) is found and not imported a second time. A
// damaged item file is left out: at worst its collision is refused.
func (w *Workspace) contentIndex() map[string]string {
	idx := map[string]string{}
	cs, _ := w.Comments()
	for _, c := range cs {
		id := c.ID
		c.ID = ""
		if b, err := commentContent(c); err == nil {
			idx["comment\x00"+string(b)] = id
		}
	}
	ops, _ := w.Opinions()
	for _, o := range ops {
		id := o.ID
		o.ID = ""
		if b, err := opinionContent(o); err == nil {
			idx["opinion\x00"+string(b)] = id
		}
	}
	return idx
}

// prepareIncoming validates and formats each item as it would be saved
// (ready for review), refusing an ID that appears twice.
func prepareIncoming(in Received) ([]incoming, error) {
	var out []incoming
	seen := map[string]bool{}
	add := func(it incoming) error {
		if seen[it.id] {
			return fmt.Errorf("%w: package %s holds the ID %s twice; nothing was imported", item.ErrInvalid, in.Package, it.id)
		}
		seen[it.id] = true
		out = append(out, it)
		return nil
	}
	for _, c := range in.Comments {
		c.Review = item.Review{Status: item.StatusReady}
		c.Normalize()
		if err := c.Validate(); err != nil {
			return nil, fmt.Errorf("comment %s: %w", c.ID, err)
		}
		data, err := FormatComment(c)
		if err != nil {
			return nil, err
		}
		same, err := commentContent(c)
		if err != nil {
			return nil, err
		}
		c := c
		blank := c
		blank.ID = ""
		anyID, err := commentContent(blank)
		if err != nil {
			return nil, err
		}
		if err := add(incoming{id: c.ID, kind: "comment", updated: c.Updated, author: c.Author, data: data, same: same, anyID: anyID,
			rename: func(id string) ([]byte, error) { c.ID = id; return FormatComment(c) }}); err != nil {
			return nil, err
		}
	}
	for _, o := range in.Opinions {
		o.Review = item.Review{Status: item.StatusReady}
		o.Normalize()
		if err := o.Validate(); err != nil {
			return nil, fmt.Errorf("the Opinion proposal %s: %w", o.ID, err)
		}
		data, err := FormatOpinion(o)
		if err != nil {
			return nil, err
		}
		same, err := opinionContent(o)
		if err != nil {
			return nil, err
		}
		o := o
		blank := o
		blank.ID = ""
		anyID, err := opinionContent(blank)
		if err != nil {
			return nil, err
		}
		if err := add(incoming{id: o.ID, kind: "opinion", updated: o.Updated, author: o.Author, data: data, same: same, anyID: anyID,
			rename: func(id string) ([]byte, error) { o.ID = id; return FormatOpinion(o) }}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// commentContent is a comment's file without what the review changes (its
// state and Updated time), so the same comment reviewed compares equal.
func commentContent(c item.Comment) ([]byte, error) {
	c.Review, c.Updated = item.Review{}, time.Time{}
	return FormatComment(c)
}

func opinionContent(o item.Opinion) ([]byte, error) {
	o.Review, o.Updated = item.Review{}, time.Time{}
	return FormatOpinion(o)
}

// content parses a saved item file of either kind into its compared form.
func content(path string, b []byte) ([]byte, time.Time, item.Person, error) {
	if strings.HasPrefix(path, OpinionsDir+"/") {
		o, err := ParseOpinion(b)
		if err != nil {
			return nil, time.Time{}, item.Person{}, err
		}
		same, err := opinionContent(o)
		return same, o.Updated, o.Author, err
	}
	c, err := ParseComment(b)
	if err != nil {
		return nil, time.Time{}, item.Person{}, err
	}
	same, err := commentContent(c)
	return same, c.Updated, c.Author, err
}

// collision compares an incoming item with the workspace: found is false
// when the ID was never used here; a nil collision with found means the
// workspace has it with the same content.
func (w *Workspace) collision(x *historyIndex, it incoming) (*Collision, bool, error) {
	for _, p := range []string{commentPath(it.id), opinionPath(it.id)} {
		entries := x.byPath[p]
		if len(entries) == 0 {
			continue
		}
		c := &Collision{ID: it.id, Kind: it.kind, Incoming: it.updated, Versions: len(entries)}
		last := entries[len(entries)-1]
		if lc, err := object.GetCommit(w.st, last.commit); err == nil {
			c.Changed, c.By = lc.Author.When, item.Person{Name: lc.Author.Name, Email: lc.Author.Email}
		}
		if last.deleted {
			w.deletedCollision(c, entries, p)
			return c, true, nil
		}
		same, err := w.presentCollision(c, entries, p, it)
		if err != nil || same {
			return nil, true, err
		}
		return c, true, nil
	}
	return nil, false, nil
}

// deletedCollision fills c for an ID whose file was removed: its owner is
// the one of the last version that still existed.
func (w *Workspace) deletedCollision(c *Collision, entries []histEntry, p string) {
	c.Clash = ClashDeleted
	for i := len(entries) - 1; i >= 0; i-- {
		if !entries[i].deleted {
			if b, _, err := w.readAt(entries[i].commit, p); err == nil {
				if _, _, owner, err := content(p, b); err == nil {
					c.Owner = owner
				}
			}
			break
		}
	}
	c.Yours = c.Owner == w.user
}

// presentCollision fills c for an ID whose file p is in the workspace;
// same is true when it holds exactly the incoming content.
func (w *Workspace) presentCollision(c *Collision, entries []histEntry, p string, it incoming) (same bool, err error) {
	b, err := w.readHead(p)
	if err != nil {
		return false, err
	}
	cur, updated, owner, err := content(p, b)
	if err != nil {
		return false, fmt.Errorf("%s: %w", p, err)
	}
	c.Owner, c.Yours = owner, owner == w.user
	if p == itemFile(it.kind, it.id) && bytes.Equal(cur, it.same) {
		return true, nil
	}
	c.Clash = ClashDifferent
	if p == itemFile(it.kind, it.id) {
		w.olderCollision(c, entries, p, it, updated)
	}
	return false, nil
}

// olderCollision marks c ClashOlder when the incoming content is one of
// the workspace's earlier versions of p, or older than its last change.
func (w *Workspace) olderCollision(c *Collision, entries []histEntry, p string, it incoming, updated time.Time) {
	for i := len(entries) - 2; i >= 0; i-- {
		if entries[i].deleted {
			continue
		}
		old, _, err := w.readAt(entries[i].commit, p)
		if err != nil {
			continue
		}
		if was, _, _, err := content(p, old); err == nil && bytes.Equal(was, it.same) {
			c.Clash, c.Version = ClashOlder, i+1
			break
		}
	}
	if c.Clash == ClashDifferent && !it.updated.IsZero() && it.updated.Before(updated) {
		c.Clash = ClashOlder
	}
}
