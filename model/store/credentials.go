package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/adrg/xdg"

	"github.com/delegate-itu/delegate/model/userfile"

	"github.com/delegate-itu/delegate/model/gitrepo"
)

// maxCredentialsBytes bounds the credentials file: a token per server.
const maxCredentialsBytes = 1 << 20

// EnvCredentials overrides where access tokens are kept (tests, portable
// installs). EnvToken gives a token for this run only, never stored.
const (
	EnvCredentials = "DELEGATE_CREDENTIALS"
	EnvToken       = "DELEGATE_TOKEN"
)

// Credential is what an HTTP(S) server needs: for Gitea and GitHub a
// personal access token with any user name, for GitLab user "oauth2"
// (gitrepo's type, which keeps the tokens by server).
type Credential = gitrepo.Credential

// CredentialsFile is the file tokens are kept in, outside every
// workspace so a token never travels with the repository: by default
// <XDG config home>/delegate/credentials.json, readable by the user only
// (0600). There is no OS keyring on every platform Delegate runs on; a
// user who wants none on disk sets $DELEGATE_TOKEN for each sync instead.
func CredentialsFile() string {
	p, _ := credentialsPath()
	return p
}

// ErrNoTokenPlace means there is no $DELEGATE_CREDENTIALS and no home folder, so the
// only place left for the credentials file would be under "/".
var ErrNoTokenPlace = errors.New("no home folder is set (HOME), so there is no place outside the workspace to keep the access token; set $" +
	EnvCredentials + " to a file, or give the token in $" + EnvToken + " at each sync")

// credentialsPath is CredentialsFile, with ErrNoTokenPlace instead of a
// path under "/" when there is no home folder (as Locate for workspaces).
func credentialsPath() (string, error) {
	if p := os.Getenv(EnvCredentials); p != "" {
		return p, nil
	}
	if d := os.Getenv("XDG_CONFIG_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "delegate", "credentials.json"), nil
	}
	p := filepath.Join(xdg.ConfigHome, "delegate", "credentials.json")
	if !hasHome() {
		return p, ErrNoTokenPlace
	}
	return p, nil
}

// SaveToken stores a token for the server of remoteURL in CredentialsFile.
func SaveToken(remoteURL string, c Credential) error {
	path, err := credentialsPath()
	if err != nil {
		return fmt.Errorf("save the access token: %w; it was not saved", err)
	}
	all, err := loadCredentials()
	if err != nil {
		return err
	}
	all.Set(remoteURL, c)
	b, err := all.Encode()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	if err := gitrepo.WriteFileQuick(path, b, 0o600); err != nil {
		return fmt.Errorf("save the access token: %w", err)
	}
	return nil
}

// LoadToken finds the credential for remoteURL: $DELEGATE_TOKEN first,
// then CredentialsFile. ok is false when there is none.
func LoadToken(remoteURL string) (Credential, bool) {
	if t := os.Getenv(EnvToken); t != "" {
		return Credential{Token: t}, true
	}
	all, err := loadCredentials()
	if err != nil {
		return Credential{}, false
	}
	return all.For(remoteURL)
}

func loadCredentials() (gitrepo.Tokens, error) {
	path, err := credentialsPath()
	if err != nil {
		return gitrepo.Tokens{}, nil // no home folder: no file either
	}
	b, err := userfile.Read(path, maxCredentialsBytes) // $DELEGATE_CREDENTIALS may name anything
	if errors.Is(err, os.ErrNotExist) {
		return gitrepo.Tokens{}, nil
	}
	if err != nil {
		return nil, err
	}
	all, err := gitrepo.ParseTokens(b)
	if err != nil {
		return nil, fmt.Errorf("%s is damaged: %w", CredentialsFile(), err)
	}
	return all, nil
}
