package usecase

import (
	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/store"
)

// Receive turns a verified package into what the workspace imports: its
// items, checked against the manifest, and the sender and package ID the
// import commit records. The CLI and the app both read packages through
// it, so both refuse the same packages.
func Receive(p *export.Package) (store.Received, error) {
	items, err := p.Items()
	if err != nil {
		return store.Received{}, err
	}
	m := p.Manifest
	return store.Received{Sender: m.Sender, Package: m.PackageID, Comments: items.Comments, Opinions: items.Opinions}, nil
}
