package report

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// finish does what every reader shares: NFC, metadata, sections, Opinions
// and IDs. Readers only produce blocks.
func finish(d *Draft, opt ImportOptions) error {
	normalise(d)
	if len(d.Blocks) == 0 {
		return ErrEmpty
	}
	metaFromText(d)
	if opt.Label != "" {
		d.Label = opt.Label
	}
	if opt.Version != 0 {
		d.Version = opt.Version
	}
	if opt.DocID != "" {
		d.DocID = opt.DocID
	}
	if opt.Published != "" {
		d.Published = opt.Published
	}
	assignSections(d)
	recogniseOpinions(d)
	assignIDs(d)
	fillOpinionIDs(d)
	return nil
}

func normalise(d *Draft) {
	out := d.Blocks[:0]
	for _, b := range d.Blocks {
		b.Text = norm.NFC.String(strings.TrimSpace(b.Text))
		for i := range b.Runs {
			b.Runs[i].Text = norm.NFC.String(b.Runs[i].Text)
		}
		if b.Table != nil {
			for _, row := range b.Table.Rows {
				for i := range row {
					row[i] = norm.NFC.String(row[i])
				}
			}
		}
		if b.Text != "" {
			out = append(out, b)
		}
	}
	d.Blocks = out
	for i := range d.Footnotes {
		d.Footnotes[i].Text = norm.NFC.String(d.Footnotes[i].Text)
	}
}

var (
	docIDRe   = regexp.MustCompile(`\b[A-Z][A-Z0-9]*-[A-Z0-9]+(?:-[A-Z0-9]+)*-R-\d{4}\b`)
	labelRe   = regexp.MustCompile(`(?i)\b(\d+)(?:st|nd|rd|th)\s+draft\b`)
	isoDateRe = regexp.MustCompile(`\b(20\d\d)-(\d\d)-(\d\d)\b`)
)

func firstMatch(re *regexp.Regexp, texts ...string) string {
	for _, t := range texts {
		if m := re.FindString(t); m != "" {
			return m
		}
	}
	return ""
}

func labelFrom(text string) string {
	m := labelRe.FindString(text)
	if m == "" {
		return ""
	}
	return strings.ToLower(m[:1]) + m[1:]
}

// metaFromText fills what the file's properties left empty from the front
// matter (the lines before the first heading).
func metaFromText(d *Draft) {
	var front []string
	for _, b := range d.Blocks {
		if b.Kind == KindHeading {
			break
		}
		front = append(front, b.Text)
	}
	text := strings.Join(front, "\n")
	if d.DocID == "" {
		d.DocID = docIDRe.FindString(text)
	}
	if d.Label == "" {
		d.Label = labelFrom(text)
	}
	if d.Version == 0 {
		if m := labelRe.FindStringSubmatch(d.Label); m != nil {
			d.Version, _ = strconv.Atoi(m[1])
		}
	}
	if d.Published == "" {
		d.Published = isoDateRe.FindString(text)
	}
}

// assignSections gives every block its section path: the number of the
// nearest numbered heading, "front" before any, "annex" (or "annex2"...)
// after an annex heading, or the slug of an unnumbered heading.
func assignSections(d *Draft) {
	sec, annex, annexes := "front", false, 0
	for i := range d.Blocks {
		b := &d.Blocks[i]
		if b.Kind == KindHeading {
			switch {
			case b.Level <= 1 && strings.HasPrefix(strings.ToLower(b.Text), "annex"):
				annex, annexes = true, annexes+1
				sec = "annex"
				if annexes > 1 {
					sec += strconv.Itoa(annexes)
				}
			case annex:
				sec = strings.SplitN(sec, "/", 2)[0]
				if s := slug(b.Text); s != "" && b.Level > 1 {
					sec += "/" + s
				}
			case b.Number != "":
				sec = b.Number
			default:
				sec = slug(b.Text)
				switch {
				case sec == "":
					sec = "h" + strconv.Itoa(i+1)
				case sec == "front" || sec[0] >= '0' && sec[0] <= '9':
					sec = "h" + strconv.Itoa(i+1) + "-" + sec
				}
			}
		}
		b.Section, b.Annex = sec, annex
	}
}

// idPrefix turns a section path into the ID's leading part: "3.2" -> "s3.2",
// "annex/op3/considering" -> "annex-op3-considering".
func idPrefix(sec string) string {
	if sec != "" && sec[0] >= '0' && sec[0] <= '9' {
		return "s" + sec
	}
	return strings.ReplaceAll(sec, "/", "-")
}

// assignIDs gives each block an ID that is unique, stable across imports
// of the same file and readable: "s3.2-p14", "s3.2", "annex-op3-considering-a".
func assignIDs(d *Draft) {
	used := map[string]bool{}
	ordinal := map[string]int{}
	lastPara, lastRef := map[string]string{}, map[string]string{}
	for i := range d.Blocks {
		b := &d.Blocks[i]
		id := baseID(b, ordinal, lastPara)
		if used[id] {
			sum := sha256.Sum256([]byte(b.Text))
			id += "-" + hex.EncodeToString(sum[:3])
		}
		for n, base := 2, id; used[id]; n++ {
			id = base + "-" + strconv.Itoa(n)
		}
		used[id] = true
		b.ID = id
		b.Ref = b.cite()
		if b.Kind == KindParagraph && b.Number != "" {
			lastPara[b.Section] = id
			lastRef[b.Section] = b.Ref
		}
		if b.Kind == KindListItem && lastRef[b.Section] != "" && !b.Annex {
			b.Ref = listRef(lastRef[b.Section], b.Number, id)
		}
	}
}

// listRef cites a list item by its paragraph: "§1.2 ¶7 b)" or, for a
// bullet, "§1.2 ¶7, item 2".
func listRef(parent, number, id string) string {
	if number != "" {
		return parent + " " + number
	}
	if i := strings.LastIndex(id, "-li"); i >= 0 {
		return parent + ", item " + strings.SplitN(id[i+3:], "-", 2)[0]
	}
	return parent
}

func baseID(b *Block, ordinal map[string]int, lastPara map[string]string) string {
	p := idPrefix(b.Section)
	num := strings.TrimSuffix(b.Number, ")")
	count := func(kind string) string {
		ordinal[b.Section+kind]++
		return strconv.Itoa(ordinal[b.Section+kind])
	}
	switch {
	case b.Kind == KindHeading || b.role == "keyword":
		return p
	case b.role != "":
		return p + "-" + b.role
	case b.Kind == KindTable:
		return p + "-t" + count("t")
	case b.Annex && num != "":
		return p + "-" + num
	case b.Kind == KindParagraph && num != "":
		return p + "-p" + num
	case b.Kind == KindListItem:
		parent := lastPara[b.Section]
		if parent == "" {
			parent = p
		}
		if num != "" {
			return parent + "-" + slug(num)
		}
		return parent + "-li" + count("li"+parent)
	}
	return p + "-b" + count("b")
}
