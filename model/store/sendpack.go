package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/protocol/packp"
	"github.com/go-git/go-git/v5/plumbing/protocol/packp/capability"
	"github.com/go-git/go-git/v5/plumbing/transport"
	"github.com/go-git/go-git/v5/plumbing/transport/client"

	"github.com/delegate-itu/delegate/model/gitrepo"
)

// pushNetwork publishes head as people/<me> through the server's
// receive-pack, with a pack Delegate builds itself (see gitrepo.BuildPack). old
// is the branch's value at the fetch: if it moved since, nothing is sent
// and the error is ErrRaced; the server checks it again under its lock.
func (w *Workspace) pushNetwork(ctx context.Context, r Remote, auth transport.AuthMethod, me string, old, head plumbing.Hash) error {
	ep, err := transport.NewEndpoint(r.URL)
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrUnreachable, r.URL, err)
	}
	cl, err := client.NewClient(ep)
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrUnreachable, r.URL, err)
	}
	sess, err := cl.NewReceivePackSession(ep, auth)
	if err != nil {
		return netError(r, err)
	}
	defer sess.Close()
	adv, err := sess.AdvertisedReferencesContext(ctx)
	if err != nil {
		return netError(r, err)
	}
	refs, err := adv.AllReferences()
	if err != nil {
		return netError(r, err)
	}
	name := plumbing.ReferenceName(PeoplePrefix + me)
	cur := plumbing.ZeroHash
	if ref, ok := refs[name]; ok {
		cur = ref.Hash()
	}
	switch {
	case cur == head:
		return w.setTracking(r.Name, me, head)
	case cur != old:
		return ErrRaced
	}
	var haves []plumbing.Hash
	for _, ref := range refs {
		if ref.Type() == plumbing.HashReference {
			haves = append(haves, ref.Hash())
		}
	}
	pack, err := gitrepo.BuildPack(w.objects(), head, haves, adv.Capabilities.Supports(capability.OFSDelta))
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
		return pushError(r, err)
	}
	return w.setTracking(r.Name, me, head)
}

// setTracking records what the remote's people/<me> now is, as a fetch would.
func (w *Workspace) setTracking(remote, me string, h plumbing.Hash) error {
	return gitrepo.WriteFileAtomic(w.abs(".git/"+trackingRef(remote, me)), []byte(h.String()+"\n"))
}

// pushError tells a refused update (someone moved the branch) from a
// server that could not be used.
func pushError(r Remote, err error) error {
	msg := err.Error()
	for _, s := range []string{"non-fast-forward", "failed to lock", "stale info", "fetch first", "failed to update ref"} {
		if strings.Contains(msg, s) {
			return fmt.Errorf("%w (%v)", ErrRaced, err)
		}
	}
	var unexpected *plumbing.UnexpectedError
	if errors.As(err, &unexpected) || errors.Is(err, transport.ErrAuthenticationRequired) || errors.Is(err, transport.ErrAuthorizationFailed) {
		return netError(r, err)
	}
	return fmt.Errorf("%w: %s refused the update: %v", ErrUnreachable, r.URL, err)
}
