// Package gittest starts the git CLI's own servers for tests, so the
// engine's and the workspace's network tests talk to real git over
// loopback. Only tests import it.
package gittest

import (
	"fmt"
	"net"
	"os/exec"
	"testing"
	"time"
)

// Daemon serves the repositories under root through `git daemon` on
// 127.0.0.1 with pushes enabled, stops it when the test ends, and returns
// the daemon's base URL (git://127.0.0.1:PORT). It fails the test when git
// is missing or the daemon does not start.
func Daemon(t testing.TB, root string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("this test starts git daemon and needs the git binary")
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	_ = l.Close()
	cmd := exec.Command("git", "daemon", "--reuseaddr", "--export-all", "--enable=receive-pack",
		"--base-path="+root, "--listen=127.0.0.1", fmt.Sprintf("--port=%d", port), root)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if c, err := net.Dial("tcp", addr); err == nil {
			_ = c.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("git daemon did not start on %s", addr)
		}
	}
	return "git://" + addr
}
