package report

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/kvdoctor/kvdoctor/checks"
	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

// JSON writes the report as the versioned JSON contract of
// docs/report.schema.json. Texts are rendered in the writer's language;
// each finding also keeps its slug and parameters, so ReadJSON and another
// writer can render it again in either language.
type JSON struct {
	w    io.Writer
	lang catalog.Lang
}

// NewJSON returns a JSON writer to w.
func NewJSON(w io.Writer, opt Options) *JSON {
	return &JSON{w: w, lang: langOf(opt)}
}

// jsonReport is the document: schemaVersion 1 of issue 3, with the header,
// language, evidence and finding parameters that issue 4 added.
type jsonReport struct {
	SchemaVersion int           `json:"schemaVersion"`
	Tool          jsonTool      `json:"tool"`
	Status        checks.Status `json:"status"`
	Lang          catalog.Lang  `json:"lang"`
	Header        checks.Header `json:"header"`
	Target        jsonTarget    `json:"target"`
	Checks        []jsonCheck   `json:"checks"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonTarget struct {
	Vault  string `json:"vault"`
	Cloud  string `json:"cloud"`
	Secret string `json:"secret"`
}

type jsonCheck struct {
	ID          string           `json:"id"`
	Title       string           `json:"title"`
	Status      checks.Status    `json:"status"`
	DurationMs  int64            `json:"durationMs"`
	BlockedBy   string           `json:"blockedBy,omitempty"`
	Assumptions []string         `json:"assumptions,omitempty"`
	Findings    []jsonFinding    `json:"findings"`
	Facts       checks.Facts     `json:"facts"`
	Requests    []checks.Request `json:"requests"`
}

type jsonFinding struct {
	Code         string            `json:"code"`
	Severity     catalog.Severity  `json:"severity"`
	Title        string            `json:"title"`
	Detail       string            `json:"detail"`
	Fix          string            `json:"fix"`
	Verified     bool              `json:"verified"`
	VerifiedText string            `json:"verifiedText,omitempty"`
	Commands     []string          `json:"commands"`
	Quote        string            `json:"quote,omitempty"`
	Params       map[string]string `json:"params"`
	Anchor       string            `json:"anchor,omitempty"`
}

// Print writes the report: indented, deterministic, ending in a newline.
func (j *JSON) Print(r checks.Report) error {
	doc := j.document(r)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := j.w.Write(b.Bytes())
	return err
}

func (j *JSON) document(r checks.Report) jsonReport {
	h := r.Header
	h.Start = h.Start.UTC()
	doc := jsonReport{
		SchemaVersion: checks.SchemaVersion,
		Tool:          jsonTool{Name: "kvdoctor", Version: version(h)},
		Status:        r.Status(),
		Lang:          j.lang,
		Header:        h,
		Target:        jsonTarget(r.Target),
		Checks:        make([]jsonCheck, 0, len(r.Results)),
	}
	for _, res := range r.Results {
		c := jsonCheck{
			ID:          res.ID,
			Title:       catalog.CheckTitle(res.ID, j.lang),
			Status:      res.Status,
			DurationMs:  millis(res.Duration),
			BlockedBy:   res.BlockedBy,
			Assumptions: res.Assumptions,
			Findings:    make([]jsonFinding, 0, len(res.Findings)),
			Facts:       res.Facts,
			Requests:    res.Requests,
		}
		if c.Facts == nil {
			c.Facts = checks.Facts{}
		}
		if c.Requests == nil {
			c.Requests = []checks.Request{}
		}
		for _, f := range res.Findings {
			rd := render(f, j.lang)
			jf := jsonFinding{
				Code:     f.Code,
				Severity: f.Severity,
				Title:    rd.Title,
				Detail:   rd.Detail,
				Fix:      rd.Fix,
				Verified: f.Verified,
				Commands: rd.Commands,
				Quote:    f.Quote,
				Params:   f.Params,
				Anchor:   rd.Anchor,
			}
			if f.Verified {
				jf.VerifiedText = rd.Verified
			}
			if jf.Commands == nil {
				jf.Commands = []string{}
			}
			if jf.Params == nil {
				jf.Params = map[string]string{}
			}
			c.Findings = append(c.Findings, jf)
		}
		doc.Checks = append(doc.Checks, c)
	}
	return doc
}
