package store_test

import (
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store/storetest"
)

func TestMarkSubmittedAndTag(t *testing.T) {
	w := storetest.New(t)
	c := storetest.Comment("14", "A comment.")
	o := storetest.Opinion(3)
	for _, s := range []item.Status{item.StatusReady, item.StatusApproved} {
		c.Review.Status, o.Review.Status = s, s
	}
	if err := w.SaveComment(&c, "add"); err != nil {
		t.Fatal(err)
	}
	if err := w.SaveOpinion(&o, "add"); err != nil {
		t.Fatal(err)
	}
	head, when, err := w.HeadTime()
	if err != nil || len(head) != 40 || when.IsZero() {
		t.Fatalf("HeadTime = %q %v %v", head, when, err)
	}
	if err := w.TagPackage("tx-20241201-abc", "sent"); err != nil {
		t.Fatal(err)
	}
	if err := w.MarkSubmitted([]string{c.ID, o.ID}, "tx-20241201-abc"); err != nil {
		t.Fatal(err)
	}
	got, _ := w.Comment(c.ID)
	gotO, _ := w.Opinion(o.ID)
	if got.Review.Status != item.StatusSubmitted || got.Review.Package != "tx-20241201-abc" || gotO.Review.Status != item.StatusSubmitted {
		t.Errorf("after submit: %+v %+v", got.Review, gotO.Review)
	}
	vs, _ := w.History(c.ID)
	if last := vs[len(vs)-1]; !strings.HasPrefix(last.Message, "Submitted 2 items in package tx-20241201-abc") {
		t.Errorf("last version %q", last.Message)
	}
	if err := w.MarkSubmitted([]string{c.ID}, "again"); err == nil {
		t.Error("a submitted item cannot be submitted again")
	}
	if storetest.HasGit() {
		if out := storetest.Git(t, w.Dir(), "rev-list", "-n1", "tx-20241201-abc"); strings.TrimSpace(out) != head {
			t.Errorf("tag points at %s, want %s", out, head)
		}
	}
}

func TestImportItemsKeepsAuthorship(t *testing.T) {
	w := storetest.New(t)
	expert := item.Person{Name: "Amélie Dœ", Email: "amelie@xyz.example"}
	c := storetest.Comment("7", "From the expert.")
	c.ID, c.Author, c.Created, c.Updated = "ad-241201-abcde", expert, storetest.Now, storetest.Now
	c.Review = item.Review{Status: item.StatusApproved}
	if err := w.ImportItems(expert, "ad-20241201-1234567", []item.Comment{c}, nil); err != nil {
		t.Fatal(err)
	}
	got, err := w.Comment(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Author != expert || got.Review.Status != item.StatusReady || !got.Created.Equal(storetest.Now) {
		t.Errorf("imported %+v", got)
	}
	vs, _ := w.History(c.ID)
	if len(vs) != 1 || vs[0].Author != expert || !strings.Contains(vs[0].Message, "ad-20241201-1234567") {
		t.Errorf("history %+v", vs)
	}
	if w.User() != storetest.User {
		t.Error("the workspace user must be restored after the import")
	}
}
