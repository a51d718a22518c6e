package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/transport"
	"github.com/go-git/go-git/v5/plumbing/transport/http"
	"github.com/go-git/go-git/v5/plumbing/transport/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

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
		if cred == nil || cred.Token == "" {
			return nil, nil
		}
		user := cred.Username
		if user == "" {
			user = "delegate" // Gitea and GitHub ignore it for tokens
		}
		return &http.BasicAuth{Username: user, Password: cred.Token}, nil
	case RemoteSSH:
		return sshAuth(r.URL)
	}
	return nil, nil
}

// sshAuth uses the SSH agent when one runs, else the first usual key file
// without a passphrase.
func sshAuth(raw string) (transport.AuthMethod, error) {
	ep, err := transport.NewEndpoint(raw)
	if err != nil {
		return nil, err
	}
	user := ep.User
	if user == "" {
		user = ssh.DefaultUsername
	}
	if os.Getenv("SSH_AUTH_SOCK") != "" {
		if a, err := ssh.NewSSHAgentAuth(user); err == nil {
			return a, nil
		}
	}
	home, _ := os.UserHomeDir()
	for _, name := range []string{"id_ed25519", "id_ecdsa", "id_rsa"} {
		if a, err := ssh.NewPublicKeysFromFile(user, filepath.Join(home, ".ssh", name), ""); err == nil {
			return a, nil
		}
	}
	return nil, fmt.Errorf("%w: no SSH agent is running and no key in ~/.ssh could be used", ErrAuth)
}

// fetchNetwork fetches the people/* branches whose names are person IDs
// into refs/remotes/<name>/people/*, one refspec each: a branch named
// with "../" is never asked for (go-git would refuse the whole fetch), so
// the others still arrive. The fetched objects are inert until merged,
// and only branches that pass the incoming check are merged.
func (w *Workspace) fetchNetwork(ctx context.Context, r Remote, auth transport.AuthMethod) (map[string]plumbing.Hash, []UnsafeWork, error) {
	rem, err := w.repo.Remote(r.Name)
	if err != nil {
		return nil, nil, err
	}
	adv, err := rem.ListContext(ctx, &git.ListOptions{Auth: auth})
	switch {
	case errors.Is(err, transport.ErrEmptyRemoteRepository):
		return map[string]plumbing.Hash{}, nil, nil
	case err != nil:
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
	err = w.repo.FetchContext(ctx, &git.FetchOptions{RemoteName: r.Name, RefSpecs: specs, Auth: auth, Tags: git.NoTags})
	switch {
	case err == nil, errors.Is(err, git.NoErrAlreadyUpToDate), errors.Is(err, transport.ErrEmptyRemoteRepository):
	case isNoMatch(err):
	default:
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

// isNoMatch: the remote has no people/* branch yet (nobody published).
func isNoMatch(err error) bool {
	return err != nil && strings.Contains(err.Error(), "couldn't find remote ref")
}

// netError says in the user's terms why the server could not be used.
func netError(r Remote, err error) error {
	switch {
	case errors.Is(err, transport.ErrAuthenticationRequired):
		return fmt.Errorf("%w: %s needs an access token (delegatectl remote add %s URL --token-stdin, or $%s)", ErrAuth, r.URL, r.Name, EnvToken)
	case errors.Is(err, transport.ErrAuthorizationFailed):
		return fmt.Errorf("%w: %s did not accept the access token: %v", ErrAuth, r.URL, err)
	case r.Kind == RemoteSSH && isHostKeyError(err):
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

// isHostKeyError: go-git checks the server's key against known_hosts
// ($SSH_KNOWN_HOSTS, else ~/.ssh/known_hosts and /etc/ssh/ssh_known_hosts)
// and refuses an unknown or changed key, or when no such file exists.
func isHostKeyError(err error) bool {
	var keyErr *knownhosts.KeyError
	var revoked *knownhosts.RevokedError
	return errors.As(err, &keyErr) || errors.As(err, &revoked) ||
		strings.Contains(err.Error(), "unable to find any valid known_hosts file")
}
