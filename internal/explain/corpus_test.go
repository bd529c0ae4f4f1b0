package explain

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusCase is one text of testdata/corpus: an error a user pasted in a
// public issue, with the finding the thread established.
type corpusCase struct {
	file     string
	source   string
	expected string
	also     string
	body     []byte
}

func readCorpus(t *testing.T) []corpusCase {
	t.Helper()
	files, err := filepath.Glob("testdata/corpus/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	var out []corpusCase
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		head, body, ok := strings.Cut(string(b), "\n---\n")
		if !ok {
			t.Fatalf("%s: no --- line", f)
		}
		c := corpusCase{file: filepath.Base(f), body: []byte(body)}
		for _, l := range strings.Split(head, "\n") {
			k, v, _ := strings.Cut(l, ": ")
			switch k {
			case "source":
				c.source = v
			case "expected_finding":
				c.expected = strings.TrimSpace(v)
			case "also_expected":
				c.also = strings.TrimSpace(v)
			}
		}
		if c.expected == "" || c.source == "" {
			t.Fatalf("%s: header lacks source or expected_finding", f)
		}
		out = append(out, c)
	}
	return out
}

// TestCorpus explains every corpus text. The primary finding must be right
// for at least 90% of the texts with a definite expected finding, and no
// text may get a wrong finding with high confidence.
func TestCorpus(t *testing.T) {
	cases := readCorpus(t)
	definite, right := 0, 0
	for _, c := range cases {
		res := Explain(c.body)
		got, conf := "(none)", Confidence("")
		if res.Primary != nil {
			got, conf = res.Primary.Finding.Code, res.Primary.Confidence
		}
		ok := got == c.expected
		if c.expected != "other" {
			definite++
			if ok {
				right++
			} else {
				t.Logf("%s: want %s, got %s (%s)  [%s]", c.file, c.expected, got, conf, c.source)
			}
		}
		if conf == High && !ok {
			t.Errorf("%s: wrong finding %s with high confidence, want %s", c.file, got, c.expected)
		}
		if c.also != "" && ok && !hasFinding(res, c.also) {
			t.Errorf("%s: want %s among the further findings, got %v", c.file, c.also, codes(res.Findings))
		}
	}
	score := float64(right) / float64(definite)
	t.Logf("corpus score: %d/%d definite cases right (%.1f%%), %d texts in all", right, definite, 100*score, len(cases))
	if score < 0.9 {
		t.Errorf("corpus score %.1f%% is below 90%%", 100*score)
	}
}

func hasFinding(res Result, code string) bool {
	for _, d := range res.Findings {
		if d.Finding.Code == code {
			return true
		}
	}
	return false
}

func codes(ds []Diagnosis) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Finding.Code+"/"+string(d.Confidence))
	}
	return out
}
