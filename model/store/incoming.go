package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/process"
)

// ErrUnsafeRemote is wrapped when a colleague's branch on a remote holds
// work Delegate will not bring into the workspace: a path that would
// escape the folder or break on Windows or macOS, a link, a huge or
// unreadable item file, a branch name no person has. Nothing of that
// branch is brought in; the other colleagues' work still is.
var ErrUnsafeRemote = errors.New("it holds a file Delegate will not bring into your workspace, so none of it was brought in")

// Limits on what a synced branch may hold: far above any delegation's work.
const (
	maxIncomingEntries  = 100000 // in one commit's tree
	maxIncomingDepth    = 12
	maxIncomingBlob     = 64 << 20 // a report draft's source is at most 30 MB
	maxIncomingItemFile = 1 << 20  // an item file is a few kilobytes
	maxIncomingTree     = 16 << 20 // 100,000 entries of a short name
	maxIncomingCommits  = 200000   // new commits one branch may bring at once
	maxIncomingName     = 128      // bytes; ext4 takes 255, eCryptfs 143
	maxIncomingPath     = 240      // bytes; Windows paths stop at 260 in all
	maxIncomingDraft    = 32 << 20 // a draft record (JSON) of a 300-page report is ~5 MB
	maxPersonID         = 100
)

// A person's branch is people/<id>, where id is what PersonID makes of an
// e-mail address. Any other name is refused before it is used in a path.
var personIDPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// validPersonID reports whether id can name a person's branch: the shape
// PersonID gives, which is also a safe file and ref name everywhere.
func validPersonID(id string) bool {
	return len(id) <= maxPersonID && personIDPattern.MatchString(id) && !item.WindowsReservedName(id)
}

// pathHash is an object at a path: the same blob is an item file in one
// folder and an opaque file in another, so checks are kept per path.
type pathHash struct {
	path string
	hash plumbing.Hash
}

// incomingCheck checks what colleagues' branches bring, before any of it
// reaches the workspace. trusted holds the trees and files of the
// workspace's own current version at their paths (already checked, or
// saved here under the same rules); seen what this sync has checked.
// Objects merely present in .git/objects are not trusted: an earlier sync
// may have copied history it never looked at.
type incomingCheck struct {
	src     storer.EncodedObjectStorer
	trusted map[pathHash]bool
	ours    map[plumbing.Hash]bool // commits of the workspace's own history
	seen    map[pathHash]bool
}

// newIncomingCheck prepares a check of branches read from src against the
// workspace's current version.
func (w *Workspace) newIncomingCheck(src storer.EncodedObjectStorer) (*incomingCheck, error) {
	_, head, tree, err := w.head()
	if err != nil {
		return nil, err
	}
	in := &incomingCheck{src: src, trusted: map[pathHash]bool{}, ours: map[plumbing.Hash]bool{}, seen: map[pathHash]bool{}}
	if !head.IsZero() {
		if in.ours, err = w.ancestors(head); err != nil {
			return nil, err
		}
	}
	return in, w.trustTree(in.trusted, tree, "")
}

// trustTree records the trees and files under h as the workspace's own.
func (w *Workspace) trustTree(into map[pathHash]bool, h plumbing.Hash, dir string) error {
	if h.IsZero() || into[pathHash{dir, h}] {
		return nil
	}
	into[pathHash{dir, h}] = true
	t, err := object.GetTree(w.st, h)
	if err != nil {
		return err
	}
	for _, e := range t.Entries {
		p := joinPath(dir, e.Name)
		if e.Mode.IsFile() {
			into[pathHash{p, e.Hash}] = true
		} else if err := w.trustTree(into, e.Hash, p); err != nil {
			return err
		}
	}
	return nil
}

func joinPath(dir, name string) string {
	if dir == "" {
		return name
	}
	return dir + "/" + name
}

// branch checks every commit tip brings that the workspace's history
// lacks, whether or not its objects are already in .git/objects: the
// tip's tree and the tree of each new commit in its history.
func (in *incomingCheck) branch(tip plumbing.Hash) error {
	stack := []plumbing.Hash{tip}
	done := map[plumbing.Hash]bool{}
	for len(stack) > 0 {
		h := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if in.ours[h] || done[h] {
			continue
		}
		if done[h] = true; len(done) > maxIncomingCommits {
			return fmt.Errorf("%w: it brings more than %d new versions at once", ErrUnsafeRemote, maxIncomingCommits)
		}
		c, err := object.GetCommit(in.src, h)
		if err != nil {
			return fmt.Errorf("%w: version %s cannot be read: %v", ErrUnsafeRemote, h, err)
		}
		n := 0
		if err := in.tree(c.TreeHash, "", 0, &n); err != nil {
			return err
		}
		stack = append(stack, c.ParentHashes...)
	}
	return nil
}

// tree checks one folder: its raw encoding as git fsck would, each name
// as Windows, macOS and git accept it, and what it holds.
func (in *incomingCheck) tree(h plumbing.Hash, dir string, depth int, n *int) error {
	key := pathHash{dir, h}
	if in.trusted[key] || in.seen[key] {
		return nil
	}
	if depth > maxIncomingDepth {
		return fmt.Errorf("%w: %s is nested more than %d folders deep", ErrUnsafeRemote, dir, maxIncomingDepth)
	}
	raw, err := in.read(h, plumbing.TreeObject, maxIncomingTree)
	if err != nil {
		return fmt.Errorf("%w: folder %q cannot be read: %v", ErrUnsafeRemote, dir, err)
	}
	entries, err := parseIncomingTree(raw)
	if err != nil {
		return fmt.Errorf("%w: folder %q %v", ErrUnsafeRemote, dir, err)
	}
	folded := map[string]string{}
	for _, e := range entries {
		if *n++; *n > maxIncomingEntries {
			return fmt.Errorf("%w: it holds more than %d files", ErrUnsafeRemote, maxIncomingEntries)
		}
		p := joinPath(dir, e.name)
		if err := checkIncomingName(e.name); err != nil {
			return fmt.Errorf("%w: %q %v", ErrUnsafeRemote, p, err)
		}
		if len(p) > maxIncomingPath {
			return fmt.Errorf("%w: %q is a path of %d bytes, longer than Windows can hold", ErrUnsafeRemote, p, len(p))
		}
		f := foldName(e.name)
		if other, dup := folded[f]; dup {
			return fmt.Errorf("%w: %q and %q are the same file on Windows and macOS", ErrUnsafeRemote, joinPath(dir, other), p)
		}
		folded[f] = e.name
		switch e.mode {
		case "40000":
			err = in.tree(e.hash, p, depth+1, n)
		case "100644", "100755":
			err = in.file(p, e.hash)
		case "120000", "160000":
			err = fmt.Errorf("%w: %q is a link or a sub-repository, not a file", ErrUnsafeRemote, p)
		default:
			err = fmt.Errorf("%w: %q has a file mode (%s) git does not accept", ErrUnsafeRemote, p, e.mode)
		}
		if err != nil {
			return err
		}
	}
	if err := in.draftFolder(dir, entries); err != nil {
		return err
	}
	in.seen[key] = true
	return nil
}

// treeEntry is one entry of a raw tree, its mode as written.
type treeEntry struct {
	mode string
	name string
	hash plumbing.Hash
}

// parseIncomingTree reads a raw tree strictly: no empty or slash-holding
// names, modes without padding, entries in git's order and none twice.
// go-git reads such trees, but git fsck refuses them and git's own tools
// then misbehave on the workspace.
func parseIncomingTree(raw []byte) ([]treeEntry, error) {
	var out []treeEntry
	var prev rawEntry
	for rest := raw; len(rest) > 0; {
		sp := bytes.IndexByte(rest, ' ')
		nul := bytes.IndexByte(rest, 0)
		if sp <= 0 || nul < sp || len(rest) < nul+21 {
			return nil, errors.New("is a damaged tree")
		}
		e := treeEntry{mode: string(rest[:sp]), name: string(rest[sp+1 : nul])}
		copy(e.hash[:], rest[nul+1:nul+21])
		if e.name == "" || strings.Contains(e.name, "/") {
			return nil, fmt.Errorf("holds an entry named %q, which git refuses", e.name)
		}
		cur := rawEntry{dir: e.mode == "40000", name: rest[sp+1 : nul]}
		if len(out) > 0 {
			switch c := gitCmp(prev, cur); {
			case c == 0 || prev.dir != cur.dir && bytes.Equal(prev.name, cur.name):
				return nil, fmt.Errorf("holds %q twice", e.name)
			case c > 0:
				return nil, errors.New("is not sorted as git sorts folders (git fsck refuses it)")
			}
		}
		prev, rest = cur, rest[nul+21:]
		out = append(out, e)
	}
	return out, nil
}

// foldName is the name as case-insensitive file systems compare it
// (Windows, and macOS by default): "README.MD" and "README.md" are one.
func foldName(name string) string {
	return cases.Fold().String(norm.NFC.String(name))
}

// read returns an object's content after checking its type and its size
// from the object's header, so a huge object is refused before it is
// inflated.
func (in *incomingCheck) read(h plumbing.Hash, t plumbing.ObjectType, limit int64) ([]byte, error) {
	obj, err := in.src.EncodedObject(t, h)
	if err != nil {
		return nil, err
	}
	if obj.Size() > limit {
		return nil, fmt.Errorf("it is %d MB", obj.Size()>>20)
	}
	return readRaw(in.src, h)
}

// file bounds a file's size and reads the workspace's own files (items,
// profile, corrections, draft records) the way Delegate will, so one that
// cannot be read never arrives.
func (in *incomingCheck) file(p string, h plumbing.Hash) error {
	key := pathHash{p, h}
	if in.trusted[key] || in.seen[key] {
		return nil
	}
	obj, err := in.src.EncodedObject(plumbing.BlobObject, h)
	if err != nil {
		return fmt.Errorf("%w: %q cannot be read: %v", ErrUnsafeRemote, p, err)
	}
	if obj.Size() > maxIncomingBlob {
		return fmt.Errorf("%w: %q is %d MB", ErrUnsafeRemote, p, obj.Size()>>20)
	}
	if parse := incomingParser(p); parse != nil {
		if obj.Size() > maxIncomingItemFile {
			return fmt.Errorf("%w: %q is %d KB, far more than an item file holds", ErrUnsafeRemote, p, obj.Size()>>10)
		}
		b, err := readRaw(in.src, h)
		if err == nil {
			err = parse(b)
		}
		if err != nil {
			return fmt.Errorf("%w: %q cannot be read: %v", ErrUnsafeRemote, p, err)
		}
	}
	in.seen[key] = true
	return nil
}

// draftFolder checks that a draft's folder holds one draft: a record
// (draft.toml) whose SHA-256 is its source file's, and a parsed draft
// (draft.json) of that same source. Drafts are written once, on import;
// a replaced draft.json would otherwise show a different or empty draft.
func (in *incomingCheck) draftFolder(dir string, entries []treeEntry) error {
	parent, id := path.Split(dir)
	if parent != DraftsDir+"/" || id == "" {
		return nil
	}
	files := map[string]plumbing.Hash{}
	for _, e := range entries {
		files[e.name] = e.hash
	}
	h, ok := files["draft.toml"]
	if !ok {
		return fmt.Errorf("%w: draft %q has no record (draft.toml)", ErrUnsafeRemote, id)
	}
	b, err := in.read(h, plumbing.BlobObject, maxIncomingItemFile)
	if err != nil {
		return fmt.Errorf("%w: %s/draft.toml cannot be read: %v", ErrUnsafeRemote, dir, err)
	}
	meta, err := ParseDraftMeta(b)
	if err != nil {
		return fmt.Errorf("%w: %s/draft.toml cannot be read: %v", ErrUnsafeRemote, dir, err)
	}
	src, ok := files["source"+strings.ToLower(path.Ext(meta.Source))]
	if !ok {
		return fmt.Errorf("%w: draft %q has no source file", ErrUnsafeRemote, id)
	}
	if err := in.sameSHA256(src, meta.SHA256); err != nil {
		return fmt.Errorf("%w: the source file of draft %q %v", ErrUnsafeRemote, id, err)
	}
	if h, ok := files["draft.json"]; ok {
		if err := in.draftRecord(h, meta); err != nil {
			return fmt.Errorf("%w: %s/draft.json %v", ErrUnsafeRemote, dir, err)
		}
	}
	return nil
}

func (in *incomingCheck) sameSHA256(h plumbing.Hash, want string) error {
	b, err := in.read(h, plumbing.BlobObject, maxIncomingBlob)
	if err != nil {
		return fmt.Errorf("cannot be read: %v", err)
	}
	if got := sha256Hex(b); got != want {
		return fmt.Errorf("is not the one its record names (SHA-256 %.12s…, record %.12s…)", got, want)
	}
	return nil
}

// draftRecord checks a parsed draft names the same source and holds the
// paragraphs its record counts.
func (in *incomingCheck) draftRecord(h plumbing.Hash, meta DraftMeta) error {
	b, err := in.read(h, plumbing.BlobObject, maxIncomingDraft)
	if err != nil {
		return fmt.Errorf("cannot be read: %v", err)
	}
	var d struct {
		SHA256 string            `json:"sha256"`
		Blocks []json.RawMessage `json:"blocks"`
	}
	if !utf8.Valid(b) {
		return errors.New("is not UTF-8 text")
	}
	if err := json.Unmarshal(b, &d); err != nil {
		return fmt.Errorf("cannot be read: %v", err)
	}
	if d.SHA256 != meta.SHA256 {
		return errors.New("was not read from the draft's source file")
	}
	if meta.Paragraphs > 0 && len(d.Blocks) < meta.Paragraphs {
		return fmt.Errorf("holds %d blocks, fewer than the %d paragraphs its record counts", len(d.Blocks), meta.Paragraphs)
	}
	return nil
}

// checkIncomingName refuses names that escape the folder (".."), reach
// into git's own folder under any alias Windows or macOS gives it, that
// Windows cannot hold, or that would stand for another file there.
func checkIncomingName(name string) error {
	switch {
	case name == "" || name == "." || name == "..":
		return errors.New("is not a file name")
	case !utf8.ValidString(name) || strings.IndexFunc(name, unicode.IsControl) >= 0:
		return errors.New("holds a control character or invalid text")
	case strings.IndexFunc(name, isIgnorable) >= 0:
		return errors.New("holds an invisible character that macOS ignores in names")
	case strings.EqualFold(strings.TrimRight(name, ". "), ".git"):
		return errors.New("would write into git's own folder")
	case strings.HasPrefix(strings.ToLower(name), ".git"):
		return errors.New("is a git settings file (like .gitattributes), which Delegate does not take")
	case strings.ContainsAny(name, `/\:*?"<>|`):
		return errors.New(`holds a character Windows does not allow in file names (\ / : * ? " < > |)`)
	case strings.HasSuffix(name, ".") || strings.HasSuffix(name, " "):
		return errors.New("ends with a dot or a space, which Windows drops")
	case item.WindowsReservedName(name):
		return errors.New("is a device name on Windows (like CON or NUL)")
	case shortNameAlias(name):
		return errors.New("looks like a Windows short name (like GIT~1), which can stand for another file")
	case len(name) > maxIncomingName:
		return fmt.Errorf("is a name of %d bytes, longer than some file systems hold (%d)", len(name), maxIncomingName)
	}
	return nil
}

// isIgnorable: format characters (zero-width joiners, direction marks,
// the byte-order mark...), which HFS+ drops when it compares names, so
// ".g\u200cit" is ".git" there.
func isIgnorable(r rune) bool { return unicode.Is(unicode.Cf, r) }

// shortNameAlias: "~" then a digit, the shape of NTFS 8.3 short names.
func shortNameAlias(name string) bool {
	for i := strings.IndexByte(name, '~'); i >= 0 && i+1 < len(name); {
		if name[i+1] >= '0' && name[i+1] <= '9' {
			return true
		}
		j := strings.IndexByte(name[i+1:], '~')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// incomingParser is the check for a workspace file at p, nil for others.
// Items are parsed, not validated: a rule added in a later version must
// not block a sync of work saved under an earlier one (what reaches an
// e-mail is checked when the e-mail is written).
func incomingParser(p string) func([]byte) error {
	p = strings.TrimPrefix(p, ConflictsDir+"/")
	dir, name := path.Split(p)
	id := strings.TrimSuffix(name, ".md")
	if i := strings.Index(id, conflictFrom); i > 0 {
		id = id[:i]
	}
	text := func(b []byte) error {
		if !utf8.Valid(b) || strings.ContainsRune(string(b), 0) {
			return errors.New("it is not UTF-8 text")
		}
		return nil
	}
	switch {
	case dir == CommentsDir+"/" && strings.HasSuffix(name, ".md"):
		return func(b []byte) error {
			c, err := ParseComment(b)
			return firstErr(text(b), err, sameID(c.ID, id))
		}
	case dir == OpinionsDir+"/" && strings.HasSuffix(name, ".md"):
		return func(b []byte) error {
			o, err := ParseOpinion(b)
			return firstErr(text(b), err, sameID(o.ID, id))
		}
	case p == ProfileFile:
		return func(b []byte) error { _, err := ParseProfile(b); return firstErr(text(b), err) }
	case p == ProcessCorrectionsFile:
		return func(b []byte) error { _, err := process.ParseCorrections(b); return firstErr(text(b), err) }
	case strings.HasPrefix(dir, DraftsDir+"/") && name == "draft.toml":
		return func(b []byte) error { _, err := ParseDraftMeta(b); return firstErr(text(b), err) }
	}
	return nil
}

func sameID(got, want string) error {
	if got != want {
		return fmt.Errorf("it holds item %q, not %q", got, want)
	}
	return nil
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
