package gitrepo

import (
	"os"
	"path/filepath"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/index"
	"github.com/go-git/go-git/v5/storage"
)

// Repo is one open repository with a work folder: what the git engine
// needs to read and write it (the folder, go-git's repository and its
// storer, which keeps packs open). model/store's Workspace holds one and
// adds the workspace's terms on top.
type Repo struct {
	// Dir is the work folder, the one holding .git.
	Dir string
	// Git is go-git's repository: config, remotes, fetch.
	Git *git.Repository
	// St is Git's storer, read directly for objects and refs.
	St storage.Storer

	idx      *index.Index // git's index as last written here (ReadIndex reuses it)
	idxStamp os.FileInfo
	hadIndex bool // git's index existed: if it vanishes, it is damage, not an empty index
}

// Open opens the repository of the work folder dir (see OpenRepo).
func Open(dir string) (*Repo, error) {
	g, err := OpenRepo(dir)
	if err != nil {
		return nil, err
	}
	return &Repo{Dir: dir, Git: g, St: g.Storer}, nil
}

// Close releases the pack files the repository kept open.
func (r *Repo) Close() error { return CloseRepo(r.St) }

// ObjectsDir is the loose objects folder, .git/objects.
func (r *Repo) ObjectsDir() string { return filepath.Join(r.Dir, ".git", "objects") }

// Objects is the object store as this package reads it (loose files
// first, then go-git's packs).
func (r *Repo) Objects() Objects { return Objects{Dir: r.ObjectsDir(), St: r.St} }

// WriteLoose stores a loose object in the repository (see WriteLoose).
func (r *Repo) WriteLoose(t plumbing.ObjectType, content []byte) (plumbing.Hash, error) {
	return WriteLoose(r.ObjectsDir(), t, content)
}
