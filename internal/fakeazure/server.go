package fakeazure

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"time"
)

// Options configure a Server. The zero value is ready to use.
type Options struct {
	// Addr is the proxy's listen address; default 127.0.0.1:0.
	Addr string
	// CADir holds the CA (ca.pem, ca-key.pem): reused if present, created
	// if not. Empty keeps a fresh CA in memory.
	CADir string
	// Log receives one JSON line per request; nil writes nothing.
	Log io.Writer
}

// Server is a running emulator: an HTTPS proxy in front of the emulated
// Entra ID and Key Vault of one world.
type Server struct {
	world *World
	ix    *index
	ca    *authority
	logw  io.Writer

	ln        net.Listener
	tlsConfig *tls.Config
	inner     *http.Server
	conns     *connListener

	// offset is added to the real clock: the world's skew plus AdvanceClock.
	offset atomic.Int64

	mu     sync.Mutex
	log    []LogEntry
	tokens []string
	held   map[net.Conn]struct{}
	closed bool
	wg     sync.WaitGroup
}

// Listen validates the world, starts the proxy and returns the running
// server. Close stops it. The world must not change while the server runs.
func Listen(w *World, opts Options) (*Server, error) {
	if err := w.Validate(); err != nil {
		return nil, err
	}
	var ca *authority
	var err error
	if opts.CADir != "" {
		ca, err = loadOrCreateAuthority(opts.CADir)
	} else {
		ca, err = newAuthority()
	}
	if err != nil {
		return nil, fmt.Errorf("set up CA: %w", err)
	}
	for _, t := range w.Tenants {
		if _, err := cloudSigningKey(t.Cloud); err != nil {
			return nil, err
		}
	}
	addr := opts.Addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", addr, err)
	}
	s := &Server{
		world: w,
		ix:    newIndex(w),
		ca:    ca,
		logw:  opts.Log,
		ln:    ln,
		conns: newConnListener(ln.Addr()),
		held:  map[net.Conn]struct{}{},
	}
	s.tlsConfig = s.serverTLSConfig()
	for host := range s.ix.vaults {
		if _, err := ca.leaf(host); err != nil {
			_ = ln.Close()
			return nil, err
		}
	}
	s.offset.Store(int64(time.Duration(w.ClockSkewSeconds) * time.Second))
	s.inner = &http.Server{
		Handler:           http.HandlerFunc(s.serveHTTP),
		ReadHeaderTimeout: 30 * time.Second,
		ConnContext:       withConnHost,
		ErrorLog:          discardLogger(),
	}
	s.wg.Add(2)
	go func() {
		defer s.wg.Done()
		_ = s.inner.Serve(s.conns)
	}()
	go func() {
		defer s.wg.Done()
		s.acceptLoop()
	}()
	return s, nil
}

// Close stops the proxy and drops every open connection.
func (s *Server) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	for c := range s.held {
		_ = c.Close()
	}
	s.mu.Unlock()
	err := s.ln.Close()
	_ = s.inner.Close()
	s.wg.Wait()
	if errors.Is(err, net.ErrClosed) {
		err = nil
	}
	return err
}

// ProxyURL is the proxy's URL, e.g. http://127.0.0.1:40123.
func (s *Server) ProxyURL() *url.URL {
	return &url.URL{Scheme: "http", Host: s.ln.Addr().String()}
}

// CACertPEM is the CA certificate clients must trust, PEM-encoded.
func (s *Server) CACertPEM() []byte { return append([]byte(nil), s.ca.certPEM...) }

// CAPool is a pool holding only the emulator's CA.
func (s *Server) CAPool() *x509.CertPool { return s.ca.pool() }

// Transport is a client transport that reaches Azure hosts through the
// emulator and trusts its CA. In-process clients use it instead of
// HTTPS_PROXY and SSL_CERT_FILE, which Go reads once per process.
func (s *Server) Transport() *http.Transport {
	return &http.Transport{
		Proxy:                 http.ProxyURL(s.ProxyURL()),
		TLSClientConfig:       &tls.Config{RootCAs: s.ca.pool(), MinVersion: tls.VersionTLS12, ClientSessionCache: tls.NewLRUClientSessionCache(64)},
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 0,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       30 * time.Second,
	}
}

// HTTPClient is an *http.Client over Transport. It satisfies azcore's
// policy.Transporter, so it can be set as ClientOptions.Transport.
func (s *Server) HTTPClient() *http.Client {
	return &http.Client{Transport: s.Transport()}
}

// Now is the emulator's clock: the real time shifted by the world's
// clockSkewSeconds and by AdvanceClock.
func (s *Server) Now() time.Time {
	return time.Now().Add(time.Duration(s.offset.Load()))
}

// AdvanceClock moves the emulator's clock forward by d, e.g. to let the
// tokens a client holds expire.
func (s *Server) AdvanceClock(d time.Duration) {
	s.offset.Add(int64(d))
}

// TB is the part of testing.TB that Start needs.
type TB interface {
	Helper()
	Cleanup(func())
	Fatalf(format string, args ...any)
}

// Start runs an emulator for one test and stops it when the test ends.
func Start(t TB, w *World, opts Options) *Server {
	t.Helper()
	s, err := Listen(w, opts)
	if err != nil {
		t.Fatalf("start fakeazure: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}
