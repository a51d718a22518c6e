package hostile

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store"
)

// folder is a tree to commit: a value is file content ([]byte), a
// sub-folder (folder) or a symbolic link (link).
type folder map[string]any

type link string

func writeTree(t testing.TB, st storer.EncodedObjectStorer, f folder) plumbing.Hash {
	var names []string
	for n := range f {
		names = append(names, n)
	}
	sort.Strings(names)
	tree := &object.Tree{}
	for _, n := range names {
		var e object.TreeEntry
		switch v := f[n].(type) {
		case []byte:
			e = object.TreeEntry{Name: n, Mode: filemode.Regular, Hash: writeBlob(t, st, v)}
		case link:
			e = object.TreeEntry{Name: n, Mode: filemode.Symlink, Hash: writeBlob(t, st, []byte(v))}
		case folder:
			e = object.TreeEntry{Name: n, Mode: filemode.Dir, Hash: writeTree(t, st, v)}
		}
		tree.Entries = append(tree.Entries, e)
	}
	return store_(t, st, tree)
}

func writeBlob(t testing.TB, st storer.EncodedObjectStorer, data []byte) plumbing.Hash {
	obj := st.NewEncodedObject()
	obj.SetType(plumbing.BlobObject)
	w, _ := obj.Writer()
	w.Write(data)
	w.Close()
	h, err := st.SetEncodedObject(obj)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func store_(t testing.TB, st storer.EncodedObjectStorer, v interface {
	Encode(plumbing.EncodedObject) error
}) plumbing.Hash {
	obj := st.NewEncodedObject()
	if err := v.Encode(obj); err != nil {
		t.Fatal(err)
	}
	h, err := st.SetEncodedObject(obj)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// hostileRemote makes a folder remote (a bare repository) where Eve has
// published a commit holding f, and adds it to the workspace.
func hostileRemote(t *testing.T, e *env, name string, f folder) {
	dir := filepath.Join(e.scratch, "remote-"+name)
	repo, err := git.PlainInit(dir, true)
	if err != nil {
		t.Fatal(err)
	}
	sig := object.Signature{Name: "Eve", Email: "eve@example.org", When: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)}
	c := &object.Commit{Author: sig, Committer: sig, Message: "my work\n", TreeHash: writeTree(t, repo.Storer, f)}
	h := store_(t, repo.Storer, c)
	if err := repo.Storer.SetReference(plumbing.NewHashReference(store.PeoplePrefix+"eve-example-org", h)); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.ws.AddRemote(name, dir); err != nil {
		t.Fatal(err)
	}
}

// validComment is a comment file as Delegate writes it, changed by edit.
func validComment(t testing.TB, edit func(c *item.Comment)) []byte {
	c := item.Comment{ID: "ev-250102-abcde", Kind: item.KindSubstantive, Body: "my comment",
		Anchor:  item.Anchor{DraftID: "sg-2", ParagraphID: "p3", Number: "3", Quote: "digital divides"},
		Author:  item.Person{Name: "Eve", Email: "eve@example.org"},
		Created: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC), Review: item.Review{Status: item.StatusDraft}}
	c.Updated = c.Created
	edit(&c)
	b, err := store.FormatComment(c)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func syncCase(name string, tree func(t testing.TB) folder, want ...string) hostileCase {
	return hostileCase{name: name, is: store.ErrUnsafeRemote, want: append([]string{"the work of eve-example-org"}, want...),
		prepare: func(t *testing.T, e *env) func() error {
			remote := fmt.Sprintf("r%d", len(remotes(t, e))+1)
			hostileRemote(t, e, remote, tree(t))
			return func() error { return syncErr(e.ws, remote) }
		}}
}

// syncErr syncs and returns the sync's error or, when it went through,
// the refusal of any colleague's work.
func syncErr(w *store.Workspace, remote string) error {
	rep, err := w.Sync(context.Background(), remote, store.SyncOptions{})
	if err != nil {
		return err
	}
	return rep.UnsafeErr()
}

func remotes(t *testing.T, e *env) []store.Remote {
	rs, err := e.ws.Remotes()
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func comments(files folder) folder { return folder{"items": folder{"comments": files}} }

// syncCases: work arriving from a delegation remote someone else can
// write to (a shared folder, a server).
func syncCases() []hostileCase {
	fixed := func(f folder) func(testing.TB) folder { return func(testing.TB) folder { return f } }
	ok := func(t testing.TB) []byte { return validComment(t, func(*item.Comment) {}) }
	return []hostileCase{
		syncCase("item file that is not TOML", fixed(comments(folder{"ev-250102-abcde.md": []byte("+++\nid = \n+++\n")})), "cannot be read"),
		syncCase("item file with invalid UTF-8", fixed(comments(folder{"ev-250102-abcde.md": []byte("+++\nid = \"caf\xe9\"\n+++\n")})), "not UTF-8 text"),
		syncCase("item file with NUL bytes", fixed(comments(folder{"ev-250102-abcde.md": []byte("+++\x00\x00\x00")})), "not UTF-8 text"),
		syncCase("2 MB item file", func(t testing.TB) folder {
			return comments(folder{"ev-250102-abcde.md": validComment(t, func(c *item.Comment) { c.Body = strings.Repeat("x", 2<<20) })})
		}, "far more than an item file holds"),
		syncCase("item whose ID is not its file name", func(t testing.TB) folder {
			return comments(folder{"jd-241201-k3f9x.md": ok(t)})
		}, `holds item "ev-250102-abcde"`),
		syncCase("item file with a field Delegate does not know", func(t testing.TB) folder {
			b := validComment(t, func(*item.Comment) {})
			return comments(folder{"ev-250102-abcde.md": append([]byte("+++\nrun = \"rm -rf ~\"\n"), b[len("+++\n"):]...)})
		}, "cannot be read", "run"),
		syncCase("folder named ..", func(t testing.TB) folder { return folder{"..": folder{"evil.md": ok(t)}} }, "is not a file name"),
		syncCase(".git folder with a hook", fixed(folder{".git": folder{"hooks": folder{"post-checkout": []byte("#!/bin/sh\nrm -rf ~\n")}}}), "git's own folder"),
		syncCase(".GIT. folder (Windows drops the dot)", fixed(folder{".GIT.": folder{"config": []byte("[core]\n")}}), "git's own folder"),
		syncCase("symbolic link as an item", fixed(comments(folder{"ev-250102-abcde.md": link("/etc/passwd")})), "is a link"),
		syncCase("item named con.md", fixed(comments(folder{"con.md": []byte("x")})), "device name on Windows"),
		syncCase("file name with a colon", fixed(folder{"notes.txt:stream": []byte("x")}), "Windows does not allow"),
		syncCase("file name with a trailing dot", fixed(folder{"notes.": []byte("x")}), "ends with a dot"),
		syncCase("folders nested 20 deep", func(testing.TB) folder {
			f := folder{"x.txt": []byte("x")}
			for i := 0; i < 20; i++ {
				f = folder{"d": f}
			}
			return f
		}, "nested more than"),
		syncCase("profile that is not TOML", fixed(folder{"profile.toml": []byte("entity = \"Xyz\r\n")}), "profile.toml", "cannot be read"),
		syncCase("process corrections that are not TOML", fixed(folder{"process-corrections.toml": []byte("[[correction]\n")}), "process-corrections.toml", "cannot be read"),
	}
}

func TestHostileSync(t *testing.T) { runCatalogue(t, syncCases()) }

// TestCleanRemoteSyncs is the control: the same remote builder with a
// valid comment is synced and the comment arrives.
func TestCleanRemoteSyncs(t *testing.T) {
	e := &env{ws: newWorkspace(t), scratch: t.TempDir()}
	hostileRemote(t, e, "ok", comments(folder{"ev-250102-abcde.md": validComment(t, func(*item.Comment) {})}))
	if _, err := e.ws.Sync(context.Background(), "ok", store.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	if c, err := e.ws.Comment("ev-250102-abcde"); err != nil || c.Author.Name != "Eve" {
		t.Fatalf("synced comment: %v %+v", err, c)
	}
}
