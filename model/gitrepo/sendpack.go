package gitrepo

import (
	"bytes"
	"context"
	"io"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/protocol/packp"
	"github.com/go-git/go-git/v5/plumbing/protocol/packp/capability"
	"github.com/go-git/go-git/v5/plumbing/transport"
	"github.com/go-git/go-git/v5/plumbing/transport/client"
)

// SendStep says where a send-pack to a server failed, so the caller can
// word it: an address no transport takes, a server that could not be
// used, or one that refused the update.
type SendStep int

// The steps of SendPack that fail with a *SendError.
const (
	StepEndpoint SendStep = iota // the URL names no usable transport
	StepConnect                  // opening the session or reading the server's refs
	StepUpdate                   // the server refused or failed the update
)

// SendError is a send-pack that failed talking to the server. Its text
// is the transport's own; Step says where it failed.
type SendError struct {
	Step SendStep
	Err  error
}

// Error is the transport's own text.
func (e *SendError) Error() string { return e.Err.Error() }

// Unwrap gives the transport's error, for errors.Is and errors.As.
func (e *SendError) Unwrap() error { return e.Err }

// SendPack moves the ref name on the server at url from old to head
// through its receive-pack, with a pack this package builds itself (see
// BuildPack) of what the server lacks. If the ref is already head,
// nothing is sent; if it is neither old nor head (someone moved it since
// old was read), nothing is sent and the error is ErrRaced; the server
// checks old again under its lock. Failures talking to the server are a
// *SendError.
func (r *Repo) SendPack(ctx context.Context, url string, auth transport.AuthMethod, name plumbing.ReferenceName, old, head plumbing.Hash) error {
	ep, err := transport.NewEndpoint(url)
	if err != nil {
		return &SendError{StepEndpoint, err}
	}
	cl, err := client.NewClient(ep)
	if err != nil {
		return &SendError{StepEndpoint, err}
	}
	sess, err := cl.NewReceivePackSession(ep, auth)
	if err != nil {
		return &SendError{StepConnect, err}
	}
	defer sess.Close()
	adv, err := sess.AdvertisedReferencesContext(ctx)
	if err != nil {
		return &SendError{StepConnect, err}
	}
	refs, err := adv.AllReferences()
	if err != nil {
		return &SendError{StepConnect, err}
	}
	cur := plumbing.ZeroHash
	if ref, ok := refs[name]; ok {
		cur = ref.Hash()
	}
	switch {
	case cur == head:
		return nil
	case cur != old:
		return ErrRaced
	}
	pack, err := BuildPack(r.Objects(), head, hashRefs(refs), adv.Capabilities.Supports(capability.OFSDelta))
	if err != nil {
		return err
	}
	req := packp.NewReferenceUpdateRequestFromCapabilities(adv.Capabilities)
	req.Commands = []*packp.Command{{Name: name, Old: cur, New: head}}
	req.Packfile = io.NopCloser(bytes.NewReader(pack))
	rs, err := sess.ReceivePack(ctx, req)
	if err == nil && rs != nil {
		err = rs.Error()
	}
	if err != nil {
		return &SendError{StepUpdate, err}
	}
	return nil
}

// hashRefs is what the server's refs point at: what it already has.
func hashRefs(refs map[plumbing.ReferenceName]*plumbing.Reference) []plumbing.Hash {
	var haves []plumbing.Hash
	for _, ref := range refs {
		if ref.Type() == plumbing.HashReference {
			haves = append(haves, ref.Hash())
		}
	}
	return haves
}
