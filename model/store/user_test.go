package store_test

import (
	"errors"
	"testing"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/store/storetest"
)

func TestSetUserSignsLaterCommitsAndPersists(t *testing.T) {
	w := storetest.New(t)
	who := item.Person{Name: "Ana Ruiz", Email: "ana@xyz.example"}
	if err := w.SetUser(item.Person{Name: "Ana"}); !errors.Is(err, store.ErrNoUser) {
		t.Fatalf("no e-mail: %v", err)
	}
	if err := w.SetUser(who); err != nil {
		t.Fatal(err)
	}
	c := storetest.Comment("3", "Signed by Ana.")
	if err := w.SaveComment(&c, "add"); err != nil {
		t.Fatal(err)
	}
	vs, err := w.History(c.ID)
	if err != nil || len(vs) != 1 || vs[0].Author != who {
		t.Fatalf("history %v %+v", err, vs)
	}
	dir := w.Dir()
	_ = w.Close()
	w2, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w2.Close()
	if w2.User() != who {
		t.Fatalf("reopened as %+v", w2.User())
	}
}
