// Package store keeps a delegation's workspace: report drafts, comments,
// Opinion proposals and the profile as plain files in a git repository,
// where every save is one commit authored by the user. It builds commits
// directly in the object store (no status scan, no git binary), keeps an
// index of which commits touched which file so an item's history is read
// without diffing the whole log, and locks the workspace against a second
// process. The file format is in docs/file-format.md.
package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/ProtonMail/go-crypto/openpgp"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage"

	"github.com/delegate-itu/delegate/model/item"

	"github.com/delegate-itu/delegate/model/gitrepo"
)

// Sentinel errors callers test with errors.Is.
var (
	// ErrNotWorkspace: the folder holds no workspace (run init first).
	ErrNotWorkspace = errors.New("not a Delegate workspace")
	// ErrExists: init on a folder that already holds a workspace.
	ErrExists = errors.New("a workspace already exists there")
	// ErrNotFound: no item, draft or version by that name.
	ErrNotFound = errors.New("not found")
	// ErrNoUser: saving needs the user's name and e-mail for the commit.
	ErrNoUser = errors.New("no user name and e-mail set for this workspace")
)

// Workspace is an open, locked workspace. It is not safe for concurrent
// use by several goroutines; one process holds it at a time.
type Workspace struct {
	git       *gitrepo.Repo // the repository; dir, repo and st are its fields, kept short
	dir       string
	repo      *git.Repository
	st        storage.Storer
	user      item.Person
	hist      *historyIndex
	trees     map[plumbing.Hash][]object.TreeEntry // written by this process
	recovered []string
	closed    bool
	locked    bool            // this process holds the lock
	readOnly  error           // why the workspace is open for reading only (ReadOnly)
	signer    *openpgp.Entity // signs commits and tags when set (SetSigningKey)
}

// Options tune Open. User signs the commits; when empty, the user stored
// in the workspace's git config at Create is used.
type Options struct {
	User item.Person
}

// Create makes a new workspace in dir (created if missing) with a first
// commit, records user as the workspace's author and returns it open.
func Create(dir string, user item.Person) (*Workspace, error) {
	return CreateSigned(dir, user, nil)
}

// CreateSigned is Create with signing on from the first commit (key nil:
// unsigned), for delegations that refuse unsigned work.
func CreateSigned(dir string, user item.Person, key *openpgp.Entity) (*Workspace, error) {
	if err := user.Validate("user"); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNoUser, err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
		return nil, fmt.Errorf("%w: %s", ErrExists, dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	opts := &git.PlainInitOptions{InitOptions: git.InitOptions{DefaultBranch: plumbing.Main}}
	repo, err := git.PlainInitWithOptions(dir, opts)
	if err != nil {
		return nil, fmt.Errorf("create workspace in %s: %w", dir, err)
	}
	cfg, err := repo.Config()
	if err != nil {
		return nil, err
	}
	cfg.User.Name, cfg.User.Email = user.Name, user.Email
	if err := repo.SetConfig(cfg); err != nil {
		return nil, err
	}
	w, err := Open(dir, Options{User: user})
	if err != nil {
		return nil, err
	}
	w.SetSigningKey(key)
	readme := []byte(readmeText)
	if _, err := w.commit("Create workspace", []change{{path: "README.md", data: readme}}); err != nil {
		_ = w.Close()
		return nil, err
	}
	return w, nil
}

const readmeText = `# Delegate workspace

This folder is a Delegate workspace for WTPF-26 contributions. Every save
in Delegate is a git commit: ` + "`git log`" + ` shows who changed what.

- profile.toml: the delegation profile
- drafts/<id>/: imported report drafts (source file and metadata)
- items/comments/<id>.md, items/opinions/<id>.md: one file per item

Edit through Delegate or delegatectl; the format is documented in
docs/file-format.md of the Delegate source.
`

// Open opens and locks the workspace in dir. A lock left by a crashed
// process on this host is cleared; a live one gives a *LockedError. If the
// last save was interrupted, the files are repaired from the last commit
// (git's index rebuilt if it is damaged) and Recovered says what happened.
// A folder that cannot be written (read-only, full disk) opens for reading
// only: see ReadOnly.
func Open(dir string, opts Options) (*Workspace, error) {
	if fi, err := os.Stat(filepath.Join(dir, ".git")); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("%w: %s (create one with delegatectl init)", ErrNotWorkspace, dir)
	}
	g, err := gitrepo.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrNotWorkspace, dir, err)
	}
	w := &Workspace{git: g, dir: dir, repo: g.Git, st: g.St, user: opts.User, trees: map[plumbing.Hash][]object.TreeEntry{}}
	if w.user.Name == "" {
		if cfg, err := g.Git.Config(); err == nil {
			w.user = item.Person{Name: cfg.User.Name, Email: cfg.User.Email}
		}
	}
	stale, err := acquireLock(dir, w.user.Name)
	switch {
	case err == nil:
		w.locked = true
	case readableWithoutLock(err): // read-only folder or full disk: open for reading
		w.readOnly = err
		if _, err := os.Stat(w.journalPath()); err == nil {
			w.recovered = append(w.recovered, "the last save was interrupted; what is shown is its last commit, and the files are repaired once the workspace folder can be written to again")
		}
		return w, nil
	default:
		return nil, err
	}
	if stale {
		w.recovered = append(w.recovered, "cleared the lock of a Delegate process that is no longer running")
	}
	if err := w.repair(); err != nil {
		_ = w.Close()
		return nil, fmt.Errorf("repair interrupted save: %w", err)
	}
	if _, err := os.Stat(w.recordJournal()); err == nil {
		if _, err := w.finishRecording(); err != nil { // the disk is still full: try again next time
			w.recovered = append(w.recovered, err.Error())
		}
	}
	return w, nil
}

// repair brings git's index and the folder in line with the last commit
// after a crash or damage (Open, or the first save once a read-only
// workspace can be written).
func (w *Workspace) repair() error {
	if err := w.repairIndex(); err != nil {
		return err
	}
	return w.recoverSave()
}

// Close releases the lock. The workspace must not be used afterwards.
func (w *Workspace) Close() error {
	if w.closed {
		return nil
	}
	w.closed = true
	if !w.locked { // opened for reading only: the lock, if any, is someone else's
		return w.git.Close()
	}
	return errors.Join(w.git.Close(), releaseLock(w.dir))
}

// Dir is the workspace folder.
func (w *Workspace) Dir() string { return w.dir }

// User is who signs this session's commits.
func (w *Workspace) User() item.Person { return w.user }

// Recovered lists what Open repaired (stale lock, interrupted save), in
// words for the user; empty when the workspace was clean.
func (w *Workspace) Recovered() []string { return w.recovered }

// delegateDir holds Delegate's own files inside .git (lock, journal,
// history index): invisible to git status, never committed.
func (w *Workspace) delegateDir() string { return filepath.Join(w.dir, ".git", "delegate") }

func (w *Workspace) abs(path string) string {
	return filepath.Join(w.dir, filepath.FromSlash(path))
}

func cleanPath(p string) bool {
	return p != "" && !strings.HasPrefix(p, "/") && !strings.Contains(p, "..") && !strings.Contains(p, "\\")
}
