package report

import (
	"regexp"
	"strconv"
	"strings"
)

// Opinion is a draft Opinion recognised in the annex: the structure ITU
// texts follow (title, forum line, preambular and operative blocks).
type Opinion struct {
	Number    int           `json:"number"`
	Title     string        `json:"title"`
	Forum     string        `json:"forum,omitempty"`
	BlockID   string        `json:"block_id"`
	Preamble  []OpinionPart `json:"preamble,omitempty"`
	Operative []OpinionPart `json:"operative,omitempty"`
	blockIdx  int
}

// OpinionPart is one keyword ("considering", "invites Member States") and
// the items under it.
type OpinionPart struct {
	Keyword string        `json:"keyword"`
	BlockID string        `json:"block_id"`
	Items   []OpinionItem `json:"items,omitempty"`
	idx     int
}

// OpinionItem is a lettered or numbered item; roman sub-items nest under it.
type OpinionItem struct {
	Label    string        `json:"label,omitempty"`
	Text     string        `json:"text"`
	BlockID  string        `json:"block_id"`
	SubItems []OpinionItem `json:"sub_items,omitempty"`
	idx      int
}

// Items counts the items of all parts, sub-items included.
func (o Opinion) Items() int {
	n := 0
	for _, ps := range [][]OpinionPart{o.Preamble, o.Operative} {
		for _, p := range ps {
			for _, it := range p.Items {
				n += 1 + len(it.SubItems)
			}
		}
	}
	return n
}

var (
	opinionRe   = regexp.MustCompile(`(?i)^draft\s+opinion\s+(\d+)\b`)
	letterRe    = regexp.MustCompile(`^([a-z])\)\s*`)
	romanRe     = regexp.MustCompile(`^([ivx]+)\)\s*`)
	numberRe    = regexp.MustCompile(`^(\d+)(?:[.)]\s*|\s+)`)
	preambleKws = []string{"considering", "recognizing", "recognising", "noting", "recalling", "bearing in mind",
		"conscious", "emphasizing", "emphasising", "aware", "mindful", "acknowledging", "taking into account",
		"having regard", "further recognizing", "further noting", "welcoming", "concerned", "convinced"}
	operativeKws = []string{"is of the view", "invites", "encourages", "calls upon", "calls on", "requests",
		"urges", "resolves", "instructs", "decides", "recommends", "supports"}
)

// keywordKind says whether a line is an Opinion keyword: 1 preambular, 2
// operative, 0 neither.
func keywordKind(b Block) int {
	t := strings.TrimRight(strings.TrimSpace(b.Text), ",:")
	if t == "" || len(strings.Fields(t)) > 8 || strings.HasSuffix(t, ";") || strings.HasSuffix(t, ".") {
		return 0
	}
	lower := strings.ToLower(t)
	if t[0] >= 'A' && t[0] <= 'Z' && !allItalic(b) {
		return 0
	}
	for _, k := range operativeKws {
		if strings.HasPrefix(lower, k) {
			return 2
		}
	}
	for _, k := range preambleKws {
		if strings.HasPrefix(lower, k) {
			return 1
		}
	}
	if allItalic(b) {
		return 1
	}
	return 0
}

func allItalic(b Block) bool {
	if len(b.Runs) == 0 {
		return false
	}
	for _, r := range b.Runs {
		if !r.Italic && strings.TrimSpace(r.Text) != "" {
			return false
		}
	}
	return true
}

// itemLabel finds an item's label, from automatic numbering or typed text,
// and returns the text without a typed label.
func itemLabel(b Block) (label, text string) {
	if n := strings.TrimSuffix(strings.TrimSuffix(b.Number, ")"), "."); n != "" && b.Kind != KindHeading {
		return n, b.Text
	}
	for _, re := range []*regexp.Regexp{romanRe, letterRe, numberRe} {
		if m := re.FindStringSubmatchIndex(b.Text); m != nil {
			return b.Text[m[2]:m[3]], b.Text[m[1]:]
		}
	}
	return "", b.Text
}

func isRoman(s string) bool { return s != "" && strings.Trim(s, "ivx") == "" }

// nextLetter is the letter expected after the part's last item.
func nextLetter(p *OpinionPart) string {
	if len(p.Items) == 0 {
		return "a"
	}
	last := p.Items[len(p.Items)-1].Label
	if len(last) == 1 && last[0] >= 'a' && last[0] < 'z' {
		return string(last[0] + 1)
	}
	return ""
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(s) {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c > 0x7f && c != 0xa0:
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(c)
		default:
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	return b.String()
}

func opinionNumber(text string) (int, bool) {
	m := opinionRe.FindStringSubmatch(strings.TrimSpace(text))
	if m == nil {
		return 0, false
	}
	n, err := strconv.Atoi(m[1])
	return n, err == nil
}
