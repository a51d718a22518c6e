//go:build !unix

package store

import "os"

// processAlive reports whether pid runs on this host. On Windows
// FindProcess opens the process and fails when it is gone.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	_ = p.Release()
	return true
}
