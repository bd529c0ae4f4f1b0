package fakeazure

import (
	"bufio"
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// acceptLoop serves the proxy's TCP connections until the listener closes.
func (s *Server) acceptLoop() {
	var conns sync.WaitGroup
	defer conns.Wait()
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		conns.Add(1)
		go func() {
			defer conns.Done()
			s.handleProxyConn(c)
		}()
	}
}

// handleProxyConn reads one CONNECT and either refuses it as a proxy refuses
// a name it cannot resolve, applies a connection fault, or terminates TLS
// and hands the connection to the emulated endpoint.
func (s *Server) handleProxyConn(c net.Conn) {
	if !s.hold(c) {
		_ = c.Close()
		return
	}
	handedOver := false
	defer func() {
		if !handedOver {
			s.release(c)
			_ = c.Close()
		}
	}()
	_ = c.SetReadDeadline(time.Now().Add(30 * time.Second))
	br := bufio.NewReader(c)
	req, err := http.ReadRequest(br)
	if err != nil {
		return
	}
	if req.Method != http.MethodConnect {
		host := req.URL.Hostname()
		s.record(LogEntry{Host: host, Method: req.Method, Path: req.URL.Path, Status: http.StatusBadGateway})
		writeProxyError(c, fmt.Sprintf("this proxy only tunnels HTTPS (CONNECT); cannot reach %s", host))
		return
	}
	host, port, err := net.SplitHostPort(req.Host)
	if err != nil {
		host, port = req.Host, "443"
	}
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	fault, faulted := s.ix.fault(host)
	_, known := s.ix.endpoint(host)
	if (!known && !faulted) || port != "443" {
		s.record(LogEntry{Host: host, Method: http.MethodConnect, Status: http.StatusBadGateway})
		writeProxyError(c, fmt.Sprintf("Unable to determine IP address from host name %s", host))
		return
	}
	if _, err := io.WriteString(c, "HTTP/1.1 200 Connection established\r\n\r\n"); err != nil {
		return
	}
	_ = c.SetReadDeadline(time.Time{})
	if faulted {
		switch fault.Kind {
		case FaultBlackhole:
			s.record(LogEntry{Host: host, Method: http.MethodConnect, Fault: fault.Kind})
			_, _ = io.Copy(io.Discard, br)
			return
		case FaultReset:
			s.record(LogEntry{Host: host, Method: http.MethodConnect, Fault: fault.Kind})
			buf := make([]byte, 1)
			_, _ = br.Read(buf)
			if tc, ok := c.(*net.TCPConn); ok {
				_ = tc.SetLinger(0)
			}
			return
		}
	}
	tc := tls.Server(&bufferedConn{Conn: c, r: br, host: host}, s.tlsConfig)
	_ = tc.SetDeadline(time.Now().Add(10 * time.Second))
	if err := tc.Handshake(); err != nil {
		return
	}
	_ = tc.SetDeadline(time.Time{})
	handedOver = true
	s.conns.push(&hostConn{Conn: tc, host: host, done: func() { s.release(c) }})
}

// hold tracks a connection so Close can drop it; false once closed.
func (s *Server) hold(c net.Conn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	s.held[c] = struct{}{}
	return true
}

func (s *Server) release(c net.Conn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.held, c)
}

func writeProxyError(w io.Writer, msg string) {
	body := msg + "\n"
	_, _ = fmt.Fprintf(w, "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s", len(body), body)
}

// bufferedConn reads first what the CONNECT reader already buffered, and
// remembers the host the tunnel was opened for.
type bufferedConn struct {
	net.Conn
	r    *bufio.Reader
	host string
}

func (b *bufferedConn) Read(p []byte) (int, error) { return b.r.Read(p) }

// hostConn is a tunnelled TLS connection and the host it was opened for.
type hostConn struct {
	net.Conn
	host string
	once sync.Once
	done func()
}

func (h *hostConn) Close() error {
	err := h.Conn.Close()
	h.once.Do(h.done)
	return err
}

type connHostKey struct{}

// withConnHost puts the tunnel's host into every request's context.
func withConnHost(ctx context.Context, c net.Conn) context.Context {
	if hc, ok := c.(*hostConn); ok {
		return context.WithValue(ctx, connHostKey{}, hc.host)
	}
	return ctx
}

func connHost(r *http.Request) string {
	if h, ok := r.Context().Value(connHostKey{}).(string); ok {
		return h
	}
	return strings.ToLower(r.Host)
}

// connListener is a net.Listener fed with tunnelled connections.
type connListener struct {
	addr   net.Addr
	ch     chan net.Conn
	closed chan struct{}
	once   sync.Once
}

func newConnListener(addr net.Addr) *connListener {
	return &connListener{addr: addr, ch: make(chan net.Conn), closed: make(chan struct{})}
}

func (l *connListener) push(c net.Conn) {
	select {
	case l.ch <- c:
	case <-l.closed:
		_ = c.Close()
	}
}

func (l *connListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.ch:
		return c, nil
	case <-l.closed:
		return nil, net.ErrClosed
	}
}

func (l *connListener) Close() error {
	l.once.Do(func() { close(l.closed) })
	return nil
}

func (l *connListener) Addr() net.Addr { return l.addr }

// serverTLSConfig is shared by every tunnel, so that clients can resume
// sessions; the leaf is the one of the tunnel's CONNECT host.
func (s *Server) serverTLSConfig() *tls.Config {
	return &tls.Config{
		NextProtos:       []string{"http/1.1"},
		MinVersion:       tls.VersionTLS12,
		CurvePreferences: []tls.CurveID{tls.X25519, tls.CurveP256},
		GetCertificate: func(hello *tls.ClientHelloInfo) (*tls.Certificate, error) {
			if bc, ok := hello.Conn.(*bufferedConn); ok {
				return s.ca.leaf(bc.host)
			}
			return s.ca.leaf(hello.ServerName)
		},
	}
}

func discardLogger() *log.Logger { return log.New(io.Discard, "", 0) }
