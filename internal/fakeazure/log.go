package fakeazure

import (
	"encoding/json"
	"time"
)

// LogEntry is one request the emulator answered (or a CONNECT it refused
// or faulted). It never holds a header, a query or a body.
type LogEntry struct {
	// Time is when the answer was sent, on the client's clock.
	Time time.Time `json:"time"`
	// Host is the host the client asked for.
	Host string `json:"host"`
	// Method is the HTTP method, CONNECT for the proxy's own answers.
	Method string `json:"method"`
	// Path is the URL path without the query.
	Path string `json:"path"`
	// Status is the HTTP status sent; 0 when a fault sent none.
	Status int `json:"status"`
	// Fault names the fault that shaped the answer, if any.
	Fault string `json:"fault,omitempty"`
}

// record appends an entry to the log and writes it as a JSON line.
func (s *Server) record(e LogEntry) {
	e.Time = time.Now().UTC()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = append(s.log, e)
	if s.logw != nil {
		b, err := json.Marshal(e)
		if err == nil {
			_, _ = s.logw.Write(append(b, '\n'))
		}
	}
}

// Log returns the requests answered so far, oldest first.
func (s *Server) Log() []LogEntry {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]LogEntry(nil), s.log...)
}

// IssuedTokens returns every access token the token service issued, so a
// test can check that none of them reaches an output.
func (s *Server) IssuedTokens() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.tokens...)
}

func (s *Server) rememberToken(tok string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokens = append(s.tokens, tok)
}
