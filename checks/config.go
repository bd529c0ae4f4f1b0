package checks

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/kvdoctor/kvdoctor/internal/azcloud"
)

// Config is what one diagnosis runs with: the target, the environment the
// app would see, and the network it would use.
type Config struct {
	// VaultURL is the vault as the user gave it, already parsed (https).
	VaultURL *url.URL
	// Secret is the secret whose get is checked ("" probes a random name).
	Secret string
	// Getenv reads the app's environment.
	Getenv func(string) string
	// Transport is the base HTTP transport; kvdoctor clones it and keeps its
	// proxy and TLS settings. Nil means azcore's defaults (HTTPS_PROXY and the
	// system roots).
	Transport *http.Transport
	// Scope is the token scope the app asks for (--scope); "" means the
	// vault cloud's Key Vault scope.
	Scope string
	// NoVerify turns off sending the credential to a corrected authority.
	NoVerify bool
	// Now is the local clock (nil means time.Now).
	Now func() time.Time
	// Rand supplies the random probe name (nil means crypto/rand).
	Rand func() string
}

// ParseVault turns --vault (a URL or a bare name) into a URL. A bare name is
// completed with the suffix of c, or of the public cloud when c is zero. The
// error is a usage error: one line saying what is wrong.
func ParseVault(s string, c azcloud.Cloud) (*url.URL, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, fmt.Errorf("--vault is empty")
	}
	if strings.HasPrefix(s, "-") {
		return nil, fmt.Errorf("--vault %q looks like a flag: give the vault URL or name right after --vault", s)
	}
	if !strings.Contains(s, "://") && !strings.ContainsAny(s, "/:") {
		if !validVaultName(s) {
			return nil, fmt.Errorf("--vault %q is not a vault name (3-24 letters, digits and hyphens) nor an https URL", s)
		}
		if c.Name == "" {
			c = azcloud.Public
		}
		s = c.VaultURL(strings.ToLower(s))
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("--vault %q is not a valid URL", s)
	}
	if u.Scheme != "https" {
		return nil, fmt.Errorf("--vault %q must use https (Key Vault serves only https)", s)
	}
	return &url.URL{Scheme: "https", Host: strings.ToLower(u.Host)}, nil
}

func validVaultName(s string) bool {
	if len(s) < 3 || len(s) > 24 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// vaultName is the first label of the vault host.
func vaultName(u *url.URL) string {
	h := u.Hostname()
	if i := strings.IndexByte(h, '.'); i >= 0 {
		return h[:i]
	}
	return h
}
