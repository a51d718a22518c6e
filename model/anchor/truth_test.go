package anchor

import (
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
)

func offset(ts []tok, k int) int {
	n := 0
	for _, t := range ts[:k] {
		n += len(t.w) + 1
	}
	return n
}

// truth works out what carrying s must give, from where its words went.
func (s *synthetic) truth(where map[int]place, chunks []chunk, paras []*report.Block) {
	base := s.chunk * 10000
	s.want = OutcomeOrphaned
	if s.w1 == s.w0 {
		for k := 0; k < 2000; k++ {
			if p, ok := where[base+k]; ok {
				s.wantPara = paras[p.chunk].ID
				s.want = map[int]Outcome{mutNone: OutcomeUnchanged, mutInsert: OutcomeUnchanged, mutMove: OutcomeMoved}[s.mut]
				if s.want == "" {
					s.want = OutcomeBaseChanged
				}
				return
			}
		}
		return
	}
	if s.applied {
		s.incorporatedTruth(where, chunks, paras)
		return
	}
	var got []place
	for k := s.w0; k < s.w1; k++ {
		if p, ok := where[base+k]; ok {
			got = append(got, p)
		}
	}
	if len(got) == 0 {
		return
	}
	first, last := got[0], got[0]
	intact := len(got) == s.w1-s.w0
	for i, p := range got {
		if p.chunk == first.chunk {
			last = p
		}
		t := chunks[p.chunk].toks[p.k]
		if t.changed || (i > 0 && p.chunk == got[i-1].chunk && p.k != got[i-1].k+1) {
			intact = false
		}
	}
	ts := chunks[first.chunk].toks
	s.wantPara = paras[first.chunk].ID
	s.wantS, s.wantE = offset(ts, first.k), offset(ts, last.k)+len(ts[last.k].w)
	switch {
	case !intact:
		s.want = OutcomeBaseChanged
	case s.mut == mutMove:
		s.want = OutcomeMoved
	default:
		s.want = OutcomeUnchanged
	}
}

func (s *synthetic) incorporatedTruth(where map[int]place, chunks []chunk, paras []*report.Block) {
	base := s.chunk * 10000
	s.want = OutcomeIncorporated
	p, ok := where[base+s.w1]
	after := ok
	if !ok {
		if p, ok = where[base+s.w0-1]; !ok {
			p = where[base+s.w0]
		}
	}
	ts := chunks[p.chunk].toks
	s.wantPara = paras[p.chunk].ID
	if s.c.Proposal.Action == item.ActionSup {
		if after {
			s.wantS = offset(ts, p.k)
		} else {
			s.wantS = offset(ts, p.k) + len(ts[p.k].w) + 1
		}
		s.wantE = s.wantS
		return
	}
	a, b := -1, -1
	for k, t := range ts {
		if t.prop {
			if a < 0 {
				a = k
			}
			b = k
		}
	}
	s.wantS, s.wantE = offset(ts, a), offset(ts, b)+len(ts[b].w)
}
