package docx

import "strconv"

// Bookmark marks a point in the text with a name. A template carries one
// where generated content goes (Fill), because a bookmark survives Word's
// editing where a typed {{placeholder}} is split across runs.
type Bookmark struct {
	// ID must be unique among the document's bookmarks.
	ID   int
	Name string
}

func (b Bookmark) writeInline(w *writer) {
	id := strconv.Itoa(b.ID)
	w.b.WriteString(`<w:bookmarkStart w:id="` + id + `" w:name="` + escString(b.Name) + `"/>`)
	w.b.WriteString(`<w:bookmarkEnd w:id="` + id + `"/>`)
}
