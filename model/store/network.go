package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/transport"

	"github.com/delegate-itu/delegate/model/gitrepo"
)

// The git side of a server remote (transports, auth, send-pack) is in
// model/gitrepo; this file is the workspace's side: which credential,
// which branches, and what the user is told.

// authFor builds what the server needs: a token for HTTP(S) (given, from
// $DELEGATE_TOKEN or the credentials file), the SSH agent or the user's
// key for SSH, nothing for folders and git://.
func authFor(r Remote, cred *Credential) (transport.AuthMethod, error) {
	switch r.Kind {
	case RemoteHTTP:
		if cred == nil {
			if c, ok := LoadToken(r.URL); ok {
				cred = &c
			}
		}
		if cred == nil {
			return nil, nil
		}
		return gitrepo.HTTPAuth(cred.Username, cred.Token), nil
	case RemoteSSH:
		a, err := gitrepo.SSHAuth(r.URL)
		if errors.Is(err, gitrepo.ErrNoSSHKey) {
			return nil, fmt.Errorf("%w: %w", ErrAuth, err)
		}
		return a, err
	}
	return nil, nil
}

// fetchNetwork fetches the people/* branches whose names are person IDs
// into refs/remotes/<name>/people/*, one refspec each: a branch named
// with "../" is never asked for (go-git would refuse the whole fetch), so
// the others still arrive. The fetched objects are inert until merged,
// and only branches that pass the incoming check are merged.
func (w *Workspace) fetchNetwork(ctx context.Context, r Remote, auth transport.AuthMethod) (map[string]plumbing.Hash, []UnsafeWork, error) {
	adv, err := gitrepo.ListRemote(ctx, r.URL, auth)
	if err != nil {
		return nil, nil, netError(r, err)
	}
	var specs []config.RefSpec
	var bad []string
	asked := map[string]bool{}
	for _, ref := range adv {
		id, ok := strings.CutPrefix(ref.Name().String(), PeoplePrefix)
		switch {
		case !ok || ref.Type() != plumbing.HashReference:
		case !validPersonID(id) || ref.Hash().IsZero():
			bad = append(bad, id)
		default:
			specs = append(specs, config.RefSpec("+"+PeoplePrefix+id+":"+trackingRef(r.Name, id)))
			asked[id] = true
		}
	}
	refused := badBranches(r.Name, bad)
	if len(specs) == 0 {
		return map[string]plumbing.Hash{}, refused, nil
	}
	if err := w.git.Fetch(ctx, r.Name, specs, auth); err != nil {
		return nil, nil, netError(r, err)
	}
	all, _, err := peopleRefs(w.st, "refs/remotes/"+r.Name+"/people/")
	if err != nil {
		return nil, nil, err
	}
	for id := range all {
		if !asked[id] {
			delete(all, id) // a branch gone from the remote
		}
	}
	heads, checked, err := w.checkBranches(w.st, filepath.Join(w.dir, ".git", "objects"), r.Name, all)
	return heads, append(refused, checked...), err
}

// pushNetwork publishes head as people/<me> through the server's
// receive-pack (gitrepo.SendPack). old is the branch's value at the
// fetch: if it moved since, nothing is sent and the error is ErrRaced.
func (w *Workspace) pushNetwork(ctx context.Context, r Remote, auth transport.AuthMethod, me string, old, head plumbing.Hash) error {
	err := w.git.SendPack(ctx, r.URL, auth, plumbing.ReferenceName(PeoplePrefix+me), old, head)
	if err != nil {
		return sendFailed(r, err)
	}
	return w.setTracking(r.Name, me, head)
}

// setTracking records what the remote's people/<me> now is, as a fetch would.
func (w *Workspace) setTracking(remote, me string, h plumbing.Hash) error {
	return gitrepo.WriteFileAtomic(w.abs(".git/"+trackingRef(remote, me)), []byte(h.String()+"\n"))
}

// sendFailed words a failed send-pack by where it failed; ErrRaced and
// errors building the pack pass as they are.
func sendFailed(r Remote, err error) error {
	var se *gitrepo.SendError
	if !errors.As(err, &se) {
		return err
	}
	switch se.Step {
	case gitrepo.StepEndpoint:
		return fmt.Errorf("%w: %s: %v", ErrUnreachable, r.URL, se.Err)
	case gitrepo.StepConnect:
		return netError(r, se.Err)
	}
	return pushError(r, se.Err)
}

// pushError tells a refused update (someone moved the branch) from a
// server that could not be used.
func pushError(r Remote, err error) error {
	msg := err.Error()
	for _, s := range []string{"non-fast-forward", "failed to lock", "stale info", "fetch first", "failed to update ref"} {
		if strings.Contains(msg, s) {
			return fmt.Errorf("%w (%v)", ErrRaced, err)
		}
	}
	var unexpected *plumbing.UnexpectedError
	if errors.As(err, &unexpected) || errors.Is(err, transport.ErrAuthenticationRequired) || errors.Is(err, transport.ErrAuthorizationFailed) {
		return netError(r, err)
	}
	return fmt.Errorf("%w: %s refused the update: %v", ErrUnreachable, r.URL, err)
}

// netError says in the user's terms why the server could not be used.
func netError(r Remote, err error) error {
	switch {
	case errors.Is(err, transport.ErrAuthenticationRequired):
		return fmt.Errorf("%w: %s needs an access token (delegatectl remote add %s URL --token-stdin, or $%s)", ErrAuth, r.URL, r.Name, EnvToken)
	case errors.Is(err, transport.ErrAuthorizationFailed):
		return fmt.Errorf("%w: %s did not accept the access token: %v", ErrAuth, r.URL, err)
	case r.Kind == RemoteSSH && gitrepo.IsHostKeyError(err):
		return fmt.Errorf("%w: %w: the SSH server at %s is not the one recorded in ~/.ssh/known_hosts, or none is recorded: "+
			"check its key with the server's administrator, then connect once with ssh to record it: %v", ErrUnreachable, ErrHostKey, r.URL, err)
	case r.Kind == RemoteSSH && strings.Contains(err.Error(), "ssh: unable to authenticate"):
		return fmt.Errorf("%w: %s did not accept your SSH key (from the SSH agent or ~/.ssh)", ErrAuth, r.URL)
	case errors.Is(err, transport.ErrRepositoryNotFound):
		return fmt.Errorf("%w: there is no repository at %s", ErrUnreachable, r.URL)
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("%w: %s: %v", ErrUnreachable, r.URL, err)
	}
	return fmt.Errorf("%w: %s: %v", ErrUnreachable, r.URL, err)
}
