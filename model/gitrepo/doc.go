// Package gitrepo is Delegate's git engine: a Repo (work folder, go-git
// repository and storer), loose objects written and read the way git does,
// raw trees read in place and diffed, tree and index encoding, git's index
// read, checked as git checks it, rebuilt from a tree and updated with
// stat data, the pack a publish sends (commits a remote lacks, trees as
// deltas), send-pack, listing and fetching a server remote over HTTP(S),
// SSH or git://, copying objects to and from a folder repository, ref
// updates under git's .lock files, OpenPGP signing and verification of
// commits, the access-token file's format, and atomic, flushed file
// writes. Its API is in git's terms (URLs, refs, hashes, trees): nothing
// here knows items, drafts, people or packages, so model/store builds its
// workspace on top of it and it imports no other project package.
package gitrepo
