package store

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/transport"
)

// SyncOptions tune Sync.
type SyncOptions struct {
	// Credential for an HTTP(S) remote; nil looks in $DELEGATE_TOKEN,
	// then in CredentialsFile.
	Credential *Credential
	// Progress, if set, hears each step in words ("fetching from usb").
	Progress func(step string)
}

// SyncReport says what a sync did.
type SyncReport struct {
	Remote    string        `json:"remote"`
	Me        string        `json:"me"`     // the person ID published as
	People    []string      `json:"people"` // branches found on the remote
	Merged    []BranchMerge `json:"merged"`
	Published bool          `json:"published"` // people/<me> was moved
	Conflicts int           `json:"open_conflicts"`
	// Signatures: the incoming commits' signature states, per author.
	Signatures []AuthorSignatures `json:"signatures,omitempty"`
	// Refused: branches not merged because the workspace requires signed
	// work (RequireSignatures) and they held unsigned or badly signed commits.
	Refused []string `json:"refused,omitempty"`
	// Unsafe: branches not brought in at all because they hold something
	// Delegate will not take (see ErrUnsafeRemote); the rest of the sync
	// went on without them.
	Unsafe []UnsafeWork `json:"unsafe,omitempty"`
}

func (r SyncReport) refused(id string) bool {
	for _, u := range r.Unsafe {
		if u.Person == id {
			return true
		}
	}
	return false
}

// UnsafeErr is nil when every branch on the remote could be checked, or
// an error (wrapping ErrUnsafeRemote) naming each colleague whose work
// was refused: for a front end that treats a partial sync as a failure.
func (r SyncReport) UnsafeErr() error {
	errs := make([]error, len(r.Unsafe))
	for i, u := range r.Unsafe {
		errs[i] = u
	}
	return errors.Join(errs...)
}

// Sync exchanges work with a remote (name "" = the only one or origin):
// it fetches every people/* branch, merges each into the workspace (see
// mergeBranch), then publishes the result as people/<me>. Each step is
// complete on its own, so an interrupted sync is finished by the next
// one. If the remote cannot be reached nothing is changed and the error
// wraps ErrUnreachable. The history index learns the received commits at
// the next history query, not here: a sync that brings 1,000 commits
// would otherwise spend a third of its time indexing them.
func (w *Workspace) Sync(ctx context.Context, name string, opts SyncOptions) (SyncReport, error) {
	if err := w.writable(); err != nil { // open for reading only: a sync writes objects and refs
		return SyncReport{}, err
	}
	say := opts.Progress
	if say == nil {
		say = func(string) {}
	}
	r, err := w.remote(name)
	if err != nil {
		return SyncReport{}, err
	}
	rep := SyncReport{Remote: r.Name, Me: PersonID(w.user)}
	if rep.Me == "" {
		return rep, ErrNoUser
	}
	auth, err := authFor(r, opts.Credential)
	if err != nil {
		return rep, err
	}
	w.sweepTemps(true) // what a killed sync left
	say("fetching from " + r.Name)
	heads, unsafe, err := w.fetch(ctx, r, auth)
	if err != nil {
		return rep, fetchFailed(err)
	}
	rep.Unsafe = unsafe
	for id := range heads {
		rep.People = append(rep.People, id)
	}
	sort.Strings(rep.People)
	if err := w.mergePeople(&rep, heads, say); err != nil {
		return rep, mergeFailed(err)
	}
	_, head, _, err := w.head()
	if err != nil {
		return rep, err
	}
	// When someone else wrote into this user's branch on the remote and
	// it was refused, moving it would need its old value, and publishing
	// over it would hide what was found: the report says why nothing was
	// published.
	if !rep.refused(rep.Me) && head != heads[rep.Me] {
		say("publishing as " + rep.Me)
		if err := w.push(ctx, r, auth, rep.Me, heads[rep.Me], head); err != nil {
			return rep, fmt.Errorf("merged here, but not published: %w", publishFailed(r, err))
		}
		rep.Published = true
	}
	cs, err := w.Conflicts()
	rep.Conflicts = len(cs)
	return rep, err
}

// mergePeople checks the signatures of each fetched branch's new commits
// and merges it, unless the workspace requires signed work and the
// branch has unsigned or badly signed commits.
func (w *Workspace) mergePeople(rep *SyncReport, heads map[string]plumbing.Hash, say func(string)) error {
	_, ring, err := w.PublicKeys()
	if err != nil {
		return err
	}
	require, err := w.RequireSignatures()
	if err != nil {
		return err
	}
	sigs := map[string]*AuthorSignatures{}
	for _, id := range rep.People {
		say("checking the signatures of " + id)
		_, ours, _, err := w.head()
		if err != nil {
			return err
		}
		clean, err := w.checkIncoming(ring, ours, heads[id], sigs)
		if err != nil {
			return fmt.Errorf("check the work of %s: %w", id, err)
		}
		if require && !clean {
			rep.Refused = append(rep.Refused, id)
			continue
		}
		say("merging the work of " + id)
		m, err := w.mergeBranch(heads[id], id)
		if err != nil {
			return fmt.Errorf("merge the work of %s: %w", id, err)
		}
		rep.Merged = append(rep.Merged, m)
	}
	rep.Signatures = sortedSignatures(sigs)
	return nil
}

func (w *Workspace) fetch(ctx context.Context, r Remote, auth transport.AuthMethod) (map[string]plumbing.Hash, []UnsafeWork, error) {
	if r.Kind == RemoteFolder {
		return w.fetchFolder(r)
	}
	return w.fetchNetwork(ctx, r, auth)
}

func (w *Workspace) push(ctx context.Context, r Remote, auth transport.AuthMethod, me string, old, head plumbing.Hash) error {
	if r.Kind == RemoteFolder {
		return w.pushFolder(r, me, old, head)
	}
	return w.pushNetwork(ctx, r, auth, me, old, head)
}
