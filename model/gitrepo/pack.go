package gitrepo

import (
	"bytes"
	"compress/zlib"
	"crypto/sha1"
	"encoding/binary"
	"fmt"
	"slices"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// Publishing builds the pack to send from Delegate's own tree diff rather
// than go-git's Push: that one walks every tree of every new commit and
// of everything the remote has (a full 1,000-entry folder decoded per
// commit), then searches for deltas by trial. Here each new commit is
// compared with its parents' raw trees, only the objects that differ are
// sent, and a changed tree is sent as a delta against its previous
// version (which differs by an entry or two: a common prefix and suffix
// make the delta, no search needed).

// maxDeltaDepth bounds delta chains, so readers never resolve hundreds of
// deltas to get one tree (git packs with depth 50 by default).
const maxDeltaDepth = 50

// Pack object types, as numbered in the pack format.
const (
	packCommit   = 1
	packTree     = 2
	packBlob     = 3
	packOfsDelta = 6
	packRefDelta = 7
)

// packWriter writes a version-2 pack into memory, one object at a time.
type packWriter struct {
	buf    bytes.Buffer
	n      uint32
	ofs    bool // the receiver understands offset deltas
	zw     *zlib.Writer
	sent   map[plumbing.Hash]packed
	recent map[string]recentTree // last tree written per path, a delta base
}

// packed is where an object went in the pack and how deep its delta chain is.
type packed struct {
	offset int
	depth  int
}

type recentTree struct {
	hash plumbing.Hash
	data []byte
}

func newPackWriter(ofs bool) *packWriter {
	p := &packWriter{ofs: ofs, sent: map[plumbing.Hash]packed{}, recent: map[string]recentTree{}}
	p.buf.WriteString("PACK\x00\x00\x00\x02\x00\x00\x00\x00")
	p.zw, _ = zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return p
}

// add writes an object in full, or as a delta against base (an object
// already in this pack) when that is much smaller.
func (p *packWriter) add(h plumbing.Hash, typ byte, data []byte, base plumbing.Hash, baseData []byte) {
	if _, dup := p.sent[h]; dup {
		return
	}
	at := p.buf.Len()
	if b, ok := p.sent[base]; ok && len(baseData) > 0 && b.depth < maxDeltaDepth {
		if d := prefixSuffixDelta(baseData, data); len(d) < len(data)/2 {
			p.sent[h] = packed{offset: at, depth: b.depth + 1}
			if p.ofs {
				p.header(packOfsDelta, len(d))
				p.buf.Write(ofsDistance(at - b.offset))
			} else {
				p.header(packRefDelta, len(d))
				p.buf.Write(base[:])
			}
			p.deflate(d)
			return
		}
	}
	p.sent[h] = packed{offset: at}
	p.header(typ, len(data))
	p.deflate(data)
}

func (p *packWriter) header(typ byte, size int) {
	b := typ<<4 | byte(size&0x0f)
	size >>= 4
	for size > 0 {
		p.buf.WriteByte(b | 0x80)
		b = byte(size & 0x7f)
		size >>= 7
	}
	p.buf.WriteByte(b)
	p.n++
}

func (p *packWriter) deflate(data []byte) {
	p.zw.Reset(&p.buf)
	_, _ = p.zw.Write(data)
	_ = p.zw.Close()
}

// finish fills in the object count and appends the pack's checksum.
func (p *packWriter) finish() []byte {
	b := p.buf.Bytes()
	binary.BigEndian.PutUint32(b[8:12], p.n)
	sum := sha1.Sum(b)
	return append(b, sum[:]...)
}

// ofsDistance encodes how far back an offset delta's base is.
func ofsDistance(d int) []byte {
	out := []byte{byte(d & 0x7f)}
	for d >>= 7; d > 0; d >>= 7 {
		d--
		out = append([]byte{byte(0x80 | d&0x7f)}, out...)
	}
	return out
}

// prefixSuffixDelta makes a git delta turning base into target: copy the
// common prefix, insert the middle, copy the common suffix.
func prefixSuffixDelta(base, target []byte) []byte {
	pre := 0
	for pre < len(base) && pre < len(target) && base[pre] == target[pre] {
		pre++
	}
	suf := 0
	for suf < len(base)-pre && suf < len(target)-pre && base[len(base)-1-suf] == target[len(target)-1-suf] {
		suf++
	}
	out := binary.AppendUvarint(nil, uint64(len(base)))
	out = binary.AppendUvarint(out, uint64(len(target)))
	out = appendCopy(out, 0, pre)
	for mid := target[pre : len(target)-suf]; len(mid) > 0; {
		n := min(len(mid), 127)
		out = append(out, byte(n))
		out = append(out, mid[:n]...)
		mid = mid[n:]
	}
	return appendCopy(out, len(base)-suf, suf)
}

// appendCopy encodes "copy size bytes of the base from offset", split
// into the format's 64 KiB pieces.
func appendCopy(out []byte, offset, size int) []byte {
	for size > 0 {
		n := min(size, 0x10000)
		cmd := byte(0x80)
		var args []byte
		for i := range 4 {
			if v := byte(offset >> (8 * i)); v != 0 {
				cmd |= 1 << i
				args = append(args, v)
			}
		}
		if n != 0x10000 { // a size of zero means 64 KiB
			for i := range 3 {
				if v := byte(n >> (8 * i)); v != 0 {
					cmd |= 1 << (4 + i)
					args = append(args, v)
				}
			}
		}
		out = append(append(out, cmd), args...)
		offset += n
		size -= n
	}
	return out
}

// BuildPack writes the pack that brings a remote holding the commits
// haves (and all they reach) up to head. Commits go parents first, so
// each changed tree finds its previous version already in the pack.
func BuildPack(o Objects, head plumbing.Hash, haves []plumbing.Hash, ofs bool) ([]byte, error) {
	missing, err := MissingCommits(o.St, head, haves)
	if err != nil {
		return nil, err
	}
	p := newPackWriter(ofs)
	cache := TreeCache{}
	for _, c := range ParentsFirst(missing, []plumbing.Hash{head}) {
		var parents []plumbing.Hash
		for _, ph := range c.ParentHashes {
			pc, err := object.GetCommit(o.St, ph)
			if err != nil {
				return nil, err
			}
			parents = append(parents, pc.TreeHash)
		}
		if err := addTree(o, p, cache, c.TreeHash, parents, ""); err != nil {
			return nil, err
		}
		raw, err := o.Read(c.Hash)
		if err != nil {
			return nil, err
		}
		p.add(c.Hash, packCommit, raw, plumbing.ZeroHash, nil)
	}
	return p.finish(), nil
}

// addTree adds tree h (at path, "" for the root) and what it holds that
// none of the parents' trees at the same path have.
func addTree(o Objects, p *packWriter, cache TreeCache, h plumbing.Hash, parents []plumbing.Hash, path string) error {
	for _, ph := range parents {
		if ph == h {
			return nil
		}
	}
	if _, ok := p.sent[h]; ok {
		return nil
	}
	raw, err := o.RawTree(cache, h)
	if err != nil {
		return fmt.Errorf("read tree %s: %w", h, err)
	}
	same := make([][]plumbing.Hash, len(parents))
	for i, ph := range parents {
		praw, err := o.RawTree(cache, ph)
		if err != nil {
			return fmt.Errorf("read tree %s: %w", ph, err)
		}
		if same[i], err = alignEntries(raw, praw); err != nil {
			return err
		}
	}
	var base plumbing.Hash
	var baseData []byte
	if r, ok := p.recent[path]; ok && len(parents) > 0 && r.hash == parents[0] {
		base, baseData = r.hash, r.data
	}
	p.add(h, packTree, raw, base, baseData)
	p.recent[path] = recentTree{hash: h, data: raw}
	return addEntries(o, p, cache, raw, same, path)
}

// addEntries adds the entries of a raw tree that differ from every
// parent's entry of the same name (same[i][k]: parent i's hash for entry k).
func addEntries(o Objects, p *packWriter, cache TreeCache, raw []byte, same [][]plumbing.Hash, path string) error {
	for k, rest := 0, raw; len(rest) > 0; k++ {
		var e RawEntry
		var err error
		submodule := bytes.HasPrefix(rest, []byte("160000 "))
		if e, rest, err = NextEntry(rest); err != nil {
			return err
		}
		subs, old := make([]plumbing.Hash, len(same)), false
		for i := range same {
			subs[i] = same[i][k]
			old = old || subs[i] == e.Hash
		}
		switch {
		case old, submodule: // unchanged, or a submodule's commit
		case e.Dir:
			err = addTree(o, p, cache, e.Hash, subs, path+string(e.Name)+"/")
		default:
			err = addBlob(o, p, e.Hash)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// addBlob adds blob h unless the pack has it.
func addBlob(o Objects, p *packWriter, h plumbing.Hash) error {
	if _, ok := p.sent[h]; ok {
		return nil
	}
	raw, err := o.Read(h)
	if err != nil {
		return fmt.Errorf("read file %s: %w", h, err)
	}
	p.add(h, packBlob, raw, plumbing.ZeroHash, nil)
	return nil
}

// alignEntries returns, for each entry of tree in order, the hash the
// entry of the same name (and kind) has in parent, zero if none.
func alignEntries(tree, parent []byte) ([]plumbing.Hash, error) {
	var out []plumbing.Hash
	var pe RawEntry
	have := false
	var err error
	for len(tree) > 0 {
		var e RawEntry
		if e, tree, err = NextEntry(tree); err != nil {
			return nil, err
		}
		var h plumbing.Hash
		for {
			if !have {
				if len(parent) == 0 {
					break
				}
				if pe, parent, err = NextEntry(parent); err != nil {
					return nil, err
				}
				have = true
			}
			c := GitCmp(pe, e)
			if c > 0 {
				break
			}
			have = false
			if c == 0 {
				h = pe.Hash
				break
			}
		}
		out = append(out, h)
	}
	return out, nil
}

// MissingCommits lists the commits reachable from head but not from any
// of haves (those not stored here are ignored). It walks newest first
// from both sides, marking what the haves reach, and stops as soon as
// only such commits are left to visit: the remote's long history is not
// walked when the new work is recent (git's rev-list --not does the same).
// With clocks badly off it may list a commit the remote has: sent twice,
// never missing.
func MissingCommits(st storer.EncodedObjectStorer, head plumbing.Hash, haves []plumbing.Hash) (map[plumbing.Hash]*object.Commit, error) {
	rw := &reachWalk{st: st, mark: map[plumbing.Hash]bool{}, commits: map[plumbing.Hash]*object.Commit{}}
	for _, h := range haves {
		if st.HasEncodedObject(h) == nil {
			if err := rw.push(h, true); err != nil {
				return nil, err
			}
		}
	}
	if !head.IsZero() {
		if err := rw.push(head, false); err != nil {
			return nil, err
		}
	}
	if err := rw.run(); err != nil {
		return nil, err
	}
	missing := map[plumbing.Hash]*object.Commit{}
	for h, have := range rw.mark {
		if !have {
			missing[h] = rw.commits[h]
		}
	}
	return missing, nil
}

// reachWalk is MissingCommits' walk: the commits seen, whether a have
// reaches each, and the queue still to visit.
type reachWalk struct {
	st      storer.EncodedObjectStorer
	mark    map[plumbing.Hash]bool // seen; true = reachable from a have
	commits map[plumbing.Hash]*object.Commit
	queue   []*object.Commit
}

// push queues h, unless it was seen already with the same or a stronger
// mark (a have's mark wins over head's).
func (rw *reachWalk) push(h plumbing.Hash, have bool) error {
	if was, seen := rw.mark[h]; seen && (was || !have) {
		return nil
	}
	c := rw.commits[h]
	if c == nil {
		var err error
		if c, err = object.GetCommit(rw.st, h); err != nil {
			return fmt.Errorf("read commit %s: %w", h, err)
		}
		rw.commits[h] = c
	}
	rw.mark[h] = have
	rw.queue = append(rw.queue, c)
	return nil
}

// run visits newest first while any queued commit is not reached from a
// have, passing each commit's mark on to its parents.
func (rw *reachWalk) run() error {
	for slices.ContainsFunc(rw.queue, func(c *object.Commit) bool { return !rw.mark[c.Hash] }) {
		i := Newest(rw.queue)
		c := rw.queue[i]
		rw.queue = slices.Delete(rw.queue, i, i+1)
		for _, p := range c.ParentHashes {
			if err := rw.push(p, rw.mark[c.Hash]); err != nil {
				return err
			}
		}
	}
	return nil
}

// ParentsFirst orders the commits of set reachable from tips so that
// every commit comes after its parents.
func ParentsFirst(set map[plumbing.Hash]*object.Commit, tips []plumbing.Hash) []*object.Commit {
	out := make([]*object.Commit, 0, len(set))
	done := make(map[plumbing.Hash]bool, len(set))
	var visit func(h plumbing.Hash)
	visit = func(h plumbing.Hash) {
		c, ok := set[h]
		if !ok || done[h] {
			return
		}
		done[h] = true
		for _, p := range c.ParentHashes {
			visit(p)
		}
		out = append(out, c)
	}
	for _, t := range tips {
		visit(t)
	}
	return out
}

// Newest is the index of the most recently committed commit in q.
func Newest(q []*object.Commit) int {
	best := 0
	for i, c := range q {
		if c.Committer.When.After(q[best].Committer.When) {
			best = i
		}
	}
	return best
}
