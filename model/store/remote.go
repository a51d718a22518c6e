package store

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"

	"github.com/delegate-itu/delegate/model/item"
)

// Sentinel errors of remotes and sync, for errors.Is at the edges.
var (
	// ErrUnreachable: the remote could not be reached (drive unplugged,
	// no network, wrong address). Nothing in the workspace was changed.
	ErrUnreachable = errors.New("the delegation remote cannot be reached")
	// ErrNoRemote: sync without a remote configured, or an unknown name.
	ErrNoRemote = errors.New("no such remote")
	// ErrAuth: the server refused the credentials (or asked for some).
	ErrAuth = errors.New("the server refused access")
	// ErrHostKey: the SSH server's key is not the one in known_hosts (or
	// none is recorded), so it may not be the delegation's server. Always
	// wrapped together with ErrUnreachable.
	ErrHostKey = errors.New("the SSH server's host key is not known")
	// ErrRemoteInWorkspace: a folder remote inside the workspace (or the
	// workspace itself, or its .git) would let a sync copy objects into
	// the repository it reads them from. Nothing was changed.
	ErrRemoteInWorkspace = errors.New("the shared folder is inside this workspace; choose a folder outside it")
)

// PeoplePrefix is where each author's work is published on a remote:
// refs/heads/people/<person-id>. Only its owner pushes a branch, so a
// push never overwrites anyone else's work.
const PeoplePrefix = "refs/heads/people/"

// RemoteKind says how a remote is reached.
type RemoteKind string

// The kinds of remote Delegate can sync with.
const (
	RemoteFolder RemoteKind = "folder" // a bare repository on a shared drive or USB stick
	RemoteHTTP   RemoteKind = "http"   // HTTP(S): Gitea, GitLab, GitHub (token)
	RemoteSSH    RemoteKind = "ssh"    // SSH with the user's key or agent
	RemoteGit    RemoteKind = "git"    // git:// (git daemon), read-mostly LANs
)

// Remote is one configured delegation remote.
type Remote struct {
	Name string     `json:"name"`
	URL  string     `json:"url"`
	Kind RemoteKind `json:"kind"`
}

// PersonID names an author's branch: the e-mail, lower case, with every
// run of other characters than a-z and 0-9 made one "-"
// ("Jane.Doe@Example.org" -> "jane-doe-example-org").
func PersonID(p item.Person) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(p.Email) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}

// kindOf classifies a remote URL; a plain path or file:// URL is a folder.
func kindOf(raw string) (RemoteKind, error) {
	switch {
	case strings.HasPrefix(raw, "http://"), strings.HasPrefix(raw, "https://"):
		return RemoteHTTP, nil
	case strings.HasPrefix(raw, "ssh://"):
		return RemoteSSH, nil
	case strings.HasPrefix(raw, "git://"):
		return RemoteGit, nil
	case strings.HasPrefix(raw, "file://"), filepath.IsAbs(raw), strings.HasPrefix(raw, "."):
		return RemoteFolder, nil
	case strings.Contains(raw, "@") && strings.Contains(raw, ":") && !strings.Contains(raw, "://"):
		return RemoteSSH, nil // scp-like: git@host:org/repo.git
	}
	return "", fmt.Errorf("%q is not a remote address: use a folder path, https://…, ssh://… or git@host:path", raw)
}

// folderPath turns a folder remote's URL into a path.
func folderPath(raw string) string {
	if p, ok := strings.CutPrefix(raw, "file://"); ok {
		return filepath.FromSlash(p)
	}
	return raw
}

// validRemoteName: letters, digits, '-' and '_', not starting with '-'
// (the name becomes a folder under .git/refs/remotes, so "." and ".."
// must never be one).
func validRemoteName(name string) bool {
	if name == "" || len(name) > 64 || name[0] == '-' {
		return false
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// AddRemote records a remote in the workspace's git config (so `git
// fetch NAME` works too). A password or token inside an http(s) URL is
// taken out and returned, never written to the config: save it with
// SaveToken or ask for it at each sync. A folder remote with no
// repository yet gets an empty bare one.
func (w *Workspace) AddRemote(name, raw string) (r Remote, token string, err error) {
	if !validRemoteName(name) {
		return r, "", fmt.Errorf("remote name %q: use letters, digits, '-' or '_'", name)
	}
	kind, err := kindOf(raw)
	if err != nil {
		return r, "", err
	}
	if kind == RemoteHTTP {
		raw, token = stripSecret(raw)
	}
	if kind == RemoteFolder {
		if raw, err = filepath.Abs(folderPath(raw)); err != nil {
			return r, "", err
		}
		if err := w.refuseInside(raw); err != nil {
			return r, "", err
		}
		if err := ensureBare(raw); err != nil {
			return r, "", err
		}
	}
	cfg, err := w.repo.Config()
	if err != nil {
		return r, "", err
	}
	if _, ok := cfg.Remotes[name]; ok {
		return r, "", fmt.Errorf("a remote named %q already exists", name)
	}
	spec := config.RefSpec("+" + PeoplePrefix + "*:refs/remotes/" + name + "/people/*")
	cfg.Remotes[name] = &config.RemoteConfig{Name: name, URLs: []string{raw}, Fetch: []config.RefSpec{spec}}
	if err := w.repo.SetConfig(cfg); err != nil {
		return r, "", err
	}
	return Remote{Name: name, URL: raw, Kind: kind}, token, nil
}

// refuseInside refuses a folder remote that is the workspace, its .git or
// anything under them. dir is absolute and cleaned (so ".." is already
// applied, as it is for the URL that is stored); symbolic links are
// followed on the part of dir that exists, and each folder from there up
// is compared with the workspace by identity (os.SameFile), so a link, a
// bind mount or a case-insensitive file system cannot hide it.
func (w *Workspace) refuseInside(dir string) error {
	ws, err := os.Stat(w.dir)
	if err != nil {
		return err
	}
	p := dir
	for {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			p = real
			break
		}
		up := filepath.Dir(p)
		if up == p {
			return nil
		}
		p = up
	}
	for {
		if st, err := os.Stat(p); err == nil && os.SameFile(st, ws) {
			return fmt.Errorf("%w (%s; nothing was changed)", ErrRemoteInWorkspace, dir)
		}
		up := filepath.Dir(p)
		if up == p {
			return nil
		}
		p = up
	}
}

// stripSecret removes a password from a URL's user info.
func stripSecret(raw string) (string, string) {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw, ""
	}
	pw, ok := u.User.Password()
	if !ok {
		return raw, ""
	}
	u.User = url.User(u.User.Username())
	return u.String(), pw
}

// ensureBare creates an empty bare repository in dir unless one is there.
func ensureBare(dir string) error {
	if _, err := os.Stat(filepath.Join(dir, "objects")); err == nil {
		return nil
	}
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		return fmt.Errorf("%s is a folder with files but no shared repository; choose an empty or new folder", dir)
	}
	_, err := git.PlainInitWithOptions(dir, &git.PlainInitOptions{Bare: true})
	if err != nil {
		return fmt.Errorf("create the shared repository in %s: %w", dir, err)
	}
	return nil
}

// Remotes lists the configured remotes by name.
func (w *Workspace) Remotes() ([]Remote, error) {
	cfg, err := w.repo.Config()
	if err != nil {
		return nil, err
	}
	var out []Remote
	for name, rc := range cfg.Remotes {
		if len(rc.URLs) == 0 {
			continue
		}
		kind, _ := kindOf(rc.URLs[0])
		out = append(out, Remote{Name: name, URL: rc.URLs[0], Kind: kind})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// remote finds a remote by name; "" picks the only one, or "origin".
func (w *Workspace) remote(name string) (Remote, error) {
	rs, err := w.Remotes()
	if err != nil {
		return Remote{}, err
	}
	for _, r := range rs {
		if r.Name == name || (name == "" && (len(rs) == 1 || r.Name == "origin")) {
			return r, nil
		}
	}
	if name == "" {
		return Remote{}, fmt.Errorf("%w: add one with delegatectl remote add NAME URL", ErrNoRemote)
	}
	return Remote{}, fmt.Errorf("%w: %q (see delegatectl remote list)", ErrNoRemote, name)
}
