// Package checks holds kvdoctor's result model and its ordered checks, from
// the environment to access on the vault. A check never prints: it returns a
// Result, and the report writers turn Results into bytes.
package checks

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

// SchemaVersion is the version of the JSON report. Fields are only ever
// added under a version, never renamed or removed.
const SchemaVersion = 1

// Status is the outcome of one check, or of a whole run.
type Status string

// Statuses, in rank order.
const (
	Pass Status = "pass"
	Skip Status = "skip"
	Warn Status = "warn"
	Fail Status = "fail"
)

// Rank orders statuses for roll-up: the worst status of the checks is the
// status of the run. Skip ranks above pass but never makes a run fail.
func (s Status) Rank() int {
	switch s {
	case Pass:
		return 0
	case Skip:
		return 1
	case Warn:
		return 2
	case Fail:
		return 3
	}
	return -1
}

// Finding is one problem (or fact worth knowing) that a check found. Its
// texts come from the catalogue entry of Code, filled in from Params, so a
// finding can be rendered again in any language.
type Finding struct {
	// Code is the catalogue slug.
	Code string `json:"code"`
	// Severity is how bad it is; usually the catalogue's.
	Severity catalog.Severity `json:"severity"`
	// Params fill the catalogue texts: ids, hosts, codes; never a secret.
	Params map[string]string `json:"params,omitempty"`
	// Quote is Azure's own error message, verbatim, when there was one.
	Quote string `json:"quote,omitempty"`
	// Verified is true when kvdoctor applied the fix in memory and it worked.
	Verified bool `json:"verified"`
}

// NewFinding builds a finding with the catalogue severity of code.
// Parameters are given as name, value pairs.
func NewFinding(code string, kv ...string) Finding {
	e, ok := catalog.Lookup(code)
	if !ok {
		panic("checks: finding not in catalogue: " + code)
	}
	f := Finding{Code: code, Severity: e.Severity}
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

// Render fills the finding's catalogue texts in lang.
func (f Finding) Render(lang catalog.Lang) catalog.Rendered {
	e, _ := catalog.Lookup(f.Code)
	return e.Render(lang, f.Params)
}

// Fact is one named observation of a check: a decoded claim, a host, a
// masked variable. Values are never secrets.
type Fact struct {
	Key   string
	Value string
}

// Facts keeps observations in the order a check made them. It is a JSON
// object whose key order is preserved both ways.
type Facts []Fact

// Add appends a fact; empty values are dropped.
func (fs *Facts) Add(key, value string) {
	if value != "" {
		*fs = append(*fs, Fact{Key: key, Value: value})
	}
}

// Get returns the value of key, or "".
func (fs Facts) Get(key string) string {
	for _, f := range fs {
		if f.Key == key {
			return f.Value
		}
	}
	return ""
}

// MarshalJSON writes the facts as one object, in order.
func (fs Facts) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range fs {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(f.Key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(f.Value)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads an object of strings, keeping its key order.
func (fs *Facts) UnmarshalJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok == nil {
		*fs = nil
		return nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return fmt.Errorf("facts: want an object, got %v", tok)
	}
	var out Facts
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return err
		}
		var v string
		if err := dec.Decode(&v); err != nil {
			return fmt.Errorf("facts: %v: %w", kt, err)
		}
		out = append(out, Fact{Key: kt.(string), Value: v})
	}
	*fs = out
	return nil
}

// Request is the evidence of one HTTP exchange, as captured on the wire.
// It holds no query values, headers other than the ids below, or bodies.
type Request struct {
	Method          string `json:"method"`
	Host            string `json:"host"`
	Path            string `json:"path"`
	Status          int    `json:"status,omitempty"`
	DurationMs      int64  `json:"durationMs"`
	RequestID       string `json:"requestId,omitempty"`
	ClientRequestID string `json:"clientRequestId,omitempty"`
	AADSTS          []int  `json:"aadsts,omitempty"`
	TraceID         string `json:"traceId,omitempty"`
	CorrelationID   string `json:"correlationId,omitempty"`
	Timestamp       string `json:"timestamp,omitempty"`
	// Error is the transport error when no response came (DNS, TLS, timeout).
	Error string `json:"error,omitempty"`
}

// Result is what one check found.
type Result struct {
	// ID is the stable check id: env, cloud, token, claims, vault, access.
	ID       string        `json:"id"`
	Status   Status        `json:"status"`
	Duration time.Duration `json:"-"`
	Findings []Finding     `json:"findings"`
	Facts    Facts         `json:"facts"`
	Requests []Request     `json:"requests,omitempty"`
	// BlockedBy names the check whose failure made this one skip.
	BlockedBy string `json:"blockedBy,omitempty"`
	// Assumptions are in-memory fixes this check ran under (finding slugs
	// whose verified fix was applied), so its outcome is marked as such.
	Assumptions []string `json:"assumptions,omitempty"`
}

// Add appends a finding and makes the status at least as bad as the
// finding's severity warrants.
func (r *Result) Add(f Finding) {
	r.Findings = append(r.Findings, f)
	switch f.Severity {
	case catalog.Error:
		r.raise(Fail)
	case catalog.Warning:
		r.raise(Warn)
	}
}

func (r *Result) raise(s Status) {
	if s.Rank() > r.Status.Rank() {
		r.Status = s
	}
}

// Target is what was diagnosed.
type Target struct {
	Vault  string `json:"vault"`
	Cloud  string `json:"cloud"`
	Secret string `json:"secret,omitempty"`
}

// Header is what a support engineer needs to know about the run itself.
type Header struct {
	Version       string    `json:"version"`
	Commit        string    `json:"commit"`
	OS            string    `json:"os"`
	Arch          string    `json:"arch"`
	GoVersion     string    `json:"goVersion"`
	AzIdentity    string    `json:"azidentity,omitempty"`
	AzSecrets     string    `json:"azsecrets,omitempty"`
	Start         time.Time `json:"start"`
	DurationMs    int64     `json:"durationMs"`
	Proxy         string    `json:"proxy,omitempty"`
	ClientAddress string    `json:"clientAddress,omitempty"`
	Redacted      bool      `json:"redacted"`
}

// Report is one complete run: the header, the target and every check's
// result in order.
type Report struct {
	Header  Header   `json:"header"`
	Target  Target   `json:"target"`
	Results []Result `json:"checks"`
}

// Status is the roll-up: fail if any check failed, else warn if any warned,
// else pass.
func (r Report) Status() Status {
	s := Pass
	for _, res := range r.Results {
		if res.Status == Fail || (res.Status == Warn && s != Fail) {
			s = res.Status
		}
	}
	return s
}

// MapStrings returns a copy of r with f applied to every string that came
// from the environment or from Azure: target, proxy, facts, finding params
// and quotes, and request evidence.
func (r Report) MapStrings(f func(string) string) Report {
	out := r
	out.Target = Target{Vault: f(r.Target.Vault), Cloud: f(r.Target.Cloud), Secret: f(r.Target.Secret)}
	out.Header.Proxy = f(r.Header.Proxy)
	out.Results = make([]Result, len(r.Results))
	for i, res := range r.Results {
		c := res
		c.Facts = nil
		for _, fact := range res.Facts {
			c.Facts = append(c.Facts, Fact{Key: fact.Key, Value: f(fact.Value)})
		}
		c.Findings = make([]Finding, len(res.Findings))
		for j, fd := range res.Findings {
			fd.Quote = f(fd.Quote)
			if fd.Params != nil {
				params := make(map[string]string, len(fd.Params))
				for k, v := range fd.Params {
					params[k] = f(v)
				}
				fd.Params = params
			}
			c.Findings[j] = fd
		}
		c.Requests = make([]Request, len(res.Requests))
		for j, rq := range res.Requests {
			rq.Host, rq.Path, rq.Error = f(rq.Host), f(rq.Path), f(rq.Error)
			c.Requests[j] = rq
		}
		out.Results[i] = c
	}
	return out
}
