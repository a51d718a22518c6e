package store_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/store"
)

// TestSyncScenario: three experts and a coordinator, each writing items
// over several rounds of offline work and sync through git http-backend,
// two experts editing the same 10 items at the same time. At the end
// every item is everywhere, exactly the 10 conflicts are surfaced with
// both versions, and git fsck is clean on every repository.
func TestSyncScenario(t *testing.T) {
	perPerson, rounds := 200, 3
	if testing.Short() {
		perPerson = 30
	}
	t.Setenv(store.EnvToken, "tok")
	remoteURL, bare := httpRemote(t, "tok")
	names := []string{"Coord", "Ana", "Ben", "Chen"}
	ws := make([]*store.Workspace, len(names))
	for i, n := range names {
		ws[i] = person(t, n)
		addRemote(t, ws[i], "origin", remoteURL)
	}
	shared := addComments(t, ws[0], 10, "shared")
	for _, w := range ws {
		mustSync(t, w, "")
	}
	latest := map[string]string{} // item -> last body written by its author
	for _, id := range shared {
		latest[id] = ""
	}
	for r := 0; r < rounds; r++ {
		for i, w := range ws {
			n := perPerson / rounds
			if r == rounds-1 {
				n = perPerson - n*(rounds-1)
			}
			label := fmt.Sprintf("%s round %d", names[i], r)
			for _, id := range addComments(t, w, n, label) {
				latest[id] = ""
			}
		}
		if r == 1 { // offline, Ana and Ben rewrite the same 10 items
			for _, id := range shared {
				editComment(t, ws[1], id, "Ana's text for "+id)
				editComment(t, ws[2], id, "Ben's text for "+id)
			}
		}
		for _, w := range ws[1:] { // experts sync in turn, then the coordinator
			mustSync(t, w, "")
		}
		mustSync(t, ws[0], "")
	}
	for _, w := range ws { // a last round so everyone has everyone's work
		mustSync(t, w, "")
	}
	for i, w := range ws {
		checkScenario(t, names[i], w, latest, shared)
		fsck(t, w.Dir())
	}
	fsck(t, bare)
}

func checkScenario(t *testing.T, name string, w *store.Workspace, want map[string]string, shared []string) {
	t.Helper()
	got := commentIDs(t, w)
	if len(got) != len(want) {
		t.Errorf("%s has %d items, want %d", name, len(got), len(want))
	}
	for id := range want {
		if _, ok := got[id]; !ok {
			t.Errorf("%s lacks %s", name, id)
		}
	}
	cs, err := w.Conflicts()
	if err != nil || len(cs) != len(shared) {
		t.Fatalf("%s: %d conflicts (%v), want %d", name, len(cs), err, len(shared))
	}
	for _, c := range cs {
		all := string(c.Mine)
		for _, th := range c.Theirs {
			all += string(th.Data)
		}
		if !strings.Contains(all, "Ana's text for "+c.ItemID) || !strings.Contains(all, "Ben's text for "+c.ItemID) {
			t.Errorf("%s: conflict on %s lost a version:\n%s", name, c.ItemID, all)
		}
	}
}
