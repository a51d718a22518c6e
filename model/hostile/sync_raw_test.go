package hostile

import (
	"bytes"
	"compress/flate"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store"
)

// rawEntry is a tree entry written exactly as given: mode text, name and
// object, in the order given, so trees git fsck refuses can be built.
type rawEntry struct {
	mode, name string
	hash       plumbing.Hash
}

func writeRawTree(t testing.TB, st storer.EncodedObjectStorer, entries ...rawEntry) plumbing.Hash {
	var b bytes.Buffer
	for _, e := range entries {
		fmt.Fprintf(&b, "%s %s\x00", e.mode, e.name)
		b.Write(e.hash[:])
	}
	obj := st.NewEncodedObject()
	obj.SetType(plumbing.TreeObject)
	w, _ := obj.Writer()
	w.Write(b.Bytes())
	w.Close()
	h, err := st.SetEncodedObject(obj)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// remoteRepo is a folder remote (a bare repository) and what builds it.
type remoteRepo struct {
	dir  string
	repo *git.Repository
}

func newRemoteRepo(t testing.TB, dir string) remoteRepo {
	repo, err := git.PlainInit(dir, true)
	if err != nil {
		t.Fatal(err)
	}
	return remoteRepo{dir: dir, repo: repo}
}

var eveSig = object.Signature{Name: "Eve", Email: "eve@example.org", When: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)}

// commit stores a commit of tree with the given parents.
func (r remoteRepo) commit(t testing.TB, tree plumbing.Hash, parents ...plumbing.Hash) plumbing.Hash {
	return store_(t, r.repo.Storer, &object.Commit{Author: eveSig, Committer: eveSig, Message: "my work\n", TreeHash: tree, ParentHashes: parents})
}

func (r remoteRepo) branch(t testing.TB, id string, h plumbing.Hash) {
	if err := r.repo.Storer.SetReference(plumbing.NewHashReference(plumbing.ReferenceName(store.PeoplePrefix+id), h)); err != nil {
		t.Fatal(err)
	}
}

func (r remoteRepo) objectPath(h plumbing.Hash) string {
	return filepath.Join(r.dir, "objects", h.String()[:2], h.String()[2:])
}

// replaceObject puts what make makes in place of a loose object's file.
func (r remoteRepo) replaceObject(t testing.TB, h plumbing.Hash, make func(path string) error) {
	p := r.objectPath(h)
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	if err := make(p); err != nil {
		t.Fatal(err)
	}
}

// packRef adds a line to the remote's packed-refs as written by hand:
// git and go-git would not make such a ref, but read one.
func (r remoteRepo) packRef(t testing.TB, name string, h plumbing.Hash) {
	f, err := os.OpenFile(filepath.Join(r.dir, "packed-refs"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fmt.Fprintf(f, "%s %s\n", h, name)
}

// remoteCase is a catalogue case whose remote is built by build, which
// gets the remote and the workspace's folder.
func remoteCase(name string, build func(t testing.TB, r remoteRepo, ws string), want ...string) hostileCase {
	return hostileCase{name: name, is: store.ErrUnsafeRemote, want: want,
		prepare: func(t *testing.T, e *env) func() error {
			remote := fmt.Sprintf("r%d", len(remotes(t, e))+1)
			r := newRemoteRepo(t, filepath.Join(e.scratch, "remote-"+remote))
			build(t, r, e.ws.Dir())
			if _, _, err := e.ws.AddRemote(remote, r.dir); err != nil {
				t.Fatal(err)
			}
			return func() error { return syncErr(e.ws, remote) }
		}}
}

// treeCase: Eve's branch holds the raw tree build makes.
func treeCase(name string, build func(t testing.TB, st storer.EncodedObjectStorer) plumbing.Hash, want ...string) hostileCase {
	return remoteCase(name, func(t testing.TB, r remoteRepo, _ string) {
		r.branch(t, "eve-example-org", r.commit(t, build(t, r.repo.Storer)))
	}, append([]string{"the work of eve-example-org"}, want...)...)
}

func blobIn(t testing.TB, st storer.EncodedObjectStorer, s string) plumbing.Hash {
	return writeBlob(t, st, []byte(s))
}

// draftFolder is a draft's folder as ImportDraft writes it, changed by edit.
func draftFolder(t testing.TB, edit func(meta *store.DraftMeta, source, parsed *string)) folder {
	source := "# Draft\n\n1. Digital divides.\n\n2. Green transformation.\n\n3. Resilience.\n"
	sum := sha256.Sum256([]byte(source))
	meta := store.DraftMeta{ID: "sg-9", Label: "9th draft", Source: "draft9.md", SHA256: hex.EncodeToString(sum[:]),
		Size: int64(len(source)), Paragraphs: 3, Imported: eveSig.When, By: item.Person{Name: "Eve", Email: "eve@example.org"}}
	parsed := `{"source_name":"draft9.md","source_format":"markdown","sha256":"` + meta.SHA256 +
		`","had_revisions":false,"revision_count":0,"blocks":[{"id":"p1"},{"id":"p2"},{"id":"p3"}]}`
	edit(&meta, &source, &parsed)
	toml, err := store.FormatDraftMeta(meta)
	if err != nil {
		t.Fatal(err)
	}
	return folder{"drafts": folder{"sg-9": folder{"draft.toml": toml, "source.md": []byte(source), "draft.json": []byte(parsed)}}}
}

// zeroBlob writes, as a loose object of the remote, a blob of size zero
// bytes. Its zlib stream is built from one compressed megabyte repeated,
// so making a 1 GB object takes a second, and it is about 1 MB on disk,
// as a hostile colleague would ship it.
func zeroBlob(t testing.TB, objects string, size int) plumbing.Hash {
	const chunk = 1 << 20
	header := "blob " + strconv.Itoa(size) + "\x00"
	block := func(data []byte) []byte {
		var b bytes.Buffer
		fw, _ := flate.NewWriter(&b, flate.BestSpeed)
		fw.Write(data)
		fw.Flush()
		return b.Bytes()
	}
	zeros := block(make([]byte, chunk))
	var z bytes.Buffer
	z.Write([]byte{0x78, 0x01})
	z.Write(block([]byte(header)))
	sum := sha1.New()
	sum.Write([]byte(header))
	zero := make([]byte, chunk)
	for left := size; left > 0; left -= chunk {
		if left < chunk {
			z.Write(block(make([]byte, left)))
			sum.Write(zero[:left])
			break
		}
		z.Write(zeros)
		sum.Write(zero)
	}
	z.Write([]byte{0x03, 0x00}) // an empty final block
	// Adler-32 of the header, then of size zero bytes: a is unchanged and
	// b grows by a for each byte.
	const mod = 65521
	a, b := uint64(1), uint64(0)
	for _, c := range []byte(header) {
		a = (a + uint64(c)) % mod
		b = (b + a) % mod
	}
	b = (b + uint64(size)%mod*a) % mod
	binary.Write(&z, binary.BigEndian, uint32(b<<16|a))
	var h plumbing.Hash
	copy(h[:], sum.Sum(nil))
	p := filepath.Join(objects, h.String()[:2], h.String()[2:])
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, z.Bytes(), 0o444); err != nil {
		t.Fatal(err)
	}
	return h
}

// rawSyncCases: names, trees and histories that go-git reads but that
// would break the workspace on Windows or macOS, make git fsck fail, or
// slip past a check of the tip alone.
func rawSyncCases() []hostileCase {
	named := func(name string) func(testing.TB, storer.EncodedObjectStorer) plumbing.Hash {
		return func(t testing.TB, st storer.EncodedObjectStorer) plumbing.Hash {
			return writeTree(t, st, folder{name: folder{"config": []byte("[core]\n\tfsmonitor = touch /tmp/owned\n")}})
		}
	}
	file := func(mode, name string) func(testing.TB, storer.EncodedObjectStorer) plumbing.Hash {
		return func(t testing.TB, st storer.EncodedObjectStorer) plumbing.Hash {
			return writeRawTree(t, st, rawEntry{mode, name, blobIn(t, st, "x")})
		}
	}
	tree := func(f func(testing.TB) folder) func(testing.TB, storer.EncodedObjectStorer) plumbing.Hash {
		return func(t testing.TB, st storer.EncodedObjectStorer) plumbing.Hash { return writeTree(t, st, f(t)) }
	}
	return []hostileCase{
		treeCase("GIT~1 folder (the .git folder's short name on Windows)", named("GIT~1"), "Windows short name"),
		treeCase(".g\u200cit folder (macOS ignores the zero-width joiner)", named(".g\u200cit"), "invisible character"),
		treeCase(".git folder with a trailing space", named(".git "), "git's own folder"),
		treeCase(".gitattributes file", file("100644", ".gitattributes"), "git settings file"),
		treeCase("README.MD beside README.md", func(t testing.TB, st storer.EncodedObjectStorer) plumbing.Hash {
			return writeTree(t, st, folder{"README.MD": []byte("a"), "README.md": []byte("b")})
		}, "same file on Windows and macOS"),
		treeCase("é composed and decomposed", func(t testing.TB, st storer.EncodedObjectStorer) plumbing.Hash {
			return writeTree(t, st, folder{"caf\u00e9.txt": []byte("a"), "cafe\u0301.txt": []byte("b")})
		}, "same file on Windows and macOS"),
		treeCase("COM¹.md (a device name on Windows)", file("100644", "COM\u00b9.md"), "device name on Windows"),
		treeCase("CONIN$ (a device name on Windows)", file("100644", "CONIN$"), "device name on Windows"),
		treeCase("right-to-left override in a name", file("100644", "evil\u202etxt.md"), "invisible character"),
		treeCase("300-byte name", file("100644", strings.Repeat("n", 300)), "300 bytes"),
		treeCase("path longer than Windows holds", tree(func(testing.TB) folder {
			f := folder{strings.Repeat("f", 100) + ".txt": []byte("x")}
			for i := 0; i < 3; i++ {
				f = folder{strings.Repeat("d", 60): f}
			}
			return f
		}), "longer than Windows can hold"),
		treeCase("tree entries out of order", func(t testing.TB, st storer.EncodedObjectStorer) plumbing.Hash {
			return writeRawTree(t, st, rawEntry{"100644", "b.txt", blobIn(t, st, "b")}, rawEntry{"100644", "a.txt", blobIn(t, st, "a")})
		}, "not sorted"),
		treeCase("the same name twice", func(t testing.TB, st storer.EncodedObjectStorer) plumbing.Hash {
			return writeRawTree(t, st, rawEntry{"100644", "a.txt", blobIn(t, st, "a")}, rawEntry{"100644", "a.txt", blobIn(t, st, "b")})
		}, `"a.txt" twice`),
		treeCase("a file and a folder of one name", func(t testing.TB, st storer.EncodedObjectStorer) plumbing.Hash {
			sub := writeTree(t, st, folder{"x": []byte("x")})
			return writeRawTree(t, st, rawEntry{"100644", "a", blobIn(t, st, "a")}, rawEntry{"40000", "a", sub})
		}, `"a" twice`),
		treeCase("zero-padded folder mode", func(t testing.TB, st storer.EncodedObjectStorer) plumbing.Hash {
			return writeRawTree(t, st, rawEntry{"040000", "items", writeTree(t, st, folder{"x": []byte("x")})})
		}, "file mode (040000)"),
		treeCase("group-writable file mode", file("100664", "notes.txt"), "file mode (100664)"),
		treeCase("empty name", file("100644", ""), "which git refuses"),
		treeCase("draft record replaced by an empty one", tree(func(t testing.TB) folder {
			return draftFolder(t, func(m *store.DraftMeta, _, parsed *string) {
				*parsed = `{"sha256":"` + m.SHA256 + `","blocks":[]}`
			})
		}), "draft.json", "fewer than the 3 paragraphs"),
		treeCase("draft record of another source", tree(func(t testing.TB) folder {
			return draftFolder(t, func(_ *store.DraftMeta, _, parsed *string) {
				*parsed = `{"sha256":"0000","blocks":[{},{},{}]}`
			})
		}), "draft.json", "was not read from the draft's source"),
		treeCase("draft source that is not the one its record names", tree(func(t testing.TB) folder {
			return draftFolder(t, func(_ *store.DraftMeta, source, _ *string) { *source += "4. Space.\n" })
		}), "source file of draft", "is not the one its record names"),
		remoteCase("hostile tree in the history under a clean tip", func(t testing.TB, r remoteRepo, _ string) {
			bad := r.commit(t, writeTree(t, r.repo.Storer, folder{"..": folder{"x": []byte("owned")}}))
			clean := r.commit(t, writeTree(t, r.repo.Storer, comments(folder{"ev-250102-abcde.md": validComment(t, func(*item.Comment) {})})), bad)
			r.branch(t, "eve-example-org", clean)
		}, "the work of eve-example-org", `".." is not a file name`),
		remoteCase("branch name climbing out of refs/ in packed-refs", func(t testing.TB, r remoteRepo, _ string) {
			tip := r.commit(t, writeTree(t, r.repo.Storer, folder{"x.txt": []byte("x")}))
			r.packRef(t, "refs/heads/people/../../../../../../escaped", tip)
		}, `the work of "../../../../../../escaped"`, "branch name is not one Delegate makes"),
		remoteCase("branch name with capitals and a slash", func(t testing.TB, r remoteRepo, _ string) {
			tip := r.commit(t, writeTree(t, r.repo.Storer, folder{"x.txt": []byte("x")}))
			r.branch(t, "Eve/main", tip)
		}, `the work of "Eve/main"`, "branch name is not one Delegate makes"),
		remoteCase("object whose content is another object", func(t testing.TB, r remoteRepo, _ string) {
			good := writeTree(t, r.repo.Storer, folder{"x.txt": []byte("x")})
			bad := writeTree(t, r.repo.Storer, folder{"..": folder{"x": []byte("owned")}})
			r.branch(t, "eve-example-org", r.commit(t, good))
			r.replaceObject(t, good, func(p string) error { return os.Link(r.objectPath(bad), p) })
		}, "the work of eve-example-org", "not the object its name says"),
		func() hostileCase {
			c := remoteCase("1 GB blob of zeros, 1 MB on the remote", func(t testing.TB, r remoteRepo, _ string) {
				blob := zeroBlob(t, filepath.Join(r.dir, "objects"), 1<<30)
				tree := writeRawTree(t, r.repo.Storer, rawEntry{"100644", "big.bin", blob})
				r.branch(t, "eve-example-org", r.commit(t, tree))
			}, "the work of eve-example-org", `"big.bin" is 1024 MB`)
			c.maxHeap = 32 << 20
			return c
		}(),
	}
}

func TestHostileSyncRaw(t *testing.T) { runCatalogue(t, rawSyncCases()) }

// TestHostileBranchDoesNotStopOthers: on one shared folder, Eve publishes
// a tree with "..", someone adds a branch whose name climbs six folders up
// (to the folder holding the workspace) and Ben publishes honest work.
// Ana's sync brings Ben's comment, refuses the other two naming them, and
// writes nothing outside the workspace or into .git/config.
func TestHostileBranchDoesNotStopOthers(t *testing.T) {
	w := newWorkspace(t)
	r := newRemoteRepo(t, filepath.Join(t.TempDir(), "shared"))
	r.branch(t, "eve-example-org", r.commit(t, writeTree(t, r.repo.Storer, folder{"..": folder{"x": []byte("owned")}})))
	r.packRef(t, "refs/heads/people/../../../../../../escaped", r.commit(t, writeTree(t, r.repo.Storer, folder{"x.txt": []byte("x")})))
	ben := validComment(t, func(c *item.Comment) {
		c.ID, c.Author = "bn-250102-abcde", item.Person{Name: "Ben", Email: "ben@example.org"}
	})
	r.branch(t, "ben-example-org", r.commit(t, writeTree(t, r.repo.Storer, comments(folder{"bn-250102-abcde.md": ben}))))
	if _, _, err := w.AddRemote("shared", r.dir); err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(w.Dir(), ".git", "config")
	before, err := os.ReadFile(config)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := w.Sync(t.Context(), "shared", store.SyncOptions{})
	if err != nil {
		t.Fatalf("sync: %v", err)
	}
	if len(rep.Unsafe) != 2 || rep.Unsafe[0].Person != `"../../../../../../escaped"` || rep.Unsafe[1].Person != "eve-example-org" {
		t.Fatalf("refused: %+v", rep.Unsafe)
	}
	if msg := rep.UnsafeErr().Error(); !strings.Contains(msg, "the work of eve-example-org on shared") || !strings.Contains(msg, `".." is not a file name`) {
		t.Errorf("refusal: %s", msg)
	}
	if c, err := w.Comment("bn-250102-abcde"); err != nil || c.Author.Name != "Ben" {
		t.Fatalf("Ben's comment: %v %+v", err, c)
	}
	for _, p := range []string{filepath.Join(filepath.Dir(w.Dir()), "escaped"), filepath.Join(filepath.Dir(w.Dir()), "x"), filepath.Join(w.Dir(), "escaped")} {
		if _, err := os.Lstat(p); !os.IsNotExist(err) {
			t.Errorf("%s was written: %v", p, err)
		}
	}
	if after, _ := os.ReadFile(config); !bytes.Equal(after, before) {
		t.Errorf(".git/config changed:\n%s", after)
	}
}

// TestHistoryAlreadyCopiedIsChecked: the two-step bypass. An earlier sync
// (by a version that checked only the tip) left Eve's hostile commit in
// .git/objects: a tree that replaces .git/config and writes ../x. When
// her branch then points at it, it is checked like new work and refused:
// an object being present in .git/objects proves nothing.
func TestHistoryAlreadyCopiedIsChecked(t *testing.T) {
	w := newWorkspace(t)
	r := newRemoteRepo(t, filepath.Join(t.TempDir(), "shared"))
	hostile := folder{".git": folder{"config": []byte("[core]\n\tfsmonitor = touch owned\n")}, "..": folder{"x": []byte("owned")}}
	bad := r.commit(t, writeTree(t, r.repo.Storer, hostile))
	tip := r.commit(t, writeTree(t, r.repo.Storer, comments(folder{"ev-250102-abcde.md": validComment(t, func(*item.Comment) {})})), bad)
	wsRepo, err := git.PlainOpen(w.Dir())
	if err != nil {
		t.Fatal(err)
	}
	objs, err := r.repo.Storer.IterEncodedObjects(plumbing.AnyObject)
	if err != nil {
		t.Fatal(err)
	}
	if err := objs.ForEach(func(o plumbing.EncodedObject) error { _, err := wsRepo.Storer.SetEncodedObject(o); return err }); err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(w.Dir(), ".git", "config")
	before, _ := os.ReadFile(config)
	for _, h := range []plumbing.Hash{tip, bad} {
		r.branch(t, "eve-example-org", h)
		if _, _, err := w.AddRemote(fmt.Sprintf("r%.6s", h), r.dir); err != nil {
			t.Fatal(err)
		}
		err := syncErr(w, fmt.Sprintf("r%.6s", h))
		if err == nil || !strings.Contains(err.Error(), "the work of eve-example-org") || !strings.Contains(err.Error(), `".." is not a file name`) {
			t.Fatalf("branch at %.7s: %v", h, err)
		}
	}
	if after, _ := os.ReadFile(config); !bytes.Contains(after, []byte("[remote")) || bytes.Contains(after, []byte("fsmonitor")) || !bytes.HasPrefix(after, before) {
		t.Errorf(".git/config changed:\n%s", after)
	}
	if _, err := os.Lstat(filepath.Join(filepath.Dir(w.Dir()), "x")); !os.IsNotExist(err) {
		t.Errorf("../x was written: %v", err)
	}
	if _, err := w.Comment("ev-250102-abcde"); err == nil {
		t.Error("Eve's comment arrived with her hostile history")
	}
}

// TestOwnBranchTamperedIsNotPublishedOver: someone wrote a hostile commit
// into the user's own branch on the shared folder. Sync refuses it, and
// does not publish over it either (that would hide what was found): the
// branch on the remote is as the intruder left it, and the report says so.
func TestOwnBranchTamperedIsNotPublishedOver(t *testing.T) {
	w := newWorkspace(t)
	me := store.PersonID(w.User())
	r := newRemoteRepo(t, filepath.Join(t.TempDir(), "shared"))
	bad := r.commit(t, writeTree(t, r.repo.Storer, folder{"con.md": []byte("x")}))
	r.branch(t, me, bad)
	if _, _, err := w.AddRemote("shared", r.dir); err != nil {
		t.Fatal(err)
	}
	rep, err := w.Sync(t.Context(), "shared", store.SyncOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Published || len(rep.Unsafe) != 1 || rep.Unsafe[0].Person != me || !strings.Contains(rep.Unsafe[0].Reason, "device name") {
		t.Fatalf("published %v, refused %+v", rep.Published, rep.Unsafe)
	}
	ref, err := r.repo.Reference(plumbing.ReferenceName(store.PeoplePrefix+me), true)
	if err != nil || ref.Hash() != bad {
		t.Fatalf("the remote branch moved: %v %v", ref, err)
	}
}
