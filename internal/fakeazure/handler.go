package fakeazure

import (
	"crypto/rand"
	"fmt"
	"net/http"
	"time"
)

// statusWriter remembers the status sent, for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// serveHTTP answers one request inside a tunnel: faults first, then the
// endpoint the host reaches.
func (s *Server) serveHTTP(rw http.ResponseWriter, r *http.Request) {
	host := connHost(r)
	w := &statusWriter{ResponseWriter: rw}
	entry := LogEntry{Host: host, Method: r.Method, Path: r.URL.Path}
	defer func() {
		entry.Status = w.status
		s.record(entry)
	}()
	w.Header().Set("Date", s.Now().UTC().Format(http.TimeFormat))
	if f, ok := s.ix.fault(host); ok {
		entry.Fault = f.Kind
		switch f.Kind {
		case FaultLatency:
			select {
			case <-time.After(time.Duration(f.LatencyMs) * time.Millisecond):
			case <-r.Context().Done():
				return
			}
		case FaultThrottle:
			s.writeThrottled(w, host)
			return
		case FaultHTML:
			writeCaptivePortal(w)
			return
		}
	}
	ep, ok := s.ix.endpoint(host)
	if !ok {
		http.Error(w, "no such host", http.StatusBadGateway)
		return
	}
	if ep.vault != nil {
		s.serveVault(w, r, ep.vault, ep.cloud)
		return
	}
	s.serveEntra(w, r, ep.cloud)
}

// writeCaptivePortal answers as a captive portal or an intercepting proxy
// does: an HTML login page with status 200.
func writeCaptivePortal(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	_, _ = fmt.Fprint(w, `<!DOCTYPE html>
<html><head><title>Network login required</title></head>
<body><h1>Network login required</h1>
<p>You must sign in to this network before you can access the internet.</p>
<form method="post" action="/login"><input name="user"><input name="password" type="password"><button>Sign in</button></form>
</body></html>
`)
}

// newID is a random GUID in its usual text form.
func newID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
