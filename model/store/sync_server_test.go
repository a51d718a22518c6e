package store_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/cgi"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/gitrepo/gittest"
	"github.com/delegate-itu/delegate/model/store"
)

// httpRemote serves a bare repository made by git through `git
// http-backend` behind net/http/cgi on 127.0.0.1, asking for token as
// the Basic password (as Gitea and GitHub do). It returns the URL and the
// bare repository's folder.
func httpRemote(t testing.TB, token string) (string, string) {
	t.Helper()
	needGit(t)
	root := t.TempDir()
	gitBare(t, filepath.Join(root, "delegation.git"))
	gitPath, err := exec.LookPath("git")
	if err != nil {
		t.Fatal(err)
	}
	backend := &cgi.Handler{Path: gitPath, Args: []string{"http-backend"},
		Env: []string{"GIT_PROJECT_ROOT=" + root, "GIT_HTTP_EXPORT_ALL=1"}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, pw, ok := r.BasicAuth(); !ok || pw != token {
			w.Header().Set("WWW-Authenticate", `Basic realm="delegation"`)
			http.Error(w, "token needed", http.StatusUnauthorized)
			return
		}
		backend.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/delegation.git", filepath.Join(root, "delegation.git")
}

// daemonRemote starts `git daemon` on a free 127.0.0.1 port with pushes
// enabled and returns the git:// URL and the folder; the daemon is
// stopped at the end.
func daemonRemote(t testing.TB) (string, string) {
	t.Helper()
	needGit(t)
	root := t.TempDir()
	gitBare(t, filepath.Join(root, "delegation.git"))
	return gittest.Daemon(t, root) + "/delegation.git", filepath.Join(root, "delegation.git")
}

// TestSyncServers runs the two-experts-and-a-coordinator exchange over
// git http-backend (with a token) and git daemon.
func TestSyncServers(t *testing.T) {
	t.Setenv(store.EnvCredentials, filepath.Join(t.TempDir(), "credentials.json"))
	for _, tc := range []struct {
		name string
		url  func(t *testing.T) (string, string)
	}{
		{"http-backend", func(t *testing.T) (string, string) { return httpRemote(t, "s3cret") }},
		{"git-daemon", func(t *testing.T) (string, string) { return daemonRemote(t) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			url, bare := tc.url(t)
			ana, ben, coord := person(t, "Ana"), person(t, "Ben"), person(t, "Coord")
			for _, w := range []*store.Workspace{ana, ben, coord} {
				addRemote(t, w, "origin", url)
			}
			if strings.HasPrefix(url, "http") {
				if err := store.SaveToken(url, store.Credential{Token: "s3cret"}); err != nil {
					t.Fatal(err)
				}
			}
			shared := addComments(t, coord, 2, "coord")
			mustSync(t, coord, "")
			mustSync(t, ana, "")
			mustSync(t, ben, "")
			anaIDs, benIDs := addComments(t, ana, 3, "ana"), addComments(t, ben, 3, "ben")
			editComment(t, ana, shared[0], "Ana's wording.")
			editComment(t, ben, shared[0], "Ben's wording.")
			mustSync(t, ana, "")
			mustSync(t, ben, "")
			mustSync(t, coord, "")
			got := commentIDs(t, coord)
			for _, id := range append(anaIDs, benIDs...) {
				if _, ok := got[id]; !ok {
					t.Errorf("coordinator lacks %s", id)
				}
			}
			checkOneConflict(t, coord, shared[0])
			mustSync(t, coord, "")
			for _, dir := range []string{ana.Dir(), ben.Dir(), coord.Dir(), bare} {
				fsck(t, dir)
			}
		})
	}
}

// TestSyncHTTPToken: without the token the server refuses, with a clear
// error; a token typed into the URL never reaches .git/config.
func TestSyncHTTPToken(t *testing.T) {
	t.Setenv(store.EnvCredentials, filepath.Join(t.TempDir(), "credentials.json"))
	url, _ := httpRemote(t, "s3cret")
	w := person(t, "Ana")
	addComments(t, w, 1, "ana")
	withToken := strings.Replace(url, "http://", "http://ana:s3cret@", 1)
	r, token, err := w.AddRemote("origin", withToken)
	if err != nil || token != "s3cret" || strings.Contains(r.URL, "s3cret") {
		t.Fatalf("AddRemote: %+v %q %v", r, token, err)
	}
	cfg, _ := os.ReadFile(filepath.Join(w.Dir(), ".git", "config"))
	if strings.Contains(string(cfg), "s3cret") {
		t.Fatalf("token written into .git/config:\n%s", cfg)
	}
	before, _ := w.Head()
	if _, err := w.Sync(context.Background(), "", store.SyncOptions{}); !errors.Is(err, store.ErrAuth) {
		t.Fatalf("without token: %v", err)
	}
	if after, _ := w.Head(); after != before {
		t.Fatal("a refused sync changed the workspace")
	}
	if err := store.SaveToken(r.URL, store.Credential{Username: "ana", Token: token}); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(store.CredentialsFile()); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("credentials file: %v %v", err, fi)
	}
	if rep := mustSync(t, w, ""); !rep.Published {
		t.Fatalf("not published: %+v", rep)
	}
	t.Setenv(store.EnvToken, "wrong")
	if _, err := w.Sync(context.Background(), "", store.SyncOptions{}); !errors.Is(err, store.ErrAuth) {
		t.Fatalf("wrong token: %v", err)
	}
}
