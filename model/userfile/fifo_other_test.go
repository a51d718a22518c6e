//go:build !unix

package userfile

import "errors"

// mkfifo: named pipes of this kind exist only on unix; the tests that
// make one run there.
func mkfifo(string) error { return errors.New("no named pipes on this system") }
