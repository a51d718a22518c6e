// Package hostile holds no code: its tests are the catalogue of hostile
// inputs Delegate must survive (zip bombs, zip-slip paths, links in zips,
// XML entity expansion, deep nesting, giant attributes, invalid UTF-8,
// NUL bytes, 100 MB files, truncated files, wrong extensions, Windows
// device names, e-mail header injection, hostile packages and hostile
// work arriving by sync). Each case goes through the same model calls the
// app and delegatectl make and must end in a clear error in the user's
// words, within bounded time and memory, with the workspace (.git
// included) byte-for-byte unchanged. docs/security.md lists the cases.
package hostile
