package explain

import (
	"strconv"

	"github.com/kvdoctor/kvdoctor/internal/aadsts"
)

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
			if _, ok := aadsts.Lookup(v); ok {
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
