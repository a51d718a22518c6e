package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
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

	"github.com/delegate-itu/delegate/model/gitrepo"
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
	// maxIncomingRead bounds the bytes one sync's check reads: far above a
	// first sync of 10,000 commits of a 5,000-item workspace (about 1.5 GB
	// of trees), so a hostile remote cannot keep a sync reading for hours.
	maxIncomingRead = 8 << 30
)

// A person's branch is people/<id>, where id is what PersonID makes of an
// e-mail address. Any other name is refused before it is used in a path.
var personIDPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// validPersonID reports whether id can name a person's branch: the shape
// PersonID gives, which is also a safe file and ref name everywhere.
func validPersonID(id string) bool {
	return len(id) <= maxPersonID && personIDPattern.MatchString(id) && !item.WindowsReservedName(id)
}

// entryKey is an object under a name in a folder: the same blob is an
// item file in one folder and an opaque file in another, so checks are
// kept per place. The root tree has an empty dir and name.
type entryKey struct {
	dir, name string
	hash      plumbing.Hash
}

// incomingCheck checks what colleagues' branches bring, before any of it
// reaches the workspace. trusted holds the trees and files of the
// workspace's own current version at their places (already checked, or
// saved here under the same rules); seen what this sync has checked in
// full, shaped what it has checked in history. Objects merely present in
// .git/objects are not trusted: an earlier sync may have copied history
// it never looked at.
//
// The tip of a branch, which becomes files in the folder, is checked in
// full. Its history becomes objects in .git and versions the history
// views read, never files by itself (a restored version is saved again
// under the save-time rules), so there only what could harm git or the
// machine is checked: names, tree encoding, modes, depth, counts and
// sizes. An item a colleague has since removed (RemoveItem) then no
// longer blocks their work, though the commit that held it stays in
// their history.
type incomingCheck struct {
	src     storer.EncodedObjectStorer
	objects string // src's loose objects folder, read directly
	trusted map[entryKey]bool
	ours    map[plumbing.Hash]bool // commits of the workspace's own history
	seen    map[entryKey]bool
	shaped  map[entryKey]bool
	names   map[string]bool // names that passed checkIncomingName
	tip     bool            // checking a branch's tip: contents too
	left    int64           // bytes the check may still read (maxIncomingRead)
}

// checked says whether k needs no check (again) in the current mode.
func (in *incomingCheck) checked(k entryKey) bool {
	return in.trusted[k] || in.seen[k] || !in.tip && in.shaped[k]
}

func (in *incomingCheck) mark(k entryKey) {
	if in.tip {
		in.seen[k] = true
	} else {
		in.shaped[k] = true
	}
}

// newIncomingCheck prepares a check of branches read from src against the
// workspace's current version.
func (w *Workspace) newIncomingCheck(src storer.EncodedObjectStorer, objects string) (*incomingCheck, error) {
	_, head, tree, err := w.head()
	if err != nil {
		return nil, err
	}
	in := &incomingCheck{src: src, objects: objects, trusted: map[entryKey]bool{}, ours: map[plumbing.Hash]bool{},
		seen: map[entryKey]bool{}, shaped: map[entryKey]bool{}, names: map[string]bool{}, left: maxIncomingRead}
	if !head.IsZero() {
		if in.ours, err = w.ancestors(head); err != nil {
			return nil, err
		}
	}
	if tree.IsZero() {
		return in, nil
	}
	return in, w.trustTree(in.trusted, entryKey{hash: tree})
}

// trustTree records the tree at k and the trees and files under it as
// the workspace's own.
func (w *Workspace) trustTree(into map[entryKey]bool, k entryKey) error {
	if into[k] {
		return nil
	}
	into[k] = true
	t, err := object.GetTree(w.st, k.hash)
	if err != nil {
		return err
	}
	dir := joinPath(k.dir, k.name)
	for _, e := range t.Entries {
		ek := entryKey{dir, e.Name, e.Hash}
		if e.Mode.IsFile() {
			into[ek] = true
		} else if err := w.trustTree(into, ek); err != nil {
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
// tip's tree in full, and the tree of each new commit in its history for
// what could harm git or the machine.
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
		c, err := in.commit(h)
		if err != nil {
			return fmt.Errorf("%w: version %s cannot be read: %v", ErrUnsafeRemote, h, err)
		}
		n := 0
		in.tip = h == tip
		if err := in.tree(entryKey{hash: c.TreeHash}, 0, &n); err != nil {
			return err
		}
		stack = append(stack, c.ParentHashes...)
	}
	return nil
}

// commit reads a commit through read, so its size and file are checked
// like every other object's.
func (in *incomingCheck) commit(h plumbing.Hash) (*object.Commit, error) {
	raw, err := in.read(h, plumbing.CommitObject, maxIncomingItemFile)
	if err != nil {
		return nil, err
	}
	obj := &plumbing.MemoryObject{}
	obj.SetType(plumbing.CommitObject)
	if _, err := obj.Write(raw); err != nil {
		return nil, err
	}
	c := &object.Commit{}
	return c, c.Decode(obj)
}

// tree checks one folder: its raw encoding as git fsck would, each name
// as Windows, macOS and git accept it, and what it holds. Entries already
// checked at the same place (most of a folder, from one version to the
// next) are not checked again.
func (in *incomingCheck) tree(k entryKey, depth int, n *int) error {
	if in.checked(k) {
		return nil
	}
	dir := joinPath(k.dir, k.name)
	if depth > maxIncomingDepth {
		return fmt.Errorf("%w: %s is nested more than %d folders deep", ErrUnsafeRemote, dir, maxIncomingDepth)
	}
	raw, err := in.read(k.hash, plumbing.TreeObject, maxIncomingTree)
	if err != nil {
		return fmt.Errorf("%w: folder %q cannot be read: %v", ErrUnsafeRemote, dir, err)
	}
	entries, err := parseIncomingTree(raw)
	if err != nil {
		return fmt.Errorf("%w: folder %q %v", ErrUnsafeRemote, dir, err)
	}
	if *n += len(entries); *n > maxIncomingEntries {
		return fmt.Errorf("%w: it holds more than %d files", ErrUnsafeRemote, maxIncomingEntries)
	}
	if err := sameOnWindows(dir, entries); err != nil {
		return err
	}
	for _, e := range entries {
		if err := in.entry(dir, e, depth, n); err != nil {
			return err
		}
	}
	if in.tip {
		if err := in.draftFolder(dir, entries); err != nil {
			return err
		}
	}
	in.mark(k)
	return nil
}

// entry checks one entry of the folder dir.
func (in *incomingCheck) entry(dir string, e treeEntry, depth int, n *int) error {
	ek := entryKey{dir, e.name, e.hash}
	if in.checked(ek) {
		return nil
	}
	if !in.names[e.name] {
		if err := checkIncomingName(e.name); err != nil {
			return fmt.Errorf("%w: %q %v", ErrUnsafeRemote, joinPath(dir, e.name), err)
		}
		in.names[e.name] = true
	}
	if l := len(dir) + 1 + len(e.name); l > maxIncomingPath {
		return fmt.Errorf("%w: %q is a path of %d bytes, longer than Windows can hold", ErrUnsafeRemote, joinPath(dir, e.name), l)
	}
	switch e.mode {
	case "40000":
		return in.tree(ek, depth+1, n)
	case "100644", "100755":
		return in.file(ek)
	case "120000", "160000":
		return fmt.Errorf("%w: %q is a link or a sub-repository, not a file", ErrUnsafeRemote, joinPath(dir, e.name))
	}
	return fmt.Errorf("%w: %q has a file mode (%s) git does not accept", ErrUnsafeRemote, joinPath(dir, e.name), e.mode)
}

// sameOnWindows refuses two names of one folder that case-insensitive
// file systems (Windows, and macOS by default) take for one file:
// "README.MD" and "README.md", or "é" composed and decomposed. Only a
// name with a capital or a non-ASCII letter can meet another, so folders
// of lower-case ASCII names (all of Delegate's own) cost nothing.
func sameOnWindows(dir string, entries []treeEntry) error {
	plain := true
	for _, e := range entries {
		for i := 0; i < len(e.name) && plain; i++ {
			plain = e.name[i] < 0x80 && (e.name[i] < 'A' || e.name[i] > 'Z')
		}
	}
	if plain {
		return nil
	}
	fold := cases.Fold()
	folded := make(map[string]string, len(entries))
	for _, e := range entries {
		f := fold.String(norm.NFC.String(e.name))
		if other, dup := folded[f]; dup {
			return fmt.Errorf("%w: %q and %q are the same file on Windows and macOS", ErrUnsafeRemote, joinPath(dir, other), joinPath(dir, e.name))
		}
		folded[f] = e.name
	}
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
	var prev gitrepo.RawEntry
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
		cur := gitrepo.RawEntry{Dir: e.mode == "40000", Name: rest[sp+1 : nul]}
		if len(out) > 0 {
			switch c := gitrepo.GitCmp(prev, cur); {
			case c == 0 || prev.Dir != cur.Dir && bytes.Equal(prev.Name, cur.Name):
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

// read returns an object's content after checking its type and its size
// from the object's header, so a huge object is refused before it is
// inflated. Loose objects are read straight from the objects folder
// (several times faster than through go-git, which matters when every
// version of a 1,000-commit branch is checked); packed ones through src.
func (in *incomingCheck) read(h plumbing.Hash, t plumbing.ObjectType, limit int64) ([]byte, error) {
	size, b, err := in.object(h, t, limit)
	if err == nil && size > limit {
		err = fmt.Errorf("it is %d MB", size>>20)
	}
	return b, err
}

// object reads an object's header, checking its type, and its content
// when the header says it is at most limit bytes (limit < 0: never); an
// object over the limit comes back with its size and no content.
func (in *incomingCheck) object(h plumbing.Hash, t plumbing.ObjectType, limit int64) (size int64, b []byte, err error) {
	defer func() {
		if in.left -= int64(len(b)); err == nil && in.left < 0 {
			b, err = nil, fmt.Errorf("it brings more than %d GB to check at once", int64(maxIncomingRead)>>30)
		}
	}()
	z, err := in.loose(h)
	switch {
	case err != nil:
		return 0, nil, err
	case z != nil:
		size, b, err = gitrepo.LooseObject(z, t, limit)
		if err == nil && b != nil && gitrepo.LooseHash(t, b) != h {
			err = errors.New("its content is not the object its name says")
		}
		return size, b, err
	}
	obj, err := in.src.EncodedObject(t, h)
	switch {
	case err != nil:
		return 0, nil, err
	case obj.Size() > limit:
		return obj.Size(), nil, nil
	}
	b, err = readBounded(obj, limit)
	return obj.Size(), b, err
}

// loose returns h's zlib bytes from the loose objects folder, or nil
// when it is not there as a loose object. A loose object that is not a
// regular file (a pipe would block the sync for ever, a device or a link
// reads someone else's bytes) is an error.
func (in *incomingCheck) loose(h plumbing.Hash) ([]byte, error) {
	if in.objects == "" {
		return nil, nil
	}
	hex := h.String()
	p := filepath.Join(in.objects, hex[:2], hex[2:])
	fi, err := os.Lstat(p)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, err
	case !fi.Mode().IsRegular():
		return nil, errors.New("it is not a regular file (a link, a pipe or a device)")
	case fi.Size() > maxIncomingBlob:
		return nil, fmt.Errorf("it is %d MB compressed", fi.Size()>>20)
	}
	return os.ReadFile(p)
}

// readBounded reads an object's content, which its header says is at
// most limit bytes, and no more than that.
func readBounded(obj plumbing.EncodedObject, limit int64) ([]byte, error) {
	r, err := obj.Reader()
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err = errors.Join(err, r.Close()); err == nil && int64(len(b)) != obj.Size() {
		err = fmt.Errorf("it holds %d bytes, not the %d its header says", len(b), obj.Size())
	}
	return b, err
}

// file bounds a file's size and reads the workspace's own files (items,
// profile, corrections, draft records) the way Delegate will, so one that
// cannot be read never arrives.
func (in *incomingCheck) file(k entryKey) error {
	p := joinPath(k.dir, k.name)
	limit, parse := int64(maxIncomingBlob), incomingParser(p)
	if !in.tip {
		parse = nil
	}
	if parse != nil {
		limit = maxIncomingItemFile
	}
	read := int64(-1) // only the header, unless the file is parsed
	if parse != nil {
		read = limit
	}
	size, b, err := in.object(k.hash, plumbing.BlobObject, read)
	switch {
	case err != nil:
		return fmt.Errorf("%w: %q cannot be read: %v", ErrUnsafeRemote, p, err)
	case size > limit && parse != nil:
		return fmt.Errorf("%w: %q is %d KB, far more than an item file holds", ErrUnsafeRemote, p, size>>10)
	case size > limit:
		return fmt.Errorf("%w: %q is %d MB", ErrUnsafeRemote, p, size>>20)
	}
	if parse != nil {
		if err := parse(b); err != nil {
			return fmt.Errorf("%w: %q cannot be read: %v", ErrUnsafeRemote, p, err)
		}
	}
	in.mark(k)
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
