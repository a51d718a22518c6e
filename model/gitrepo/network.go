package gitrepo

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/transport"
	"github.com/go-git/go-git/v5/plumbing/transport/http"
	"github.com/go-git/go-git/v5/plumbing/transport/ssh"
	"github.com/go-git/go-git/v5/storage/memory"
	"golang.org/x/crypto/ssh/knownhosts"
)

// ErrNoSSHKey means there is nothing to log in to an SSH server with.
var ErrNoSSHKey = errors.New("no SSH agent is running and no key in ~/.ssh could be used")

// HTTPAuth is how an HTTP(S) server takes an access token: as the
// password of basic auth (user "" is sent as "delegate"; Gitea and GitHub
// ignore it for tokens). No token: nil, no auth.
func HTTPAuth(user, token string) transport.AuthMethod {
	if token == "" {
		return nil
	}
	if user == "" {
		user = "delegate"
	}
	return &http.BasicAuth{Username: user, Password: token}
}

// SSHAuth uses the SSH agent when one runs, else the first usual key file
// without a passphrase (~/.ssh/id_ed25519, id_ecdsa, id_rsa), for the
// user the URL names (git by default). Neither: ErrNoSSHKey.
func SSHAuth(rawURL string) (transport.AuthMethod, error) {
	ep, err := transport.NewEndpoint(rawURL)
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
	return nil, ErrNoSSHKey
}

// ListRemote lists the refs the repository at url advertises for fetch
// (none for an empty repository). Errors are the transport's.
func ListRemote(ctx context.Context, url string, auth transport.AuthMethod) ([]*plumbing.Reference, error) {
	rem := git.NewRemote(memory.NewStorage(), &config.RemoteConfig{Name: "list", URLs: []string{url}})
	adv, err := rem.ListContext(ctx, &git.ListOptions{Auth: auth})
	if errors.Is(err, transport.ErrEmptyRemoteRepository) {
		return nil, nil
	}
	return adv, err
}

// Fetch fetches specs (each one ref, "+src:dst") from the configured
// remote, without tags. Nothing new, an empty remote or a source ref the
// remote does not have is not an error. The fetched objects are inert
// until a ref the caller moves points at them.
func (r *Repo) Fetch(ctx context.Context, remote string, specs []config.RefSpec, auth transport.AuthMethod) error {
	err := r.Git.FetchContext(ctx, &git.FetchOptions{RemoteName: remote, RefSpecs: specs, Auth: auth, Tags: git.NoTags})
	switch {
	case err == nil, errors.Is(err, git.NoErrAlreadyUpToDate), errors.Is(err, transport.ErrEmptyRemoteRepository):
	case isNoMatch(err):
	default:
		return err
	}
	return nil
}

// isNoMatch: the remote has no ref a spec asks for (nobody published).
func isNoMatch(err error) bool {
	return err != nil && strings.Contains(err.Error(), "couldn't find remote ref")
}

// IsHostKeyError says whether err is go-git refusing an SSH server's
// key: it checks it against known_hosts ($SSH_KNOWN_HOSTS, else
// ~/.ssh/known_hosts and /etc/ssh/ssh_known_hosts) and refuses an
// unknown or changed key, or when no such file exists.
func IsHostKeyError(err error) bool {
	var keyErr *knownhosts.KeyError
	var revoked *knownhosts.RevokedError
	return errors.As(err, &keyErr) || errors.As(err, &revoked) ||
		strings.Contains(err.Error(), "unable to find any valid known_hosts file")
}
