package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

var (
	reHeading = regexp.MustCompile(`^(#{1,3}) (.*)$`)
	reNumHead = regexp.MustCompile(`^(\d+(?:\.\d+)*) (.*)$`)
	reOpinion = regexp.MustCompile(`^DRAFT OPINION (\d+)$`)
	rePara    = regexp.MustCompile(`^(\d+)\. (.*)$`)
	reFoot    = regexp.MustCompile(`^\[\^([^\]]+)\]: (.*)$`)
)

// parse reads a sample draft in the Markdown form of conventions.md. It
// accepts only the subset the samples use and fails loudly on anything else.
func parse(src string) (*draft, error) {
	d := &draft{}
	chunks := strings.Split(strings.TrimRight(src, "\n"), "\n\n")
	counts := map[string]int{}
	lastPara := "0"
	for i := 0; i < len(chunks); i++ {
		c := strings.Trim(chunks[i], "\n")
		switch {
		case c == "":
			continue
		case i == 0 && strings.HasPrefix(c, "<!--"):
			d.Meta = c
		case isFootnotes(c):
			if err := d.addFootnotes(c); err != nil {
				return nil, err
			}
		case reHeading.MatchString(c):
			n, err := d.addHeading(chunks, i)
			if err != nil {
				return nil, err
			}
			i = n
		case rePara.MatchString(c):
			m := rePara.FindStringSubmatch(c)
			lastPara = m[1]
			d.Blocks = append(d.Blocks, block{ID: "p" + m[1], Kind: kindPara, Num: m[1], Text: m[2]})
		case strings.HasPrefix(c, "- "):
			d.Blocks = append(d.Blocks, block{ID: "l" + lastPara, Kind: kindBullets, Lines: bullets(c)})
		case strings.HasPrefix(c, "|"):
			counts["t"]++
			d.Blocks = append(d.Blocks, block{ID: "t" + strconv.Itoa(counts["t"]), Kind: kindTable, Lines: strings.Split(c, "\n")})
		default:
			kind, p := kindPlain, "c"
			if len(d.Blocks) == 0 || d.Blocks[len(d.Blocks)-1].Kind == kindFront {
				kind, p = kindFront, "f"
			}
			counts[p]++
			d.Blocks = append(d.Blocks, block{ID: p + strconv.Itoa(counts[p]), Kind: kind, Text: c})
		}
	}
	return d, nil
}

// addFootnotes adds the footnote definitions of one chunk.
func (d *draft) addFootnotes(c string) error {
	for _, l := range strings.Split(c, "\n") {
		m := reFoot.FindStringSubmatch(l)
		if m == nil {
			return fmt.Errorf("bad footnote line %q", l)
		}
		d.Footnotes = append(d.Footnotes, footnote{m[1], m[2]})
	}
	return nil
}

// bullets reads the items of a "- " list chunk.
func bullets(c string) []string {
	var items []string
	for _, l := range strings.Split(c, "\n") {
		items = append(items, strings.TrimPrefix(l, "- "))
	}
	return items
}

// addHeading adds the heading at chunks[i]; a DRAFT OPINION heading takes
// the chunks up to the next heading or footnote. It returns the last chunk
// index it consumed.
func (d *draft) addHeading(chunks []string, i int) (int, error) {
	m := reHeading.FindStringSubmatch(strings.Trim(chunks[i], "\n"))
	level, text := len(m[1]), m[2]
	if om := reOpinion.FindStringSubmatch(text); om != nil {
		num, _ := strconv.Atoi(om[1])
		var paras []string
		for i+1 < len(chunks) {
			c := strings.Trim(chunks[i+1], "\n")
			if reHeading.MatchString(c) || isFootnotes(c) {
				break
			}
			paras = append(paras, c)
			i++
		}
		o, err := parseOpinion(num, paras)
		if err != nil {
			return i, err
		}
		d.Blocks = append(d.Blocks, block{ID: "o" + om[1], Kind: kindOpinion, Opinion: o})
		return i, nil
	}
	if strings.HasPrefix(text, "Annex") {
		d.Blocks = append(d.Blocks, block{ID: "annex", Kind: kindHeading, Level: level, Text: text, Annex: true})
		return i, nil
	}
	hm := reNumHead.FindStringSubmatch(text)
	if hm == nil {
		return i, fmt.Errorf("heading without a number: %q", text)
	}
	d.Blocks = append(d.Blocks, block{ID: "h" + hm[1], Kind: kindHeading, Level: level, Num: hm[1], Text: hm[2]})
	return i, nil
}

// isFootnotes reports whether a chunk holds footnote definitions.
func isFootnotes(c string) bool { return strings.HasPrefix(c, "[^") }
