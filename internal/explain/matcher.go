package explain

// matcher finds many fixed strings in one pass over a text (Aho–Corasick),
// so that a 10 MB log costs one scan rather than one per pattern.
type matcher struct {
	patterns []string
	delta    [][256]int32
	out      [][]int32 // pattern ids ending in each state
}

func newMatcher(patterns []string) *matcher {
	m := &matcher{patterns: patterns, delta: make([][256]int32, 1), out: make([][]int32, 1)}
	for id, p := range patterns {
		s := int32(0)
		for i := 0; i < len(p); i++ {
			c := p[i]
			if m.delta[s][c] == 0 {
				m.delta = append(m.delta, [256]int32{})
				m.out = append(m.out, nil)
				m.delta[s][c] = int32(len(m.delta) - 1)
			}
			s = m.delta[s][c]
		}
		m.out[s] = append(m.out[s], int32(id))
	}
	fail := make([]int32, len(m.delta))
	var queue []int32
	for c := 0; c < 256; c++ {
		if t := m.delta[0][c]; t != 0 {
			queue = append(queue, t)
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		m.out[s] = append(m.out[s], m.out[fail[s]]...)
		for c := 0; c < 256; c++ {
			t := m.delta[s][c]
			if t == 0 {
				m.delta[s][c] = m.delta[fail[s]][c]
				continue
			}
			fail[t] = m.delta[fail[s]][c]
			queue = append(queue, t)
		}
	}
	return m
}

// scan returns, for each pattern, the start offsets of its first
// occurrences in text: limit of them, or more for the patterns in wide.
func (m *matcher) scan(text string, limit int, wide map[string]int) [][]int {
	hits := make([][]int, len(m.patterns))
	limits := make([]int, len(m.patterns))
	for id, p := range m.patterns {
		limits[id] = limit
		if w, ok := wide[p]; ok {
			limits[id] = w
		}
	}
	s := int32(0)
	for i := 0; i < len(text); i++ {
		s = m.delta[s][text[i]]
		for _, id := range m.out[s] {
			if len(hits[id]) < limits[id] {
				hits[id] = append(hits[id], i+1-len(m.patterns[id]))
			}
		}
	}
	return hits
}

// hitTable is the result of a scan, by pattern.
type hitTable map[string][]int

func (m *matcher) table(text string, limit int, wide map[string]int) hitTable {
	t := hitTable{}
	for id, h := range m.scan(text, limit, wide) {
		if len(h) > 0 {
			t[m.patterns[id]] = h
		}
	}
	return t
}
