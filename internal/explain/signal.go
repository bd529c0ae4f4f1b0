package explain

import (
	"github.com/kvdoctor/kvdoctor/checks"
	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

// signal is one thing recognised in the text: the finding it points to, how
// sure that is, and the line where it was seen.
type signal struct {
	finding checks.Finding
	conf    Confidence
	line    int
}

// newSignal builds a signal for code with parameters given as name, value
// pairs. token-failed is never more than medium: it names no cause.
func newSignal(line int, conf Confidence, code string, kv ...string) signal {
	if code == catalog.TokenFailed && conf == High {
		conf = Medium
	}
	return signal{finding: newFinding(code, kv...), conf: conf, line: line}
}

// newFinding is checks.NewFinding, except that a slug missing from the
// catalogue gives a finding of severity error instead of a panic.
func newFinding(code string, kv ...string) checks.Finding {
	if _, ok := catalog.Lookup(code); ok {
		return checks.NewFinding(code, kv...)
	}
	f := checks.Finding{Code: code, Severity: catalog.Error}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			continue
		}
		if f.Params == nil {
			f.Params = map[string]string{}
		}
		f.Params[kv[i]] = kv[i+1]
	}
	return f
}

// better says whether a should be preferred to b: surer first, then earlier.
func better(a, b signal) bool {
	if a.conf.rank() != b.conf.rank() {
		return a.conf.rank() > b.conf.rank()
	}
	if (a.finding.Code == catalog.TokenFailed) != (b.finding.Code == catalog.TokenFailed) {
		return b.finding.Code == catalog.TokenFailed
	}
	return a.line < b.line
}

// scan is everything collectSignals found.
type scan struct {
	signals  []signal
	aadsts   []string
	kvCodes  []string
	statuses []statusHit
	hosts    hostScan
}
