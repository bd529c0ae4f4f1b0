package checks

import (
	"context"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
	"github.com/kvdoctor/kvdoctor/internal/azcloud"
)

// checkCloud holds the vault's cloud, the authority's cloud and the scope
// against each other, before any request is made. A mismatch it can fix in
// memory (the vault cloud's authority) is handed to the token check to verify.
func checkCloud(_ context.Context, s *state) Result {
	r := Result{ID: catalog.CheckCloud, Status: Pass}
	host := s.vaultURL.Hostname()
	r.Facts.Add("vaultHost", host)
	if !s.vaultCloudOK {
		r.Add(NewFinding(catalog.VaultURLInvalid, catalog.ParamVaultURL, s.vaultURL.String(), catalog.ParamHost, host))
		return r
	}
	r.Facts.Add("vaultCloud", s.vaultCloud.Name)
	r.Facts.Add("authorityHost", s.authority)
	s.authorityCloud, s.authorityCloudOK = azcloud.ByAuthorityHost(s.authority)
	if s.authorityCloudOK {
		r.Facts.Add("authorityCloud", s.authorityCloud.Name)
	}
	r.Facts.Add("scope", s.scope())
	r.Facts.Add("expectedScope", s.vaultCloud.Scope())
	s.tokenAuthority = s.authority
	s.tokenScope = s.scope()

	scopeCloud, scopeIsVault := azcloud.ByVaultResource(s.scope())
	mismatch := s.authorityCloudOK && s.authorityCloud.Name != s.vaultCloud.Name
	scopeMismatch := scopeIsVault && scopeCloud.Name != s.vaultCloud.Name
	if mismatch || scopeMismatch {
		f := NewFinding(catalog.CloudMismatch,
			catalog.ParamCloud, s.vaultCloud.Name,
			catalog.ParamAuthorityCloud, s.authorityCloud.Name,
			catalog.ParamAuthorityHost, s.authority,
			catalog.ParamExpectedAuthorityHost, s.vaultCloud.Authority(),
			catalog.ParamScope, s.scope(),
			catalog.ParamExpectedScope, s.vaultCloud.Scope(),
			catalog.ParamVault, s.vaultName)
		r.Add(f)
		if mismatch {
			s.fixes = append(s.fixes, fix{check: catalog.CheckCloud, code: catalog.CloudMismatch})
			s.tokenAuthority = s.vaultCloud.Authority()
		}
	}
	return r
}
