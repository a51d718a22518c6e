package store

import (
	"io"

	"github.com/ProtonMail/go-crypto/openpgp"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/delegate-itu/delegate/model/gitrepo"
)

// Signing is optional: a user who sets a key (SetSigningKey, for this
// session only; the key stays in the user's file and its passphrase is
// never stored) gets every commit and package tag signed with OpenPGP,
// as `git commit -S` would, so `git verify-commit` accepts them. What
// arrives at sync is checked against the delegation's public keys,
// committed under keys/ (see verify.go).

// Errors of signing keys (gitrepo's, so errors.Is holds either way).
var (
	// ErrBadKey: the file holds no usable OpenPGP secret key.
	ErrBadKey = gitrepo.ErrBadKey
	// ErrPassphrase: the passphrase does not unlock the key.
	ErrPassphrase = gitrepo.ErrPassphrase
)

// ReadSigningKey reads an armored OpenPGP secret key (as `gpg --export-
// secret-keys --armor` writes it) and unlocks it with passphrase (nil
// for a key without one).
func ReadSigningKey(armored io.Reader, passphrase []byte) (*openpgp.Entity, error) {
	return gitrepo.ReadSigningKey(armored, passphrase)
}

// KeyEncrypted says whether an armored secret key needs a passphrase, so
// a caller knows whether to ask for one.
func KeyEncrypted(armored []byte) bool { return gitrepo.KeyEncrypted(armored) }

// SetSigningKey signs this session's commits and tags with key (nil:
// stop signing). The key is kept in memory only.
func (w *Workspace) SetSigningKey(key *openpgp.Entity) { w.signer = key }

// Signing reports whether commits are being signed, and with which key.
func (w *Workspace) Signing() (fingerprint string, on bool) {
	if w.signer == nil {
		return "", false
	}
	return Fingerprint(w.signer), true
}

// Fingerprint is a key's fingerprint in upper-case hex, as gpg shows it.
func Fingerprint(e *openpgp.Entity) string { return gitrepo.Fingerprint(e) }

// signature makes the armored detached signature of an object's bytes
// (encoded without signature), or "" when no key is set.
func (w *Workspace) signature(encode func(plumbing.EncodedObject) error) (string, error) {
	return gitrepo.Sign(w.signer, encode)
}

// signCommit fills c's signature when a key is set.
func (w *Workspace) signCommit(c *object.Commit) error {
	sig, err := w.signature(c.EncodeWithoutSignature)
	c.PGPSignature = sig
	return err
}

// signTag fills t's signature when a key is set.
func (w *Workspace) signTag(t *object.Tag) error {
	sig, err := w.signature(t.EncodeWithoutSignature)
	t.PGPSignature = sig
	return err
}

// PublicKeyArmor is the armored public part of a key: what goes under
// keys/ and to the other members of the delegation.
func PublicKeyArmor(e *openpgp.Entity) ([]byte, error) { return gitrepo.PublicKeyArmor(e) }

// NewTestKey makes an unprotected signing key for name and email, for
// tests and demonstrations (real users bring their own, made with gpg).
func NewTestKey(name, email string) (*openpgp.Entity, error) {
	return gitrepo.NewTestKey(name, email)
}
