package store_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"

	"github.com/delegate-itu/delegate/model/store"
)

// sshServer is a git server on 127.0.0.1 speaking SSH as GitHub or
// Gitea do: it accepts one public key and runs git-upload-pack or
// git-receive-pack on one bare repository, made by git.
type sshServer struct {
	addr    string        // 127.0.0.1:PORT
	bare    string        // the repository's folder
	hostKey ssh.PublicKey // what known_hosts must hold
	client  ed25519.PrivateKey
}

// url is the ssh:// address of the served repository.
func (s *sshServer) url() string { return "ssh://git@" + s.addr + filepath.ToSlash(s.bare) }

// sshRemote starts the server; it stops at the end of the test.
func sshRemote(t testing.TB) *sshServer {
	t.Helper()
	needGit(t)
	s := &sshServer{bare: filepath.Join(t.TempDir(), "delegation.git"), client: newKey(t)}
	gitBare(t, s.bare)
	hostPriv := newKey(t)
	signer, err := ssh.NewSignerFromKey(hostPriv)
	if err != nil {
		t.Fatal(err)
	}
	s.hostKey = signer.PublicKey()
	authorized := sshPublic(t, s.client).Marshal()
	cfg := &ssh.ServerConfig{PublicKeyCallback: func(_ ssh.ConnMetadata, k ssh.PublicKey) (*ssh.Permissions, error) {
		if string(k.Marshal()) == string(authorized) {
			return nil, nil
		}
		return nil, errors.New("key not authorized")
	}}
	cfg.AddHostKey(signer)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.addr = l.Addr().String()
	var wg sync.WaitGroup
	t.Cleanup(func() { _ = l.Close(); wg.Wait() })
	wg.Go(func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			wg.Go(func() { s.serveConn(t, c, cfg) })
		}
	})
	return s
}

func (s *sshServer) serveConn(t testing.TB, c net.Conn, cfg *ssh.ServerConfig) {
	defer c.Close()
	conn, chans, reqs, err := ssh.NewServerConn(c, cfg)
	if err != nil {
		return // a refused key ends here
	}
	defer conn.Close()
	go ssh.DiscardRequests(reqs)
	for nc := range chans {
		if nc.ChannelType() != "session" {
			_ = nc.Reject(ssh.UnknownChannelType, "sessions only")
			continue
		}
		ch, creqs, err := nc.Accept()
		if err != nil {
			return
		}
		s.serveSession(t, ch, creqs)
	}
}

// serveSession runs the one exec request of a session, as sshd would.
func (s *sshServer) serveSession(t testing.TB, ch ssh.Channel, reqs <-chan *ssh.Request) {
	defer ch.Close()
	for req := range reqs {
		if req.Type != "exec" {
			_ = req.Reply(false, nil) // env, pty: not needed by git
			continue
		}
		var p struct{ Command string }
		if err := ssh.Unmarshal(req.Payload, &p); err != nil {
			_ = req.Reply(false, nil)
			return
		}
		_ = req.Reply(true, nil)
		status := s.runGit(t, ch, p.Command)
		_, _ = ch.SendRequest("exit-status", false, ssh.Marshal(struct{ Status uint32 }{status}))
		return
	}
}

// runGit runs `git-upload-pack '<path>'` or `git-receive-pack '<path>'`
// on the served repository only.
func (s *sshServer) runGit(t testing.TB, ch ssh.Channel, command string) uint32 {
	verb, arg, _ := strings.Cut(command, " ")
	path := strings.Trim(arg, "'")
	if (verb != "git-upload-pack" && verb != "git-receive-pack") || path != filepath.ToSlash(s.bare) {
		fmt.Fprintf(ch.Stderr(), "not served: %s\n", command)
		return 128
	}
	cmd := exec.Command("git", strings.TrimPrefix(verb, "git-"), s.bare)
	cmd.Stdout, cmd.Stderr = ch, ch.Stderr()
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Error(err)
		return 128
	}
	go func() { _, _ = io.Copy(stdin, ch); _ = stdin.Close() }()
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return uint32(exit.ExitCode())
		}
		return 128
	}
	return 0
}

func newKey(t testing.TB) ed25519.PrivateKey {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return priv
}

func sshPublic(t testing.TB, k ed25519.PrivateKey) ssh.PublicKey {
	t.Helper()
	pub, err := ssh.NewPublicKey(k.Public())
	if err != nil {
		t.Fatal(err)
	}
	return pub
}

// sshHome makes a home folder holding key as ~/.ssh/id_ed25519 and
// known_hosts with hostKey for addr (none when nil), and makes it $HOME, with no SSH
// agent, so the test never reads the real ~/.ssh.
func sshHome(t testing.TB, key ed25519.PrivateKey, addr string, hostKey ssh.PublicKey) {
	t.Helper()
	home := t.TempDir()
	dir := filepath.Join(home, ".ssh")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	block, err := ssh.MarshalPrivateKey(key, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "id_ed25519"), pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	if hostKey != nil {
		line := knownhosts.Line([]string{knownhosts.Normalize(addr)}, hostKey) + "\n"
		if err := os.WriteFile(filepath.Join(dir, "known_hosts"), []byte(line), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("HOME", home)
	t.Setenv("SSH_AUTH_SOCK", "")
	t.Setenv("SSH_KNOWN_HOSTS", "")
}

// TestSyncSSH: two people exchange their work through an SSH server
// with their key file, as through http-backend and git daemon.
func TestSyncSSH(t *testing.T) {
	srv := sshRemote(t)
	sshHome(t, srv.client, srv.addr, srv.hostKey)
	ana, ben := person(t, "Ana"), person(t, "Ben")
	for _, w := range []*store.Workspace{ana, ben} {
		addRemote(t, w, "origin", srv.url())
	}
	anaIDs := addComments(t, ana, 2, "ana")
	if rep := mustSync(t, ana, ""); !rep.Published {
		t.Fatalf("Ana's work not published: %+v", rep)
	}
	benIDs := addComments(t, ben, 2, "ben")
	mustSync(t, ben, "")
	mustSync(t, ana, "")
	for name, w := range map[string]*store.Workspace{"Ana": ana, "Ben": ben} {
		got := commentIDs(t, w)
		for _, id := range append(anaIDs, benIDs...) {
			if _, ok := got[id]; !ok {
				t.Errorf("%s lacks %s", name, id)
			}
		}
	}
	for _, dir := range []string{ana.Dir(), ben.Dir(), srv.bare} {
		fsck(t, dir)
	}
}

// TestSyncSSHRefused: a key the server does not know, or a server whose
// host key is not the one in known_hosts, stops the sync before anything
// is exchanged: ErrAuth for the key, ErrHostKey (with ErrUnreachable)
// for the server, and neither side changes.
func TestSyncSSHRefused(t *testing.T) {
	srv := sshRemote(t)
	for _, tc := range []struct {
		name    string
		key     ed25519.PrivateKey
		hostKey ssh.PublicKey
		want    error
	}{
		{"unknown client key", newKey(t), srv.hostKey, store.ErrAuth},
		{"other host key", srv.client, sshPublic(t, newKey(t)), store.ErrHostKey},
		{"no known_hosts", srv.client, nil, store.ErrHostKey},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sshHome(t, tc.key, srv.addr, tc.hostKey)
			w := person(t, "Ana")
			addRemote(t, w, "origin", srv.url())
			addComments(t, w, 1, "ana")
			before, _ := w.Head()
			_, err := w.Sync(context.Background(), "", store.SyncOptions{})
			if !errors.Is(err, tc.want) || (tc.want == store.ErrHostKey && !errors.Is(err, store.ErrUnreachable)) {
				t.Fatalf("sync: %v, want %v", err, tc.want)
			}
			if after, _ := w.Head(); after != before {
				t.Error("a refused sync changed the workspace")
			}
			out, err := exec.Command("git", "-C", srv.bare, "for-each-ref").CombinedOutput()
			if err != nil || len(out) != 0 {
				t.Errorf("the server's repository changed: %v %s", err, out)
			}
		})
	}
}
