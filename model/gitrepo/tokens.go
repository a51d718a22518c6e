package gitrepo

import (
	"encoding/json"
	"net/url"
)

// Credential is what an HTTP(S) server needs: for Gitea and GitHub a
// personal access token with any user name, for GitLab user "oauth2".
type Credential struct {
	Username string `json:"username,omitempty"`
	Token    string `json:"token"`
}

// Tokens are access tokens by server (scheme and host of a remote URL,
// so every repository on a server shares one), as kept in a JSON file
// outside every repository. Where that file is, is the caller's choice.
type Tokens map[string]Credential

// ParseTokens reads a token file's bytes.
func ParseTokens(b []byte) (Tokens, error) {
	t := Tokens{}
	if err := json.Unmarshal(b, &t); err != nil {
		return nil, err
	}
	if t == nil { // the file says null
		t = Tokens{}
	}
	return t, nil
}

// serverKey is the key of a remote URL's server: scheme and host.
func serverKey(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return u.Scheme + "://" + u.Host
}

// For finds the credential for the server of remoteURL.
func (t Tokens) For(remoteURL string) (Credential, bool) {
	c, ok := t[serverKey(remoteURL)]
	return c, ok
}

// Set records c for the server of remoteURL.
func (t Tokens) Set(remoteURL string, c Credential) { t[serverKey(remoteURL)] = c }

// Encode is the token file's bytes.
func (t Tokens) Encode() ([]byte, error) { return json.MarshalIndent(t, "", "  ") }
