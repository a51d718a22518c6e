package store

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/ProtonMail/go-crypto/openpgp"
	"github.com/go-git/go-git/v5/plumbing"

	"github.com/delegate-itu/delegate/model/item"

	"github.com/delegate-itu/delegate/model/gitrepo"
)

// KeysDir holds the delegation's public keys, one armored file per
// person (keys/<person-id>.asc), committed like any other file so every
// workspace learns them at sync. A key is trusted once it is in the
// workspace: a key arriving in the same sync as the work it signed is
// reported as unknown until then.
const KeysDir = "keys"

// ErrSignatureRequired means a branch was not merged because the workspace
// requires signed work and it had unsigned or badly signed commits.
var ErrSignatureRequired = errors.New("unsigned or badly signed work refused")

// PublicKey is one key under keys/.
type PublicKey struct {
	Path        string   `json:"path"`
	Fingerprint string   `json:"fingerprint"`
	Emails      []string `json:"emails"`
}

// AddPublicKey commits the public part of an armored key (public or
// secret: only the public part is written) as keys/<person-id>.asc.
func (w *Workspace) AddPublicKey(armored []byte) (PublicKey, error) {
	list, err := openpgp.ReadArmoredKeyRing(bytes.NewReader(armored))
	if err != nil || len(list) == 0 {
		return PublicKey{}, fmt.Errorf("not an OpenPGP key: %v", err)
	}
	e := list[0]
	pk := keyInfo(e)
	if len(pk.Emails) == 0 {
		return PublicKey{}, errors.New("the key names no e-mail address, so no commit author can be matched to it")
	}
	pub, err := PublicKeyArmor(e)
	if err != nil {
		return PublicKey{}, err
	}
	id := PersonID(item.Person{Email: pk.Emails[0]})
	pk.Path = KeysDir + "/" + id + ".asc"
	_, err = w.commit("Add the OpenPGP key of "+pk.Emails[0]+"\n\nKey: "+pk.Fingerprint, []change{{path: pk.Path, data: pub}})
	return pk, err
}

func keyInfo(e *openpgp.Entity) PublicKey {
	return PublicKey{Fingerprint: Fingerprint(e), Emails: gitrepo.KeyEmails(e)}
}

// PublicKeys lists the keys under keys/ and returns them as a key ring.
func (w *Workspace) PublicKeys() ([]PublicKey, openpgp.EntityList, error) {
	ents, err := w.listDir(KeysDir)
	if err != nil {
		return nil, nil, err
	}
	var out []PublicKey
	var ring openpgp.EntityList
	for _, e := range ents {
		if !strings.HasSuffix(e.Name, ".asc") {
			continue
		}
		data, err := w.blobData(e.Hash)
		if err != nil {
			return nil, nil, err
		}
		list, err := openpgp.ReadArmoredKeyRing(bytes.NewReader(data))
		if err != nil {
			continue // a damaged key file trusts nobody
		}
		for _, k := range list {
			pk := keyInfo(k)
			pk.Path = KeysDir + "/" + e.Name
			out = append(out, pk)
			ring = append(ring, k)
		}
	}
	return out, ring, nil
}

// Signature states of a commit.
const (
	SigGood       = gitrepo.SigGood       // signed by a key under keys/ that names the author
	SigUnsigned   = gitrepo.SigUnsigned   // no signature
	SigUnknownKey = gitrepo.SigUnknownKey // signed, by a key not under keys/
	SigBad        = gitrepo.SigBad        // signature does not match, or the key is not the author's
)

// AuthorSignatures counts the signature states of one author's incoming
// commits.
type AuthorSignatures struct {
	Author     string   `json:"author"` // e-mail
	Good       int      `json:"good"`
	Unsigned   int      `json:"unsigned"`
	UnknownKey int      `json:"unknown_key"`
	Bad        int      `json:"bad"`
	BadCommits []string `json:"bad_commits,omitempty"` // unknown-key and bad ones
}

// Clean says whether every commit was well signed.
func (a AuthorSignatures) Clean() bool { return a.Unsigned+a.UnknownKey+a.Bad == 0 }

// checkIncoming verifies the commits theirs brings that ours lacks, and
// adds the counts per author to sigs.
func (w *Workspace) checkIncoming(ring openpgp.EntityList, ours, theirs plumbing.Hash, sigs map[string]*AuthorSignatures) (clean bool, err error) {
	var haves []plumbing.Hash
	if !ours.IsZero() {
		haves = []plumbing.Hash{ours}
	}
	commits, err := gitrepo.MissingCommits(w.st, theirs, haves)
	if err != nil {
		return false, err
	}
	clean = true
	for h, c := range commits {
		email := strings.ToLower(c.Author.Email)
		a := sigs[email]
		if a == nil {
			a = &AuthorSignatures{Author: email}
			sigs[email] = a
		}
		switch gitrepo.VerifyCommit(ring, c) {
		case SigGood:
			a.Good++
			continue
		case SigUnsigned:
			a.Unsigned++
		case SigUnknownKey:
			a.UnknownKey++
			a.BadCommits = append(a.BadCommits, h.String())
		default:
			a.Bad++
			a.BadCommits = append(a.BadCommits, h.String())
		}
		clean = false
	}
	return clean, nil
}

// sortedSignatures lists the counts by author.
func sortedSignatures(m map[string]*AuthorSignatures) []AuthorSignatures {
	out := make([]AuthorSignatures, 0, len(m))
	for _, a := range m {
		sort.Strings(a.BadCommits)
		out = append(out, *a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Author < out[j].Author })
	return out
}

// requireKey is the git config key of the "refuse unsigned work" setting.
const requireSection, requireKey = "delegate", "requireSignedWork"

// RequireSignatures says whether sync refuses branches with unsigned or
// badly signed commits (a setting of this workspace, in .git/config).
func (w *Workspace) RequireSignatures() (bool, error) {
	cfg, err := w.repo.Config()
	if err != nil {
		return false, err
	}
	return cfg.Raw.Section(requireSection).Option(requireKey) == "true", nil
}

// SetRequireSignatures turns the refusal of unsigned work on or off.
func (w *Workspace) SetRequireSignatures(on bool) error {
	cfg, err := w.repo.Config()
	if err != nil {
		return err
	}
	cfg.Raw.Section(requireSection).SetOption(requireKey, fmt.Sprint(on))
	return w.repo.SetConfig(cfg)
}
