package checks

import (
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/kvdoctor/kvdoctor/internal/azcloud"
)

// state is what the checks of one run learn and hand on to later checks.
// Secrets and the token live here, never in a Result.
type state struct {
	cfg       Config
	now       func() time.Time
	vaultURL  *url.URL
	vaultName string

	// vaultCloud is the vault's cloud; ok false when its host is no Key Vault host.
	vaultCloud   azcloud.Cloud
	vaultCloudOK bool

	cred       envCredential
	credUsable bool

	// authority is the authority host URL the app would use (cleaned);
	// authorityCloud its cloud when known.
	authority        string
	authorityCloud   azcloud.Cloud
	authorityCloudOK bool
	// tokenAuthority is the authority the token check uses: the app's, or
	// the corrected one when a fix is being verified.
	tokenAuthority string
	// tokenScope is the scope the token check asks for: the app's.
	tokenScope string
	// fixes are the in-memory fixes the token check applies and verifies.
	fixes []fix

	transport *http.Transport
	proxy     *proxyRecorder

	token     *acquiredToken
	challenge *challenge

	// clientAddress is the address Key Vault saw the client come from.
	clientAddress string

	// appID and objectID are the caller as the token names it.
	appID, objectID string
	// tenantMismatchReported is set once vault-tenant-mismatch is reported.
	tenantMismatchReported bool

	// vaultBlocked is set when the vault check found the vault unusable.
	vaultBlocked bool
	// accessBlocked is set when the vault's tenant issued no token.
	accessBlocked bool
	// rbac is set when the vault answered as an RBAC vault.
	rbac bool

	mu      sync.Mutex
	results map[string]*Result
}

// acquiredToken is a token kvdoctor obtained. Its raw form is never stored
// in a Result.
type acquiredToken struct {
	raw       string
	expiresOn time.Time
	tenant    string
	authority string
}

// challenge is what a vault's 401 said about itself.
type challenge struct {
	authorization string
	tenant        string
	resource      string
}

// result returns the result of an earlier check, for a later check to
// amend (a verified fix).
func (s *state) result(id string) *Result {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.results[id]
}

// markVerified sets Verified on every finding with code in check id.
func (s *state) markVerified(id, code string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.results[id]
	if r == nil {
		return
	}
	for i := range r.Findings {
		if r.Findings[i].Code == code {
			r.Findings[i].Verified = true
		}
	}
}

// vaultCloudName is the az name of the vault's cloud, or "" when unknown.
func (s *state) vaultCloudName() string {
	if !s.vaultCloudOK {
		return ""
	}
	return s.vaultCloud.Name
}

// expectedAuthority is the authority host of the vault's cloud.
func (s *state) expectedAuthority() string {
	if !s.vaultCloudOK {
		return ""
	}
	return s.vaultCloud.Authority()
}

// scope is the token scope the checks ask for: --scope, else the vault's.
func (s *state) scope() string {
	if s.cfg.Scope != "" {
		return s.cfg.Scope
	}
	return s.vaultCloud.Scope()
}

// fix is a finding whose fix kvdoctor applies in memory: check is where the
// finding was reported, code its slug.
type fix struct {
	check string
	code  string
}

// assumptions are the slugs of the fixes applied, for Result.Assumptions.
func (s *state) assumptions() []string {
	var a []string
	for _, f := range s.fixes {
		a = append(a, f.code)
	}
	return a
}
