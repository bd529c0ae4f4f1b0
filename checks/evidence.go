package checks

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
)

// Recorder is an azcore per-retry policy that captures what support needs of
// every HTTP exchange: method, host, path, status, duration, request ids and,
// for Entra ID errors, the AADSTS codes and trace ids. Being per-retry, it
// sees every attempt on the wire, the 401 challenge included. It never keeps
// a header other than those ids, nor the body of a successful response
// (which may hold a token or a secret's value).
type Recorder struct {
	mu         sync.Mutex
	requests   []Request
	lastErr    error
	serverDate time.Time
	localDate  time.Time
	now        func() time.Time
}

// NewRecorder returns an empty recorder using now as the local clock (nil
// means time.Now).
func NewRecorder(now func() time.Time) *Recorder {
	if now == nil {
		now = time.Now
	}
	return &Recorder{now: now}
}

// Do implements policy.Policy.
func (r *Recorder) Do(req *policy.Request) (*http.Response, error) {
	start := time.Now()
	resp, err := req.Next()
	r.Add(req.Raw(), resp, err, time.Since(start))
	return resp, err
}

// Add records one exchange made outside an azcore pipeline.
func (r *Recorder) Add(req *http.Request, resp *http.Response, err error, d time.Duration) {
	ev := Request{
		Method:          req.Method,
		Host:            req.URL.Hostname(),
		Path:            req.URL.EscapedPath(),
		DurationMs:      d.Milliseconds(),
		ClientRequestID: firstHeader(req.Header, "client-request-id", "x-ms-client-request-id"),
	}
	if err != nil {
		ev.Error = errorLine(err)
	}
	if resp != nil {
		ev.Status = resp.StatusCode
		ev.RequestID = resp.Header.Get("x-ms-request-id")
		if id := firstHeader(resp.Header, "client-request-id", "x-ms-client-request-id"); id != "" {
			ev.ClientRequestID = id
		}
		if resp.StatusCode >= 400 && strings.Contains(resp.Header.Get("Content-Type"), "json") {
			if e, ok := readEntraError(resp); ok {
				ev.AADSTS, ev.TraceID, ev.CorrelationID, ev.Timestamp = e.Codes, e.TraceID, e.CorrelationID, e.Timestamp
			}
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.requests = append(r.requests, ev)
	if err != nil {
		r.lastErr = err
	}
	if resp != nil {
		if d, perr := http.ParseTime(resp.Header.Get("Date")); perr == nil {
			r.serverDate, r.localDate = d, r.now()
		}
	}
}

// Requests returns the exchanges recorded so far, in order.
func (r *Recorder) Requests() []Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Request(nil), r.requests...)
}

// TransportError is the last error of an exchange that got no response, as
// the transport returned it: SDKs that wrap it in text lose its type, the
// recorder keeps it for errors.As.
func (r *Recorder) TransportError() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.lastErr
}

// ClockOffset is how far the last server Date header was from the local
// clock when it arrived (server minus local); ok is false when no response
// carried a Date.
func (r *Recorder) ClockOffset() (offset time.Duration, ok bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.serverDate.IsZero() {
		return 0, false
	}
	return r.serverDate.Sub(r.localDate.Truncate(time.Second)), true
}

// entraError is the body of an Entra ID token endpoint error.
type entraError struct {
	Error         string `json:"error"`
	Description   string `json:"error_description"`
	Codes         []int  `json:"error_codes"`
	Timestamp     string `json:"timestamp"`
	TraceID       string `json:"trace_id"`
	CorrelationID string `json:"correlation_id"`
}

// readEntraError decodes an Entra ID error body from resp, leaving the body
// readable for others. ok is false when resp holds no such error.
func readEntraError(resp *http.Response) (entraError, bool) {
	var e entraError
	if resp == nil {
		return e, false
	}
	body, err := runtime.Payload(resp)
	if err != nil || json.Unmarshal(body, &e) != nil {
		return e, false
	}
	return e, e.Error != "" || len(e.Codes) > 0
}

func firstHeader(h http.Header, names ...string) string {
	for _, n := range names {
		if v := h.Get(n); v != "" {
			return v
		}
	}
	return ""
}
