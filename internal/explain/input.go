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
	text   string
	lower  string
	sq     string
	lines  []int // offset in text where each line begins
	sqLine []int
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
			sq.WriteByte(c)
		}
	}
	in.sq = sq.String()
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

// lineAt is the line of text offset off.
func (in *input) lineAt(off int) int {
	return sort.Search(len(in.lines), func(i int) bool { return in.lines[i] > off }) - 1
}

// sqLineAt is the line of text where sq offset off lies.
func (in *input) sqLineAt(off int) int {
	return sort.Search(len(in.sqLine), func(i int) bool { return in.sqLine[i] > off }) - 1
}

// lineText is line i of text, without its LF.
func (in *input) lineText(i int) string {
	if i < 0 || i >= len(in.lines) {
		return ""
	}
	end := len(in.text)
	if i+1 < len(in.lines) {
		end = in.lines[i+1] - 1
	}
	return in.text[in.lines[i]:end]
}

// window is text from line from to line to (inclusive, clamped), with line
// breaks and runs of white space as single spaces, at most max bytes.
func (in *input) window(from, to, max int) string {
	if from < 0 {
		from = 0
	}
	if to >= len(in.lines) {
		to = len(in.lines) - 1
	}
	if from > to {
		return ""
	}
	start := in.lines[from]
	end := len(in.text)
	if to+1 < len(in.lines) {
		end = in.lines[to+1]
	}
	if end-start > max {
		end = start + max
	}
	return collapseSpace(in.text[start:end])
}

// sqWindow is sq from the start of line from to the end of line to, at most max bytes.
func (in *input) sqWindow(from, to, max int) string {
	if from < 0 {
		from = 0
	}
	if to >= len(in.sqLine) {
		to = len(in.sqLine) - 1
	}
	if from > to {
		return ""
	}
	start := in.sqLine[from]
	end := len(in.sq)
	if to+1 < len(in.sqLine) {
		end = in.sqLine[to+1]
	}
	if end-start > max {
		end = start + max
	}
	return in.sq[start:end]
}

// sqIndexAll returns the sq offsets of every occurrence of needle (already
// lower-case without white space), at most limit of them.
func (in *input) sqIndexAll(needle string, limit int) []int {
	var out []int
	for from := 0; len(out) < limit; {
		i := strings.Index(in.sq[from:], needle)
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
	return strings.Contains(in.sq, squeeze(phrase))
}

// firstLine is the line of the first occurrence of any phrase, or -1.
func (in *input) firstLine(phrases ...string) int {
	best := -1
	for _, p := range phrases {
		i := strings.Index(in.sq, squeeze(p))
		if i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	if best < 0 {
		return -1
	}
	return in.sqLineAt(best)
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
