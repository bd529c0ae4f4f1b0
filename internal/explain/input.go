package explain

import (
	"sort"
	"strings"
)

// input is the pasted text in the three forms the rules read:
//   - text: normalised lines (see normalize);
//   - lower: text with ASCII letters lower-cased, same offsets;
//   - sq: lower with all white space removed, so that phrases and codes
//     wrapped across lines (even mid-word) still match.
//
// sqLine[i] is the offset in sq where line i of text begins.
type input struct {
	text    string
	lower   string
	sq      string
	lines   []int // offset in text where each line begins
	sqLine  []int
	sqCheck []int // text offset of every 4096th byte of sq
	sqHits  hitTable
	lowHits hitTable
	memo    map[string]bool
}

// sqPatterns are the squeezed phrases found in one pass over sq;
// lowerPatterns the strings found in one pass over lower.
var (
	sqMatcher    = newMatcher(sqPatterns())
	lowerMatcher = newMatcher(lowerPatterns())
	sqKnown      = patternSet(sqMatcher.patterns)
	lowerKnown   = patternSet(lowerMatcher.patterns)
)

// maxHits bounds the occurrences of one pattern that are kept; wideHits
// are the anchors whose every occurrence may matter (a credential chain or a
// code at the end of a long log), with a bound of their own.
const maxHits = 4096

const maxWideHits = 1 << 20

var wideHits = map[string]int{"credential": maxWideHits, "aadsts": maxWideHits, "akv1": maxWideHits}

func sqPatterns() []string {
	var out []string
	for _, r := range phraseRules {
		out = append(out, r.phrases...)
	}
	out = append(out, "aadsts", "akv1", "visualstudiotokenprovider", "doesnotmatchtherequesteddomain", "doesn'tmatchtherequesteddomain",
		"federated", "workloadidentity", "azure_federated_token_file", "azureclicredential", "azlogin", "azure-cli", "azure/cli")
	return append(out, azureHostPhrases...)
}

func lowerPatterns() []string {
	out := append([]string{"credential", "$ az ", "\naz ", "> az ", ";location="}, hostNeedles()...)
	out = append(out, statusAnchors...)
	for _, l := range [][]string{traceAnchors, correlationAnchors, requestAnchors, timeAnchors, tenantAnchors, clientAnchors} {
		out = append(out, l...)
	}
	return out
}

func patternSet(ps []string) map[string]bool {
	m := make(map[string]bool, len(ps))
	for _, p := range ps {
		m[p] = true
	}
	return m
}

func newInput(b []byte) *input {
	text := normalize(b)
	lower := asciiLower(text)
	in := &input{text: text, lower: lower}
	var sq strings.Builder
	sq.Grow(len(lower))
	in.lines = append(in.lines, 0)
	in.sqLine = append(in.sqLine, 0)
	for i := 0; i < len(lower); i++ {
		c := lower[i]
		switch c {
		case '\n':
			in.lines = append(in.lines, i+1)
			in.sqLine = append(in.sqLine, sq.Len())
		case ' ', '\t':
		default:
			if sq.Len()&(sqCheckStep-1) == 0 {
				in.sqCheck = append(in.sqCheck, i)
			}
			sq.WriteByte(c)
		}
	}
	in.sq = sq.String()
	in.sqHits = sqMatcher.table(in.sq, maxHits, wideHits)
	in.lowHits = lowerMatcher.table(in.lower, maxHits, wideHits)
	in.memo = map[string]bool{}
	return in
}

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

const sqCheckStep = 4096

// sqToText is the text offset of the byte at sq offset off.
func (in *input) sqToText(off int) int {
	j := off / sqCheckStep
	if j >= len(in.sqCheck) {
		return len(in.text)
	}
	p, k := in.sqCheck[j], off-j*sqCheckStep
	for p < len(in.lower) {
		if c := in.lower[p]; c != ' ' && c != '\t' && c != '\n' {
			if k == 0 {
				return p
			}
			k--
		}
		p++
	}
	return p
}

// around is the text from before bytes before sq offset off to after bytes
// after it, white space collapsed, and the same stretch of sq.
func (in *input) around(off, before, after int) (win, sqwin string) {
	t := in.sqToText(off)
	win = collapseSpace(in.text[max(0, t-before):min(len(in.text), t+after)])
	sqwin = in.sq[max(0, off-before):min(len(in.sq), off+after)]
	return win, sqwin
}

// lineAt is the line of text offset off.
func (in *input) lineAt(off int) int {
	return sort.Search(len(in.lines), func(i int) bool { return in.lines[i] > off }) - 1
}

// sqLineAt is the line of text where sq offset off lies.
func (in *input) sqLineAt(off int) int {
	return sort.Search(len(in.sqLine), func(i int) bool { return in.sqLine[i] > off }) - 1
}

// sqIndexAll returns the sq offsets of every occurrence of needle (already
// lower-case without white space), at most limit of them.
func (in *input) sqIndexAll(needle string, limit int) []int {
	if sqKnown[needle] {
		return first(in.sqHits[needle], limit)
	}
	return indexAll(in.sq, needle, limit)
}

// lowerIndexAll returns the lower offsets of the first limit occurrences of needle.
func (in *input) lowerIndexAll(needle string, limit int) []int {
	if lowerKnown[needle] {
		return first(in.lowHits[needle], limit)
	}
	return indexAll(in.lower, needle, limit)
}

func first(h []int, limit int) []int {
	if len(h) > limit {
		return h[:limit]
	}
	return h
}

func indexAll(s, needle string, limit int) []int {
	var out []int
	for from := 0; len(out) < limit; {
		i := strings.Index(s[from:], needle)
		if i < 0 {
			break
		}
		out = append(out, from+i)
		from += i + len(needle)
	}
	return out
}

// has says whether phrase occurs anywhere, ignoring case and white space.
func (in *input) has(phrase string) bool {
	p := squeeze(phrase)
	if sqKnown[p] {
		return len(in.sqHits[p]) > 0
	}
	v, ok := in.memo[p]
	if !ok {
		v = strings.Contains(in.sq, p)
		in.memo[p] = v
	}
	return v
}

// squeeze lower-cases s and removes its white space.
func squeeze(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// collapseSpace turns runs of white space into single spaces.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteByte(c)
	}
	return b.String()
}
