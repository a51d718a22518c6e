package gitrepo

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/ProtonMail/go-crypto/openpgp"
	"github.com/ProtonMail/go-crypto/openpgp/armor"
	pgperrors "github.com/ProtonMail/go-crypto/openpgp/errors"
	"github.com/ProtonMail/go-crypto/openpgp/packet"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// Signing here is git's: an armored OpenPGP detached signature of the
// object's bytes without it, as `git commit -S` writes and `git
// verify-commit` checks. Which keys are trusted, and what is refused, is
// the caller's.

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

// Fingerprint is a key's fingerprint in upper-case hex, as gpg shows it.
func Fingerprint(e *openpgp.Entity) string {
	return strings.ToUpper(fmt.Sprintf("%x", e.PrimaryKey.Fingerprint))
}

// KeyEmails are the e-mail addresses a key's identities name, lower
// case and sorted: whose commits it may sign.
func KeyEmails(e *openpgp.Entity) []string {
	var out []string
	for _, id := range e.Identities {
		if id.UserId != nil && id.UserId.Email != "" {
			out = append(out, strings.ToLower(id.UserId.Email))
		}
	}
	sort.Strings(out)
	return out
}

// PublicKeyArmor is the armored public part of a key: what others check
// its signatures with.
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

// NewTestKey makes an unprotected EdDSA signing key for name and email,
// for tests and demonstrations.
func NewTestKey(name, email string) (*openpgp.Entity, error) {
	return openpgp.NewEntity(name, "", email, &packet.Config{Algorithm: packet.PubKeyAlgoEdDSA})
}

// Sign makes the armored detached signature, by key, of an object's
// bytes as encode writes them (a commit's or tag's EncodeWithoutSignature);
// key nil: "", unsigned.
func Sign(key *openpgp.Entity, encode func(plumbing.EncodedObject) error) (string, error) {
	if key == nil {
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
	if err := openpgp.ArmoredDetachSign(&sig, key, r, nil); err != nil {
		return "", fmt.Errorf("sign: %w", err)
	}
	return sig.String(), nil
}

// Signature states of a commit (VerifyCommit).
const (
	SigGood       = "good"        // signed by a key of the ring that names the author
	SigUnsigned   = "unsigned"    // no signature
	SigUnknownKey = "unknown-key" // signed, by a key not in the ring
	SigBad        = "bad"         // signature does not match, or the key is not the author's
)

// VerifyCommit checks a commit's signature against the key ring and
// that the signing key names the commit's author e-mail.
func VerifyCommit(ring openpgp.EntityList, c *object.Commit) string {
	if c.PGPSignature == "" {
		return SigUnsigned
	}
	var obj plumbing.MemoryObject
	if err := c.EncodeWithoutSignature(&obj); err != nil {
		return SigBad
	}
	r, _ := obj.Reader()
	signer, err := openpgp.CheckArmoredDetachedSignature(ring, r, strings.NewReader(c.PGPSignature), nil)
	switch {
	case errors.Is(err, pgperrors.ErrUnknownIssuer):
		return SigUnknownKey
	case err != nil || signer == nil:
		return SigBad
	}
	author := strings.ToLower(c.Author.Email)
	for _, e := range KeyEmails(signer) {
		if e == author {
			return SigGood
		}
	}
	return SigBad
}
