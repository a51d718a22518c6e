package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/delegate-itu/delegate/model/item"
)

var (
	coordinator = item.Person{Name: "Kofi Mensah", Email: "kofi@xyz.example"}
	expertJane  = item.Person{Name: "Jane Doe", Email: "jane@xyz.example"}
)

func importWorkspace(t *testing.T) *Workspace {
	t.Helper()
	w, err := Create(t.TempDir(), coordinator)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = w.Close() })
	return w
}

func receivedComment(id, body string, updated time.Time) item.Comment {
	return item.Comment{ID: id, Anchor: item.Anchor{DraftID: "sg-2", ParagraphID: "p7", Number: "7"}, Kind: item.KindSubstantive,
		Body: body, Author: expertJane, Created: updated.Add(-time.Hour), Updated: updated, Review: item.Review{Status: item.StatusReady}}
}

func receivedOpinion(id string, updated time.Time) item.Opinion {
	return item.Opinion{ID: id, Amends: 2, Title: "Resilience", Author: expertJane, Created: updated, Updated: updated,
		Operative: []item.OperativeBlock{{Heading: "invites", Items: []item.OperativeItem{{Text: "to plan"}}}},
		Review:    item.Review{Status: item.StatusReady}}
}

func headOf(t *testing.T, w *Workspace) string {
	t.Helper()
	h, err := w.Head()
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestImportRefusesAnInvalidSender: the sender authors the import commit,
// so one that is not a plain name and address refuses the import; it
// used to fall back silently to the workspace's own user.
func TestImportRefusesAnInvalidSender(t *testing.T) {
	w := importWorkspace(t)
	c := receivedComment("jd-241201-abcde", "hello", time.Date(2024, 12, 1, 10, 0, 0, 0, time.UTC))
	for _, s := range []item.Person{
		{Name: "Jane\r\nKofi Mensah", Email: "jane@xyz.example"},
		{Name: "=?utf-8?q?Kofi_Mensah?=", Email: "jane@xyz.example"},
		{Name: "Jane", Email: ""},
	} {
		before := headOf(t, w)
		err := w.ImportItems(s, "pkg-1", []item.Comment{c}, nil)
		if !errors.Is(err, ErrSender) || !errors.Is(err, item.ErrInvalid) || !strings.Contains(err.Error(), "nothing was changed") {
			t.Errorf("sender %q: %v", s, err)
		}
		if headOf(t, w) != before {
			t.Errorf("sender %q: a commit was made", s)
		}
	}
	if _, err := w.Comment(c.ID); err == nil {
		t.Error("the comment was imported")
	}
}

// TestPlanImportWritesNothing: the plan the UI shows before the user
// chooses classifies each item and leaves the workspace as it was.
func TestPlanImportWritesNothing(t *testing.T) {
	w := importWorkspace(t)
	day := func(d int) time.Time { return time.Date(2024, 12, d, 10, 0, 0, 0, time.UTC) }
	in := Received{Sender: expertJane, Package: "pkg-1", Comments: []item.Comment{receivedComment("jd-241201-aaaaa", "a", day(1))},
		Opinions: []item.Opinion{receivedOpinion("jd-241201-ooooo", day(1)), receivedOpinion("jd-241201-ppppp", day(1))}}
	if _, err := w.Import(in, RefuseCollisions); err != nil {
		t.Fatal(err)
	}
	in2 := Received{Sender: expertJane, Package: "pkg-2", Comments: []item.Comment{
		receivedComment("jd-241201-aaaaa", "a", day(1)),      // same
		receivedComment("jd-241202-bbbbb", "b", day(2)),      // new
		receivedComment("jd-241201-ooooo", "not it", day(9)), // the ID of an Opinion proposal
	}, Opinions: []item.Opinion{func() item.Opinion { o := receivedOpinion("jd-241201-ppppp", day(3)); o.Title = "Changed"; return o }()}}
	before := headOf(t, w)
	plan, err := w.PlanImport(in2)
	if err != nil {
		t.Fatal(err)
	}
	if headOf(t, w) != before {
		t.Fatal("planning made a commit")
	}
	if strings.Join(plan.Same, ",") != "jd-241201-aaaaa" || strings.Join(plan.New, ",") != "jd-241202-bbbbb" || len(plan.Collisions) != 2 {
		t.Fatalf("plan %+v", plan)
	}
	for i, id := range []string{"jd-241201-ooooo", "jd-241201-ppppp"} {
		if c := plan.Collisions[i]; c.ID != id || c.Clash != ClashDifferent || c.Owner != expertJane || c.Yours || c.By != expertJane {
			t.Errorf("collision %+v", c)
		}
	}
	if _, err := w.Import(in2, RefuseCollisions); !errors.Is(err, ErrCollision) || headOf(t, w) != before {
		t.Fatalf("refuse: %v", err)
	}
	rep, err := w.Import(in2, ImportBeside)
	if err != nil || len(rep.Beside) != 2 || len(rep.New) != 1 {
		t.Fatalf("beside: %+v %v", rep, err)
	}
	for _, id := range []string{"jd-241201-ooooo", "jd-241201-ppppp"} {
		if o, err := w.Opinion(id); err != nil || o.Title != "Resilience" {
			t.Errorf("the Opinion proposal %s: %+v %v", id, o, err)
		}
	}
	if _, err := w.Comment("jd-241201-ooooo"); err == nil {
		t.Error("a comment was saved under the ID of an Opinion proposal")
	}
}

// TestImportDoesNotBringBackADeletedItem: an item deleted in the
// workspace (by a sync or a conflict resolution) is not resurrected by a
// package still carrying it.
func TestImportDoesNotBringBackADeletedItem(t *testing.T) {
	w := importWorkspace(t)
	c := receivedComment("jd-241201-gone1", "soon deleted", time.Date(2024, 12, 1, 10, 0, 0, 0, time.UTC))
	in := Received{Sender: expertJane, Package: "pkg-1", Comments: []item.Comment{c}}
	if _, err := w.Import(in, RefuseCollisions); err != nil {
		t.Fatal(err)
	}
	if _, err := w.commit("Delete it", []change{{path: commentPath(c.ID), del: true}}); err != nil {
		t.Fatal(err)
	}
	_, err := w.Import(in, RefuseCollisions)
	var ce *CollisionError
	if !errors.As(err, &ce) || len(ce.Collisions) != 1 || ce.Collisions[0].Clash != ClashDeleted ||
		!strings.Contains(err.Error(), "comment jd-241201-gone1 by Jane Doe was deleted in this workspace (on ") ||
		!strings.Contains(err.Error(), "by Kofi Mensah); importing it would bring it back") {
		t.Fatalf("%v", err)
	}
	if _, err := w.Comment(c.ID); err == nil {
		t.Error("the deleted comment came back")
	}
}

// TestImportRefusesAnIDTwice: a caller handing the store two items with
// one ID is refused, so neither silently replaces the other.
func TestImportRefusesAnIDTwice(t *testing.T) {
	w := importWorkspace(t)
	day := time.Date(2024, 12, 1, 10, 0, 0, 0, time.UTC)
	in := Received{Sender: expertJane, Package: "pkg-1", Comments: []item.Comment{receivedComment("jd-241201-twice", "a", day)},
		Opinions: []item.Opinion{receivedOpinion("jd-241201-twice", day)}}
	if _, err := w.Import(in, ImportBeside); !errors.Is(err, item.ErrInvalid) || !strings.Contains(err.Error(), "holds the ID jd-241201-twice twice") {
		t.Fatalf("%v", err)
	}
}
