package gitrepo

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ProtonMail/go-crypto/openpgp"
	"github.com/ProtonMail/go-crypto/openpgp/armor"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// TestSignAndVerifyCommit: a commit Sign signed verifies as good against a
// ring holding its key; as unknown-key against another ring; as bad once
// its message is changed or when the author is not the key's e-mail; as
// unsigned without a signature; and no key signs nothing.
func TestSignAndVerifyCommit(t *testing.T) {
	ana, err := NewTestKey("Ana", "Ana@Example.org")
	if err != nil {
		t.Fatal(err)
	}
	ben, err := NewTestKey("Ben", "ben@example.org")
	if err != nil {
		t.Fatal(err)
	}
	if got := KeyEmails(ana); len(got) != 1 || got[0] != "ana@example.org" {
		t.Fatalf("KeyEmails %v", got)
	}
	if fp := Fingerprint(ana); len(fp) != 40 || strings.ToUpper(fp) != fp {
		t.Fatalf("Fingerprint %q", fp)
	}
	sign := func(key *openpgp.Entity, email string) *object.Commit {
		c := &object.Commit{
			Author:   object.Signature{Name: "Ana", Email: email, When: time.Unix(1700000000, 0)},
			Message:  "Comment 1\n",
			TreeHash: plumbing.ComputeHash(plumbing.TreeObject, nil),
		}
		c.Committer = c.Author
		sig, err := Sign(key, c.EncodeWithoutSignature)
		if err != nil {
			t.Fatal(err)
		}
		c.PGPSignature = sig
		return c
	}
	ring := openpgp.EntityList{ana}
	good := sign(ana, "ana@example.org")
	if !strings.HasPrefix(good.PGPSignature, "-----BEGIN PGP SIGNATURE-----") {
		t.Fatalf("signature %q", good.PGPSignature)
	}
	cases := []struct {
		name string
		ring openpgp.EntityList
		c    *object.Commit
		want string
	}{
		{"signed by the author's key", ring, good, SigGood},
		{"key not in the ring", openpgp.EntityList{ben}, good, SigUnknownKey},
		{"author is not the key's", ring, sign(ana, "ben@example.org"), SigBad},
		{"unsigned", ring, sign(nil, "ana@example.org"), SigUnsigned},
	}
	tampered := *good
	tampered.Message = "Comment 2\n"
	cases = append(cases, struct {
		name string
		ring openpgp.EntityList
		c    *object.Commit
		want string
	}{"message changed after signing", ring, &tampered, SigBad})
	for _, tc := range cases {
		if got := VerifyCommit(tc.ring, tc.c); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

// TestReadSigningKey: a secret key reads back from its armor; a public key
// alone is ErrBadKey, garbage too; an unprotected key needs no passphrase.
func TestReadSigningKey(t *testing.T) {
	key, err := NewTestKey("Ana", "ana@example.org")
	if err != nil {
		t.Fatal(err)
	}
	var sec bytes.Buffer
	aw, err := armor.Encode(&sec, openpgp.PrivateKeyType, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := key.SerializePrivateWithoutSigning(aw, nil); err != nil {
		t.Fatal(err)
	}
	if err := aw.Close(); err != nil {
		t.Fatal(err)
	}
	if KeyEncrypted(sec.Bytes()) {
		t.Fatal("an unprotected key reads as encrypted")
	}
	got, err := ReadSigningKey(bytes.NewReader(sec.Bytes()), nil)
	if err != nil || Fingerprint(got) != Fingerprint(key) {
		t.Fatalf("ReadSigningKey: %v", err)
	}
	pub, err := PublicKeyArmor(key)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ReadSigningKey(bytes.NewReader(pub), nil); !errors.Is(err, ErrBadKey) {
		t.Fatalf("public key only: %v", err)
	}
	if _, err := ReadSigningKey(strings.NewReader("not a key"), nil); !errors.Is(err, ErrBadKey) {
		t.Fatalf("garbage: %v", err)
	}
}
