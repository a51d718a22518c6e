package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/ProtonMail/go-crypto/openpgp"
	"github.com/ProtonMail/go-crypto/openpgp/armor"
	"github.com/ProtonMail/go-crypto/openpgp/packet"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// Signing is optional: a user who sets a key (SetSigningKey, for this
// session only; the key stays in the user's file and its passphrase is
// never stored) gets every commit and package tag signed with OpenPGP,
// as `git commit -S` would, so `git verify-commit` accepts them. What
// arrives at sync is checked against the delegation's public keys,
// committed under keys/ (see verify.go).

// Errors of signing keys.
var (
	// ErrBadKey: the file holds no usable OpenPGP secret key.
	ErrBadKey = errors.New("not an OpenPGP secret key that can sign")
	// ErrPassphrase: the passphrase does not unlock the key.
	ErrPassphrase = errors.New("the passphrase does not unlock the key")
)

// ReadSigningKey reads an armored OpenPGP secret key (as `gpg --export-
// secret-keys --armor` writes it) and unlocks it with passphrase (nil
// for a key without one).
func ReadSigningKey(armored io.Reader, passphrase []byte) (*openpgp.Entity, error) {
	list, err := openpgp.ReadArmoredKeyRing(armored)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadKey, err)
	}
	for _, e := range list {
		if e.PrivateKey == nil {
			continue
		}
		if e.PrivateKey.Encrypted {
			if len(passphrase) == 0 {
				return nil, fmt.Errorf("%w (it has one; none was given)", ErrPassphrase)
			}
			if err := e.DecryptPrivateKeys(passphrase); err != nil {
				return nil, fmt.Errorf("%w: %v", ErrPassphrase, err)
			}
		}
		return e, nil
	}
	return nil, fmt.Errorf("%w: the file holds only public keys", ErrBadKey)
}

// KeyEncrypted says whether an armored secret key needs a passphrase, so
// a caller knows whether to ask for one.
func KeyEncrypted(armored []byte) bool {
	list, err := openpgp.ReadArmoredKeyRing(bytes.NewReader(armored))
	if err != nil {
		return false
	}
	for _, e := range list {
		if e.PrivateKey != nil {
			return e.PrivateKey.Encrypted
		}
	}
	return false
}

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
func Fingerprint(e *openpgp.Entity) string {
	return strings.ToUpper(fmt.Sprintf("%x", e.PrimaryKey.Fingerprint))
}

// signature makes the armored detached signature of an object's bytes
// (encoded without signature), or "" when no key is set.
func (w *Workspace) signature(encode func(plumbing.EncodedObject) error) (string, error) {
	if w.signer == nil {
		return "", nil
	}
	var obj plumbing.MemoryObject
	if err := encode(&obj); err != nil {
		return "", err
	}
	r, err := obj.Reader()
	if err != nil {
		return "", err
	}
	var sig bytes.Buffer
	if err := openpgp.ArmoredDetachSign(&sig, w.signer, r, nil); err != nil {
		return "", fmt.Errorf("sign: %w", err)
	}
	return sig.String(), nil
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
func PublicKeyArmor(e *openpgp.Entity) ([]byte, error) {
	var b bytes.Buffer
	aw, err := armor.Encode(&b, openpgp.PublicKeyType, nil)
	if err != nil {
		return nil, err
	}
	if err := e.Serialize(aw); err != nil {
		return nil, err
	}
	if err := aw.Close(); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// NewTestKey makes an unprotected signing key for name and email, for
// tests and demonstrations (real users bring their own, made with gpg).
func NewTestKey(name, email string) (*openpgp.Entity, error) {
	return openpgp.NewEntity(name, "", email, &packet.Config{Algorithm: packet.PubKeyAlgoEdDSA})
}
