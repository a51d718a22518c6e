// Package gitrepo is Delegate's git engine: loose objects written and read
// the way git does, raw trees read in place, tree and index encoding, the
// pack a publish sends (commits a remote lacks, trees as deltas), atomic
// and flushed file writes, ref locks in shared folders, and opening a
// repository with its packs kept open. It knows git, not the workspace: nothing here knows
// items, drafts, people or packages, so model/store builds its workspace
// on top of it and it imports no other model/ package.
package gitrepo
