package store_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ProtonMail/go-crypto/openpgp"
	"github.com/ProtonMail/go-crypto/openpgp/armor"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store"
)

func testKey(t *testing.T, name string) *openpgp.Entity {
	t.Helper()
	k, err := store.NewTestKey(name, strings.ToLower(name)+"@example.org")
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func publicArmor(t *testing.T, k *openpgp.Entity) []byte {
	t.Helper()
	b, err := store.PublicKeyArmor(k)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestSignedCommitsAndTags: with a key set, saves, the key commit and a
// package tag are signed; go-git verifies them against the public key and,
// when gpg is installed, so does `git verify-commit` / `git verify-tag`.
func TestSignedCommitsAndTags(t *testing.T) {
	ana, key := person(t, "Ana"), testKey(t, "Ana")
	ana.SetSigningKey(key)
	if _, err := ana.AddPublicKey(publicArmor(t, key)); err != nil {
		t.Fatal(err)
	}
	addComments(t, ana, 2, "ana")
	if err := ana.TagPackage("pkg-1", "sent"); err != nil {
		t.Fatal(err)
	}
	repo, err := git.PlainOpen(ana.Dir())
	if err != nil {
		t.Fatal(err)
	}
	head, _ := ana.Head()
	c, err := repo.CommitObject(plumbing.NewHash(head))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Verify(string(publicArmor(t, key))); err != nil {
		t.Fatalf("commit signature: %v", err)
	}
	ref, _ := repo.Tag("pkg-1")
	tag, err := repo.TagObject(ref.Hash())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tag.Verify(string(publicArmor(t, key))); err != nil {
		t.Fatalf("tag signature: %v", err)
	}
	if _, err := exec.LookPath("gpg"); err == nil && storeHasGit() {
		gpgVerify(t, ana.Dir(), publicArmor(t, key))
	}
}

// signedPerson creates a workspace that signs from its first commit.
func signedPerson(t *testing.T, name string, key *openpgp.Entity) *store.Workspace {
	t.Helper()
	user := item.Person{Name: name, Email: strings.ToLower(name) + "@example.org"}
	w, err := store.CreateSigned(filepath.Join(t.TempDir(), strings.ToLower(name)), user, key)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = w.Close() })
	return w
}

func storeHasGit() bool { _, err := exec.LookPath("git"); return err == nil }

// gpgVerify imports the public key into a temporary GNUPGHOME and runs
// git verify-commit and verify-tag.
func gpgVerify(t *testing.T, dir string, pub []byte) {
	home := t.TempDir()
	_ = os.Chmod(home, 0o700)
	keyFile := filepath.Join(home, "pub.asc")
	if err := os.WriteFile(keyFile, pub, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"gpg", "--batch", "--quiet", "--import", keyFile},
		{"git", "-C", dir, "verify-commit", "HEAD"},
		{"git", "-C", dir, "verify-commit", "HEAD~2"},
		{"git", "-C", dir, "verify-tag", "pkg-1"},
	} {
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Env = append(os.Environ(), "GNUPGHOME="+home)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
		if args[0] == "git" && !strings.Contains(string(out), "Good signature") {
			t.Fatalf("%v: no good signature:\n%s", args, out)
		}
	}
}

// TestReadSigningKey: a protected key opens with its passphrase only.
func TestReadSigningKey(t *testing.T) {
	key := testKey(t, "Ana")
	if err := key.EncryptPrivateKeys([]byte("correct horse"), nil); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	aw, _ := armor.Encode(&b, openpgp.PrivateKeyType, nil)
	if err := key.SerializePrivateWithoutSigning(aw, nil); err != nil {
		t.Fatal(err)
	}
	_ = aw.Close()
	if !store.KeyEncrypted(b.Bytes()) {
		t.Fatal("KeyEncrypted: false for a protected key")
	}
	if _, err := store.ReadSigningKey(bytes.NewReader(b.Bytes()), []byte("wrong")); !errors.Is(err, store.ErrPassphrase) {
		t.Fatalf("wrong passphrase: %v", err)
	}
	k, err := store.ReadSigningKey(bytes.NewReader(b.Bytes()), []byte("correct horse"))
	if err != nil {
		t.Fatal(err)
	}
	ana := person(t, "Ana")
	ana.SetSigningKey(k)
	addComments(t, ana, 1, "ana") // signing works with the unlocked key
	if _, err := store.ReadSigningKey(bytes.NewReader(publicArmor(t, k)), nil); !errors.Is(err, store.ErrBadKey) {
		t.Fatalf("public key as signing key: %v", err)
	}
}

// TestSyncChecksSignatures: the coordinator knows Ana's key (keys/);
// Ana signs, Ben does not, Carol signs with a key nobody published. The
// report counts each per author; with signed work required, Ben's and
// Carol's branches are refused and their items do not arrive.
func TestSyncChecksSignatures(t *testing.T) {
	for _, require := range []bool{false, true} {
		remote := filepath.Join(t.TempDir(), "usb")
		anaKey, carolKey := testKey(t, "Ana"), testKey(t, "Carol")
		coord, ana, ben, carol := person(t, "Coord"), signedPerson(t, "Ana", anaKey), person(t, "Ben"), signedPerson(t, "Carol", carolKey)
		if _, err := coord.AddPublicKey(publicArmor(t, anaKey)); err != nil {
			t.Fatal(err)
		}
		if err := coord.SetRequireSignatures(require); err != nil {
			t.Fatal(err)
		}
		for _, w := range []*store.Workspace{coord, ana, ben, carol} {
			addRemote(t, w, "usb", remote)
		}
		mustSync(t, coord, "")
		ids := map[*store.Workspace][]string{}
		for _, w := range []*store.Workspace{ana, ben, carol} {
			ids[w] = addComments(t, w, 3, w.User().Name)
			mustSync(t, w, "")
		}
		rep := mustSync(t, coord, "")
		got := map[string]store.AuthorSignatures{}
		for _, a := range rep.Signatures {
			got[a.Author] = a
		}
		// each also merged the others' work: a merge commit is its maker's
		if a := got["ana@example.org"]; a.Good < 3 || !a.Clean() {
			t.Errorf("Ana: %+v", a)
		}
		if b := got["ben@example.org"]; b.Unsigned < 3 || b.Good+b.UnknownKey+b.Bad != 0 {
			t.Errorf("Ben: %+v", b)
		}
		if c := got["carol@example.org"]; c.UnknownKey < 3 || len(c.BadCommits) != c.UnknownKey || c.Good+c.Unsigned != 0 {
			t.Errorf("Carol: %+v", c)
		}
		have := commentIDs(t, coord)
		_, benIn := have[ids[ben][0]]
		_, anaIn := have[ids[ana][0]]
		if !anaIn || benIn == require {
			t.Errorf("require=%v: Ana's item in %v, Ben's in %v; refused %v", require, anaIn, benIn, rep.Refused)
		}
		if require && strings.Join(rep.Refused, ",") != "ben-example-org,carol-example-org" {
			t.Errorf("refused: %v", rep.Refused)
		}
	}
}
