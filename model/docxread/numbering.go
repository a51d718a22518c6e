package docxread

import (
	"fmt"
	"strconv"
	"strings"
)

type xLvl struct {
	Ilvl    int   `xml:"ilvl,attr"`
	Start   *xVal `xml:"start"`
	NumFmt  xVal  `xml:"numFmt"`
	LvlText xVal  `xml:"lvlText"`
	Restart *xVal `xml:"lvlRestart"`
	IsLgl   *xVal `xml:"isLgl"`
}

type xAbstract struct {
	ID           string `xml:"abstractNumId,attr"`
	Lvls         []xLvl `xml:"lvl"`
	NumStyleLink xVal   `xml:"numStyleLink"`
}

type xOverride struct {
	Ilvl  int   `xml:"ilvl,attr"`
	Start *xVal `xml:"startOverride"`
	Lvl   *xLvl `xml:"lvl"`
}

type xNum struct {
	ID        string      `xml:"numId,attr"`
	Abstract  xVal        `xml:"abstractNumId"`
	Overrides []xOverride `xml:"lvlOverride"`
}

// numbering computes the numbers Word shows for automatically numbered
// paragraphs. Counters belong to the abstract list, so list instances that
// share one continue each other, as in Word; an instance with level
// overrides ("Restart numbering") counts on its own from its start value.
type numbering struct {
	abstracts map[string]*xAbstract
	nums      map[string]*xNum
	counters  map[string]*counters
	started   map[string]bool
}

type counters struct {
	val  [9]int
	used [9]bool
}

// numLabel is one computed number: its text ("2.3", "14.", "a)") and format.
type numLabel struct {
	text   string
	format string
}

func parseNumbering(data []byte, styles *styleSet) (*numbering, error) {
	n := &numbering{abstracts: map[string]*xAbstract{}, nums: map[string]*xNum{},
		counters: map[string]*counters{}, started: map[string]bool{}}
	if data == nil {
		return n, nil
	}
	var doc struct {
		Abstracts []xAbstract `xml:"abstractNum"`
		Nums      []xNum      `xml:"num"`
	}
	if err := decodeXML(data, &doc); err != nil {
		return nil, fmt.Errorf("numbering: %w", err)
	}
	for i := range doc.Abstracts {
		n.abstracts[doc.Abstracts[i].ID] = &doc.Abstracts[i]
	}
	for i := range doc.Nums {
		n.nums[doc.Nums[i].ID] = &doc.Nums[i]
	}
	n.resolveStyleLinks(styles)
	return n, nil
}

// resolveStyleLinks follows numStyleLink: an abstract list that only points at
// a numbering style takes the levels of the list that style uses.
func (n *numbering) resolveStyleLinks(styles *styleSet) {
	for _, a := range n.abstracts {
		if a.NumStyleLink.Val == "" || len(a.Lvls) > 0 || styles == nil {
			continue
		}
		st := styles.get(a.NumStyleLink.Val)
		if num, ok := n.nums[st.numID]; ok {
			if target, ok := n.abstracts[num.Abstract.Val]; ok && target != a {
				a.Lvls = target.Lvls
			}
		}
	}
}

func (n *numbering) level(num *xNum, ilvl int) *xLvl {
	for _, o := range num.Overrides {
		if o.Ilvl == ilvl && o.Lvl != nil {
			return o.Lvl
		}
	}
	if a, ok := n.abstracts[num.Abstract.Val]; ok {
		for i := range a.Lvls {
			if a.Lvls[i].Ilvl == ilvl {
				return &a.Lvls[i]
			}
		}
	}
	return nil
}

func (l *xLvl) start() int {
	if l == nil || l.Start == nil {
		return 1
	}
	return atoiDefault(l.Start.Val, 1)
}

// next advances the list numID at level ilvl and returns the shown label.
func (n *numbering) next(numID string, ilvl int) (numLabel, bool) {
	num, ok := n.nums[numID]
	if !ok || ilvl < 0 || ilvl > 8 {
		return numLabel{}, false
	}
	lvl := n.level(num, ilvl)
	if lvl == nil {
		return numLabel{}, false
	}
	key := num.Abstract.Val
	if len(num.Overrides) > 0 {
		key = "num:" + numID // a restarted list is its own instance
	}
	c := n.counters[key]
	if c == nil {
		c = &counters{}
		n.counters[key] = c
	}
	if !n.started[numID] {
		n.started[numID] = true
		for _, o := range num.Overrides {
			if o.Start != nil && o.Ilvl >= 0 && o.Ilvl < 9 {
				c.val[o.Ilvl], c.used[o.Ilvl] = atoiDefault(o.Start.Val, 1)-1, true
				n.resetBelow(num, c, o.Ilvl)
			}
		}
	}
	if c.used[ilvl] {
		c.val[ilvl]++
	} else {
		c.val[ilvl], c.used[ilvl] = lvl.start(), true
	}
	n.resetBelow(num, c, ilvl)
	return numLabel{text: n.render(num, c, lvl), format: lvl.NumFmt.Val}, true
}

// resetBelow restarts deeper levels, unless their lvlRestart says otherwise.
func (n *numbering) resetBelow(num *xNum, c *counters, ilvl int) {
	for deeper := ilvl + 1; deeper < 9; deeper++ {
		l := n.level(num, deeper)
		if l != nil && l.Restart != nil {
			r := atoiDefault(l.Restart.Val, deeper)
			if r == 0 || ilvl >= r {
				continue
			}
		}
		c.used[deeper] = false
	}
}

func (n *numbering) render(num *xNum, c *counters, lvl *xLvl) string {
	if lvl.NumFmt.Val == "bullet" || lvl.NumFmt.Val == "none" {
		return ""
	}
	text := lvl.LvlText.Val
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			k := int(text[i+1] - '1')
			l := n.level(num, k)
			v := c.val[k]
			if !c.used[k] {
				v = l.start()
			}
			f := "decimal"
			if l != nil && !lvl.IsLgl.on() {
				f = l.NumFmt.Val
			}
			b.WriteString(formatNumber(v, f))
			i++
			continue
		}
		b.WriteByte(text[i])
	}
	return b.String()
}

// formatNumber renders a counter in one of Word's number formats.
func formatNumber(v int, format string) string {
	switch format {
	case "lowerLetter", "upperLetter":
		s := letters(v)
		if format == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return s
	case "lowerRoman":
		return strings.ToLower(roman(v))
	case "upperRoman":
		return roman(v)
	case "decimalZero":
		if v < 10 && v >= 0 {
			return "0" + strconv.Itoa(v)
		}
	case "bullet", "none":
		return ""
	}
	return strconv.Itoa(v)
}

// maxLetterCount is the largest counter written as letters: Word's own
// ceiling for a list's start value. A crafted start beyond it
// (w:start="99999999999") would repeat a letter billions of times.
const maxLetterCount = 32767

// letters is Word's a..z, aa..zz, aaa.. sequence.
func letters(v int) string {
	if v <= 0 || v > maxLetterCount {
		return strconv.Itoa(v)
	}
	ch := byte('a' + (v-1)%26)
	return strings.Repeat(string(ch), (v-1)/26+1)
}

func roman(v int) string {
	if v <= 0 || v >= 4000 {
		return strconv.Itoa(v)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, n := range vals {
		for v >= n {
			b.WriteString(syms[i])
			v -= n
		}
	}
	return b.String()
}
