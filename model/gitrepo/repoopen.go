package gitrepo

import (
	"io"
	"path/filepath"

	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// openPacks is how many pack files a workspace keeps open. go-git
// otherwise opens and closes the pack for every object it reads from it:
// after a sync brought in 1,000 commits, indexing their history reopened
// the fetched pack thousands of times.
const openPacks = 8

// OpenRepo opens the repository of a workspace folder (which has a .git
// folder), keeping up to openPacks packs open until Close.
func OpenRepo(dir string) (*git.Repository, error) {
	st := filesystem.NewStorageWithOptions(osfs.New(filepath.Join(dir, ".git")), cache.NewObjectLRUDefault(),
		filesystem.Options{MaxOpenDescriptors: openPacks})
	return git.Open(st, osfs.New(dir))
}

// CloseRepo releases the pack files OpenRepo kept open in st.
func CloseRepo(st any) error {
	if c, ok := st.(io.Closer); ok {
		return c.Close()
	}
	return nil
}
