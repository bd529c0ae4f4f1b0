package explain

import (
	_ "embed"
	"strconv"
	"strings"
)

// aadstsTSV is the table of Entra ID codes that matter for Key Vault token
// flows: code, short name, meaning (starting with a source tag), likely
// cause, fix, sources.
//
//go:embed aadsts.tsv
var aadstsTSV string

// aadstsInfo is one row of aadsts.tsv.
type aadstsInfo struct {
	Code      int
	ShortName string
	Meaning   string
}

// aadstsTable maps each code number to its row.
var aadstsTable = parseAADSTS(aadstsTSV)

func parseAADSTS(tsv string) map[int]aadstsInfo {
	m := map[int]aadstsInfo{}
	for _, line := range strings.Split(tsv, "\n") {
		if !strings.HasPrefix(line, "AADSTS") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			continue
		}
		n, err := strconv.Atoi(strings.TrimPrefix(f[0], "AADSTS"))
		if err != nil {
			continue
		}
		m[n] = aadstsInfo{Code: n, ShortName: f[1], Meaning: stripTag(f[2])}
	}
	return m
}

// stripTag removes the leading "[source tag] " of a meaning.
func stripTag(s string) string {
	if strings.HasPrefix(s, "[") {
		if i := strings.Index(s, "] "); i >= 0 {
			return s[i+2:]
		}
	}
	return s
}

// aadstsCodeAt reads the code number that follows "aadsts" at sq offset i.
// Text wrapped or joined right after a code leaves more digits than the code
// has, so the longest prefix that is a known code wins; an unknown code keeps
// at most seven digits, and fewer than five (every code has at least five)
// is a code cut short.
func aadstsCodeAt(sq string, i int) (int, bool) {
	j := i
	for j < len(sq) && j-i < 16 && sq[j] >= '0' && sq[j] <= '9' {
		j++
	}
	digits := sq[i:j]
	if len(digits) < 5 {
		return 0, false
	}
	for n := len(digits); n >= 5; n-- {
		if v, err := strconv.Atoi(digits[:n]); err == nil {
			if _, ok := aadstsTable[v]; ok {
				return v, true
			}
		}
	}
	if len(digits) > 7 {
		digits = digits[:7]
	}
	v, err := strconv.Atoi(digits)
	return v, err == nil
}
