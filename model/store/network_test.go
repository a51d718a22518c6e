package store

import (
	"errors"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing/transport"

	"github.com/delegate-itu/delegate/model/gitrepo"
)

// TestSendFailedWording: a failed send-pack is told to the user by the
// step it failed at: an unusable address or server is ErrUnreachable
// naming the URL, a missing token ErrAuth, a refused non-fast-forward
// update ErrRaced; ErrRaced and other errors (building the pack) pass
// as they are.
func TestSendFailedWording(t *testing.T) {
	r := Remote{Name: "origin", URL: "https://git.example.org/d.git", Kind: RemoteHTTP}
	other := errors.New("read commit: damaged")
	cases := []struct {
		name string
		err  error
		is   error
		says string
	}{
		{"no transport", &gitrepo.SendError{Step: gitrepo.StepEndpoint, Err: errors.New("unsupported scheme")}, ErrUnreachable, r.URL},
		{"token needed", &gitrepo.SendError{Step: gitrepo.StepConnect, Err: transport.ErrAuthenticationRequired}, ErrAuth, "needs an access token"},
		{"someone pushed", &gitrepo.SendError{Step: gitrepo.StepUpdate, Err: errors.New("non-fast-forward update")}, ErrRaced, "non-fast-forward"},
		{"server refused", &gitrepo.SendError{Step: gitrepo.StepUpdate, Err: errors.New("pre-receive hook declined")}, ErrUnreachable, "refused the update"},
		{"raced before sending", gitrepo.ErrRaced, ErrRaced, ""},
		{"not the server's", other, other, "damaged"},
	}
	for _, tc := range cases {
		err := sendFailed(r, tc.err)
		if !errors.Is(err, tc.is) || !strings.Contains(err.Error(), tc.says) {
			t.Errorf("%s: %v, want %v saying %q", tc.name, err, tc.is, tc.says)
		}
	}
}
