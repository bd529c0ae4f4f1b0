package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kvdoctor/kvdoctor/checks"
	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

// TestWritersEdgeCases renders what the fixture does not hold: a slug from
// a newer kvdoctor, a skip that names no blocker, a request that got no
// response, a multi-line fact and an empty report.
func TestWritersEdgeCases(t *testing.T) {
	odd := checks.Report{Results: []checks.Result{
		{
			ID:       catalog.CheckVault,
			Status:   checks.Fail,
			Findings: []checks.Finding{{Code: "from-the-future", Severity: catalog.Error, Quote: "a | b ``` c"}},
			Facts:    checks.Facts{{Key: "stack", Value: "line 1\nline 2"}},
			Requests: []checks.Request{{Method: "GET", Host: "h", Path: "/", DurationMs: 5, Error: "dial tcp: i/o timeout"}, {Method: "GET", Host: "h", Path: "/"}},
		},
		{ID: catalog.CheckAccess, Status: checks.Skip},
		{ID: catalog.CheckToken, Status: checks.Pass, Requests: []checks.Request{{Method: "POST", Host: "login.example", Path: "/token", Status: 200, RequestID: "rid-1"}}},
	}}
	tests := []struct {
		name   string
		report checks.Report
		want   map[Format][]string
	}{
		{
			name:   "odd",
			report: odd,
			want: map[Format][]string{
				FormatText:     {"✗ from-the-future\n", "dial tcp: i/o timeout", "no response", "line 1\n", "line 2\n", "[-] Access to secrets · skip\n", "x-ms-request-id: rid-1"},
				FormatMarkdown: {"### ✗ `from-the-future`\n", "````text\na | b ``` c\n````", "`line 1`<br>`line 2`", "error: dial tcp: i/o timeout", "no response", "### Access token (`token`)\n\n**Requests**\n\n", "`rid-1`"},
				FormatJSON:     {`"code": "from-the-future"`, `"error": "dial tcp: i/o timeout"`},
			},
		},
		{
			name:   "empty",
			report: checks.Report{},
			want: map[Format][]string{
				FormatText:     {"Result: pass — 0 failed"},
				FormatMarkdown: {"No findings.", "Redaction:"},
				FormatJSON:     {`"checks": []`, `"version": "devel"`},
			},
		},
	}
	for _, tt := range tests {
		for f, wants := range tt.want {
			t.Run(tt.name+"/"+string(f), func(t *testing.T) {
				t.Parallel()
				var b bytes.Buffer
				if err := Write(&b, f, tt.report, Options{Verbose: true}); err != nil {
					t.Fatal(err)
				}
				for _, w := range wants {
					if !strings.Contains(b.String(), w) {
						t.Errorf("output lacks %q:\n%s", w, b.String())
					}
				}
			})
		}
	}
}
