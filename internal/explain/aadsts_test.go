package explain

import (
	"strconv"
	"testing"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
	"github.com/kvdoctor/kvdoctor/internal/aadsts"
)

// TestEveryAADSTSCode explains each code of aadsts.tsv on its own: each must
// lead to a catalogue finding, token-failed never with high confidence and
// always with the code's meaning.
func TestEveryAADSTSCode(t *testing.T) {
	t.Parallel()
	if len(aadsts.All()) != 81 {
		t.Fatalf("aadsts.tsv has %d codes, want 81", len(aadsts.All()))
	}
	for _, info := range aadsts.All() {
		name := "AADSTS" + strconv.Itoa(info.Number)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			res := Explain([]byte(name + ": something went wrong."))
			if res.Primary == nil {
				t.Fatalf("%s (%s) not recognised", name, info.ShortName)
			}
			f := res.Primary.Finding
			if _, ok := catalog.Lookup(f.Code); !ok {
				t.Errorf("%s: finding %q is not in the catalogue", name, f.Code)
			}
			if f.Code == catalog.TokenFailed {
				if res.Primary.Confidence == High {
					t.Errorf("%s: token-failed with high confidence", name)
				}
				if f.Params[catalog.ParamCodeMeaning] == "" {
					t.Errorf("%s: token-failed without the code's meaning", name)
				}
			}
			if len(res.Evidence.AADSTS) != 1 || res.Evidence.AADSTS[0] != name {
				t.Errorf("evidence AADSTS = %v, want [%s]", res.Evidence.AADSTS, name)
			}
		})
	}
}

func TestAADSTSCodeAt(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		sq   string
		want int
	}{
		{name: "plain", sq: "500011:the", want: 500011},
		{name: "followed by a date", sq: "7000162021-01-04", want: 700016},
		{name: "prefix of a longer known code", sq: "500011", want: 500011},
		{name: "unknown code", sq: "12345:x", want: 12345},
		{name: "cut short", sq: "5000", want: 0},
		{name: "too long unknown", sq: "123456789", want: 1234567},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got, _ := aadstsCodeAt(tt.sq, 0); got != tt.want {
				t.Errorf("aadstsCodeAt(%q) = %d, want %d", tt.sq, got, tt.want)
			}
		})
	}
}
