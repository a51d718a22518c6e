package ui

import (
	"testing"
)

// BenchmarkOpinionKeystroke is what one typed character in an item of an
// amendment costs: the item stored, the preview laid out again with its
// revision marks, the autosave written.
func BenchmarkOpinionKeystroke(b *testing.B) {
	s := newSampleSession(b, "")
	sc := s.main.opinions
	o, ok := sampleAmendment(s.work.draft)
	if !ok {
		b.Fatal("no draft Opinion 3 in the sample")
	}
	sc.show()
	sc.ed.load(o, sc.baseOf(o.Amends))
	e := sc.ed.at[opPos{part: partOpItem, b: 1}].(*opEntry)
	text := e.Text
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		e.SetText(text + string(rune('a'+i%26)))
	}
}

// BenchmarkOpinionMove is one Alt+Down: the form rebuilt, the preview
// laid out again, the focus moved.
func BenchmarkOpinionMove(b *testing.B) {
	s := newSampleSession(b, "")
	sc := s.main.opinions
	o, _ := sampleAmendment(s.work.draft)
	sc.show()
	sc.ed.load(o, sc.baseOf(o.Amends))
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		sc.ed.act(opPos{part: partPreItem, i: i % 2}, actDown)
	}
}

// BenchmarkOpinionRebuild is the form built again, as after adding or
// removing an item.
func BenchmarkOpinionRebuild(b *testing.B) {
	s := newSampleSession(b, "")
	sc := s.main.opinions
	o, _ := sampleAmendment(s.work.draft)
	sc.show()
	sc.ed.load(o, sc.baseOf(o.Amends))
	b.ResetTimer()
	for b.Loop() {
		sc.ed.rebuild()
	}
}
