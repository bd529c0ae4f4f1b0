package checks

import (
	"context"
	"os"
	"strconv"
	"strings"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
	"github.com/kvdoctor/kvdoctor/internal/azcloud"
)

// checkEnv reads the credential the environment configures and finds what
// is missing or malformed. Values are shown in full only when they are ids;
// a secret only as "set, N characters".
func checkEnv(_ context.Context, s *state) Result {
	r := Result{ID: catalog.CheckEnv, Status: Pass}
	getenv := s.cfg.Getenv
	c := readEnvCredential(getenv)
	s.cred = c

	r.Facts.Add("credential", c.kind)
	for _, name := range []string{varTenantID, varClientID} {
		r.Facts.Add(name, displayID(getenv(name)))
	}
	r.Facts.Add(varClientSecret, presence(getenv(varClientSecret)))
	r.Facts.Add(varCertPath, getenv(varCertPath))
	r.Facts.Add(varCertPassword, presence(getenv(varCertPassword)))
	r.Facts.Add(varUsername, getenv(varUsername))
	r.Facts.Add(varPassword, presence(getenv(varPassword)))
	r.Facts.Add(varFederatedToken, getenv(varFederatedToken))
	r.Facts.Add(varAuthorityHost, getenv(varAuthorityHost))
	r.Facts.Add(varAllowedTenants, getenv(varAllowedTenants))

	usable := true
	if m := c.missing(); len(m) > 0 {
		r.Add(NewFinding(catalog.EnvMissing,
			catalog.ParamVariable, strings.Join(m, ", "),
			catalog.ParamCloud, s.vaultCloudName(),
			catalog.ParamExpectedAuthorityHost, s.expectedAuthority()))
		usable = false
	}

	malformed := func(name, problem string, fatal bool) {
		r.Add(NewFinding(catalog.EnvMalformed, catalog.ParamVariable, name, catalog.ParamProblem, problem))
		if fatal {
			usable = false
		}
	}
	for _, v := range []struct {
		name  string
		check func(string) string
	}{
		{varTenantID, tenantProblem},
		{varClientID, clientIDProblem},
		{varClientSecret, func(v string) string {
			if isPlaceholder(v) {
				return problemPlaceholder
			}
			return ""
		}},
	} {
		raw := getenv(v.name)
		if raw == "" {
			continue
		}
		clean, problem := cleanValue(raw)
		if problem != "" {
			malformed(v.name, problem, false)
		}
		if p := v.check(clean); p != "" {
			malformed(v.name, p, true)
		}
	}
	if c.kind == credClientSecret && isGUID(c.secret.reveal()) {
		r.Add(NewFinding(catalog.SecretLooksLikeID,
			catalog.ParamVariable, varClientSecret,
			catalog.ParamClientID, c.clientID,
			catalog.ParamCloud, s.vaultCloudName()))
	}
	for _, f := range []struct{ name, path string }{
		{varCertPath, ifKind(c, credCertificate, c.certPath)},
		{varFederatedToken, ifKind(c, credWorkload, c.tokenFile)},
	} {
		if f.path == "" {
			continue
		}
		if st, err := os.Stat(f.path); err != nil || st.IsDir() {
			malformed(f.name, problemFileMissing, true)
		}
	}

	s.authority = azcloud.Public.Authority()
	if raw := getenv(varAuthorityHost); raw != "" {
		fixed, problem := authorityProblem(raw)
		s.authority = fixed
		if c, ok := azcloud.ByAuthorityHost(fixed); ok && problem != "" && c.Name == s.vaultCloudName() {
			s.authority = c.Authority()
		}
		if problem != "" {
			if problem != problemUnknownHost {
				s.fixes = append(s.fixes, fix{check: catalog.CheckEnv, code: catalog.AuthorityInvalid})
			}
			r.Add(NewFinding(catalog.AuthorityInvalid,
				catalog.ParamAuthorityHost, raw,
				catalog.ParamExpectedAuthorityHost, s.expectedAuthority(),
				catalog.ParamProblem, problem))
		}
	}
	s.credUsable = usable
	return r
}

func ifKind(c envCredential, kind, v string) string {
	if c.kind == kind {
		return v
	}
	return ""
}

// displayID shows an id variable in full, quoted so stray quotes and
// whitespace show, when it looks like an id, a domain or a placeholder.
// Anything else may be a secret pasted into the wrong variable: it is shown
// only as set, with its length.
func displayID(raw string) string {
	if raw == "" {
		return ""
	}
	clean, _ := cleanValue(raw)
	if isGUID(clean) || domainPattern.MatchString(clean) || isPlaceholder(clean) {
		return strconv.Quote(raw)
	}
	return secretValue(raw).String() + ", not an id"
}

func presence(v string) string {
	if v == "" {
		return ""
	}
	return secretValue(v).String()
}
