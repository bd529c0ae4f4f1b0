package cli

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/kvdoctor/kvdoctor/internal/fakeazure"
)

// run is one kvdoctor invocation through the real command-line code path,
// against an emulator, with env as the whole environment.
type run struct {
	code   int
	stdout string
	stderr string
	srv    *fakeazure.Server
	report jsonReport
}

type jsonReport struct {
	Status string `json:"status"`
	Checks []struct {
		ID        string `json:"id"`
		Status    string `json:"status"`
		BlockedBy string `json:"blockedBy"`
		Findings  []struct {
			Code     string   `json:"code"`
			Severity string   `json:"severity"`
			Fix      string   `json:"fix"`
			Commands []string `json:"commands"`
			Verified bool     `json:"verified"`
		} `json:"findings"`
	} `json:"checks"`
}

// check returns the status of check id and its finding codes.
func (r run) check(id string) (status string, codes []string) {
	for _, c := range r.report.Checks {
		if c.ID == id {
			for _, f := range c.Findings {
				codes = append(codes, f.Code)
			}
			return c.Status, codes
		}
	}
	return "", nil
}

func runKV(t *testing.T, w *fakeazure.World, env map[string]string, args ...string) run {
	t.Helper()
	srv := fakeazure.Start(t, w, fakeazure.Options{})
	return runWith(t, srv, srv.Transport(), env, args...)
}

func runWith(t *testing.T, srv *fakeazure.Server, tr *http.Transport, env map[string]string, args ...string) run {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(args, IO{
		In:        strings.NewReader(""),
		Out:       &out,
		Err:       &errOut,
		Getenv:    func(k string) string { return env[k] },
		Transport: tr,
	})
	r := run{code: code, stdout: out.String(), stderr: errOut.String(), srv: srv}
	if strings.Contains(strings.Join(args, " "), "--format json") {
		if err := json.Unmarshal(out.Bytes(), &r.report); err != nil {
			t.Fatalf("output is not JSON: %v\n%s\nstderr: %s", err, out.String(), errOut.String())
		}
	}
	return r
}
