package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"time"

	"github.com/kvdoctor/kvdoctor/checks"
	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

// ReadJSON reads a report written by the JSON writer, for rendering again
// in another format or language. Rendered texts in the file are ignored:
// findings are rendered again from their slug and parameters. It refuses a
// schemaVersion other than the one this kvdoctor writes.
func ReadJSON(r io.Reader) (checks.Report, error) {
	var probe struct {
		SchemaVersion *int `json:"schemaVersion"`
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return checks.Report{}, fmt.Errorf("read report: %w", err)
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		return checks.Report{}, fmt.Errorf("not a kvdoctor JSON report: %w", err)
	}
	if probe.SchemaVersion == nil {
		return checks.Report{}, errors.New("not a kvdoctor JSON report: it has no schemaVersion")
	}
	if v := *probe.SchemaVersion; v != checks.SchemaVersion {
		return checks.Report{}, fmt.Errorf("report schemaVersion %d is not supported: this kvdoctor reads version %d", v, checks.SchemaVersion)
	}
	var doc jsonReport
	if err := json.Unmarshal(data, &doc); err != nil {
		return checks.Report{}, fmt.Errorf("read kvdoctor report: %w", err)
	}
	return fromDocument(doc)
}

func fromDocument(doc jsonReport) (checks.Report, error) {
	r := checks.Report{
		Header:  doc.Header,
		Target:  checks.Target(doc.Target),
		Results: make([]checks.Result, 0, len(doc.Checks)),
	}
	for i, c := range doc.Checks {
		if c.Status.Rank() < 0 {
			return checks.Report{}, fmt.Errorf("read kvdoctor report: check %d (%s) has unknown status %q", i+1, c.ID, c.Status)
		}
		res := checks.Result{
			ID:          c.ID,
			Status:      c.Status,
			Duration:    time.Duration(c.DurationMs) * time.Millisecond,
			Facts:       c.Facts,
			Requests:    c.Requests,
			BlockedBy:   c.BlockedBy,
			Assumptions: c.Assumptions,
		}
		if len(res.Facts) == 0 {
			res.Facts = nil
		}
		if len(res.Requests) == 0 {
			res.Requests = nil
		}
		for _, f := range c.Findings {
			if !slices.Contains([]catalog.Severity{catalog.Error, catalog.Warning, catalog.Info}, f.Severity) {
				return checks.Report{}, fmt.Errorf("read kvdoctor report: finding %s has unknown severity %q", f.Code, f.Severity)
			}
			fd := checks.Finding{Code: f.Code, Severity: f.Severity, Quote: f.Quote, Verified: f.Verified}
			if len(f.Params) > 0 {
				fd.Params = maps.Clone(f.Params)
			}
			res.Findings = append(res.Findings, fd)
		}
		r.Results = append(r.Results, res)
	}
	return r, nil
}
