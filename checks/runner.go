package checks

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
	"github.com/kvdoctor/kvdoctor/internal/azcloud"
	"github.com/kvdoctor/kvdoctor/internal/secretmask"
)

// check is one step of the diagnosis.
type check struct {
	id  string
	run func(context.Context, *state) Result
}

// order is the story a support engineer follows, in the order reports show
// it. Run executes token and vault concurrently; everything else in turn.
var order = []check{
	{catalog.CheckEnv, checkEnv},
	{catalog.CheckCloud, checkCloud},
	{catalog.CheckToken, checkToken},
	{catalog.CheckClaims, checkClaims},
	{catalog.CheckVault, checkVault},
	{catalog.CheckAccess, checkAccess},
}

// Run diagnoses cfg's vault and returns the report: every check's result in
// order, the target, and the run's start, duration, proxy and client
// address. It never fails: what goes wrong is a finding, and a panicking
// check becomes a failed result so it cannot hide the others.
func Run(ctx context.Context, cfg Config) Report {
	s := newState(cfg)
	start := s.now()
	rep := Report{
		Target: Target{Vault: cfg.VaultURL.String(), Cloud: s.vaultCloudName(), Secret: cfg.Secret},
		Header: Header{Start: start.UTC().Truncate(time.Second), Proxy: proxyDisplay(proxyFor(s.transport, s.vaultURL))},
	}
	byID := map[string]check{}
	for _, c := range order {
		byID[c.id] = c
	}
	run := func(id string) { s.store(runOne(ctx, s, byID[id])) }

	run(catalog.CheckEnv)
	run(catalog.CheckCloud)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); run(catalog.CheckToken) }()
	go func() { defer wg.Done(); run(catalog.CheckVault) }()
	wg.Wait()
	s.reconcileTenant(ctx)
	run(catalog.CheckClaims)
	run(catalog.CheckAccess)

	for _, c := range order {
		rep.Results = append(rep.Results, *s.result(c.id))
	}
	rep.Header.DurationMs = s.now().Sub(start).Milliseconds()
	rep.Header.ClientAddress = s.clientAddress
	return rep.MapStrings(s.knownSecrets().Mask)
}

// knownSecrets are the secret values of the environment. The checks never
// put them in a result; masking them catches a secret the user pasted into
// another variable (AZURE_AUTHORITY_HOST, AZURE_USERNAME) or a flag, which
// the checks do repeat.
func (s *state) knownSecrets() secretmask.Known {
	return secretmask.Known{
		s.cred.secret.reveal(),
		s.cred.certPassword.reveal(),
		s.cred.password.reveal(),
		s.cfg.Getenv(varClientSecret),
	}
}

func newState(cfg Config) *state {
	s := &state{cfg: cfg, now: cfg.Now, results: map[string]*Result{}, proxy: &proxyRecorder{}}
	if s.now == nil {
		s.now = time.Now
	}
	if s.cfg.Getenv == nil {
		s.cfg.Getenv = func(string) string { return "" }
	}
	s.vaultURL = cfg.VaultURL
	s.vaultName = vaultName(cfg.VaultURL)
	s.vaultCloud, s.vaultCloudOK = azcloud.ByVaultHost(cfg.VaultURL.Host)
	s.transport = newTransport(cfg.Transport, s.proxy)
	return s
}

func (s *state) store(r Result) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.results[r.ID] = &r
	if r.ID == catalog.CheckVault && s.challenge == nil {
		s.vaultBlocked = true
	}
	for _, f := range r.Findings {
		if f.Code == catalog.VaultTenantMismatch {
			s.tenantMismatchReported = true
		}
	}
}

// runOne runs c, timing it and turning a panic into a failed result.
func runOne(ctx context.Context, s *state, c check) (r Result) {
	start := time.Now()
	defer func() {
		if p := recover(); p != nil {
			r = Result{ID: c.id, Status: Fail}
			r.Facts.Add("panic", fmt.Sprint(p))
			r.Facts.Add("stack", strings.TrimSpace(string(debug.Stack())))
		}
		r.Duration = time.Since(start)
	}()
	return c.run(ctx, s)
}

// reconcileTenant runs after token and vault: when the vault's challenge
// names another tenant than the token's, it asks for a token from the
// vault's tenant (the fix) and, when one is issued, marks the finding
// verified so claims and access run under that assumption. When none is
// issued, claims still decode the app's token, and access is blocked by the
// vault: the app's token could only meet AKV10032 there.
func (s *state) reconcileTenant(ctx context.Context) {
	if !s.tenantMismatchReported || s.challenge == nil || s.token == nil || s.cfg.NoVerify ||
		strings.EqualFold(s.challenge.tenant, s.token.tenant) {
		return
	}
	vault := s.result(catalog.CheckVault)
	rec := NewRecorder(s.now)
	tok, err := s.acquire(ctx, rec, s.challenge.tenant, s.token.authority, s.tokenScope)
	s.mu.Lock()
	vault.Requests = append(vault.Requests, rec.Requests()...)
	s.mu.Unlock()
	if err != nil {
		f := s.tokenFinding(err, rec, s.challenge.tenant)
		s.mu.Lock()
		vault.Add(f)
		s.mu.Unlock()
		s.accessBlocked = true
		return
	}
	s.token = tok
	s.fixes = append(s.fixes, fix{check: catalog.CheckVault, code: catalog.VaultTenantMismatch})
	s.markVerified(catalog.CheckVault, catalog.VaultTenantMismatch)
}
