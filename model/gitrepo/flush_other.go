//go:build !linux

package gitrepo

import "errors"

// flushMany flushes each file; only Linux has a call for a whole file system.
func flushMany(_ string, paths []string) error {
	var err error
	for _, p := range paths {
		err = errors.Join(err, fsyncFile(p))
	}
	return err
}
