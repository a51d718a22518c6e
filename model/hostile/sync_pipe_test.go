//go:build unix

package hostile

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// pipeSyncCases: a shared folder whose objects or refs are pipes, links
// or another object's file. go-git opens what it finds, so a pipe would
// block the sync for ever and a link read someone else's file.
func pipeSyncCases() []hostileCase {
	return []hostileCase{
		remoteCase("commit object that is a pipe", func(t testing.TB, r remoteRepo, _ string) {
			tip := r.commit(t, writeTree(t, r.repo.Storer, folder{"x.txt": []byte("x")}))
			r.branch(t, "eve-example-org", tip)
			r.replaceObject(t, tip, func(p string) error { return syscall.Mkfifo(p, 0o644) })
		}, "the work of eve-example-org", "not a regular file"),
		remoteCase("blob object that is a link to another file", func(t testing.TB, r remoteRepo, _ string) {
			blob := blobIn(t, r.repo.Storer, "x")
			r.branch(t, "eve-example-org", r.commit(t, writeRawTree(t, r.repo.Storer, rawEntry{"100644", "x.txt", blob})))
			r.replaceObject(t, blob, func(p string) error { return os.Symlink("/etc/hostname", p) })
		}, "the work of eve-example-org", "not a regular file"),
		remoteCase("branch ref that is a pipe", func(t testing.TB, r remoteRepo, _ string) {
			if err := os.MkdirAll(filepath.Join(r.dir, "refs", "heads", "people"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := syscall.Mkfifo(filepath.Join(r.dir, "refs", "heads", "people", "eve-example-org"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "refs/heads/people/eve-example-org is not a regular file"),
	}
}

func TestHostileSyncPipes(t *testing.T) { runCatalogue(t, pipeSyncCases()) }
