package store

import (
	"errors"
	"fmt"
	"path"
	"strings"
	"unicode/utf8"
)

// Why a save is refused although this workspace could hold the file: a
// colleague's sync would refuse it (checkIncoming), and then block on it
// until someone removes it. Each is wrapped with ErrNotSaved.
var (
	// ErrTooLargeToShare: an item file over the 1 MB a sync accepts.
	ErrTooLargeToShare = errors.New("is larger than 1 MB")
	// ErrNULCharacter: a zero byte, which no text holds (pasted binary data).
	ErrNULCharacter = errors.New("holds a NUL character (a zero byte, usually from pasted binary data)")
	// ErrNotUTF8: bytes that are not UTF-8 text (a file read in another encoding).
	ErrNotUTF8 = errors.New("holds text that is not UTF-8")
	// ErrUnshareable: any file a colleague's sync would refuse; the ones
	// above wrap it too.
	ErrUnshareable = errors.New("your colleagues' Delegate would refuse it when they sync")
)

// checkOutgoing applies to a file a save is about to commit exactly the
// check a colleague's sync applies to it (checkIncomingName on every
// folder and file name, the size bounds, incomingParser), so work that
// would block everyone's sync is refused where it is made. The error
// names the file in the user's terms and says why.
func checkOutgoing(p string, data []byte) error {
	what := outgoingKind(p)
	for _, seg := range strings.Split(p, "/") {
		if err := checkIncomingName(seg); err != nil {
			return fmt.Errorf("%w: the name of the %s %q %v; %w", ErrNotSaved, what, p, err, ErrUnshareable)
		}
	}
	if len(data) > maxIncomingBlob {
		return fmt.Errorf("%w: the %s is %d MB, more than the %d MB a file may have; %w", ErrNotSaved, what, len(data)>>20, maxIncomingBlob>>20, ErrUnshareable)
	}
	parse := incomingParser(p)
	if parse == nil {
		return nil
	}
	if len(data) > maxIncomingItemFile {
		return fmt.Errorf("%w: the %s %w (%d KB); %w: shorten it, or put long material in a separate document", ErrNotSaved, what, ErrTooLargeToShare, (len(data)+1023)>>10, ErrUnshareable)
	}
	if err := parse(data); err != nil {
		switch {
		case strings.ContainsRune(string(data), 0):
			err = ErrNULCharacter
		case !utf8.Valid(data):
			err = ErrNotUTF8
		default:
			err = fmt.Errorf("cannot be read back the way Delegate reads it (%v)", err)
		}
		return fmt.Errorf("%w: the %s %w; %w", ErrNotSaved, what, err, ErrUnshareable)
	}
	return nil
}

// outgoingKind names the file at p as the user knows it.
func outgoingKind(p string) string {
	p = strings.TrimPrefix(p, ConflictsDir+"/")
	dir, name := path.Split(p)
	switch {
	case dir == CommentsDir+"/":
		return "comment"
	case dir == OpinionsDir+"/":
		return "Opinion proposal"
	case p == ProfileFile:
		return "delegation profile"
	case p == ProcessCorrectionsFile:
		return "file of process date corrections"
	case strings.HasPrefix(dir, DraftsDir+"/") && name == "draft.toml":
		return "draft record"
	case strings.HasPrefix(dir, DraftsDir+"/"):
		return "draft file"
	}
	return "file"
}
