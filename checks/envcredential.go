package checks

import (
	"strings"
)

// Environment variables of azidentity's EnvironmentCredential and
// WorkloadIdentityCredential.
const (
	varTenantID         = "AZURE_TENANT_ID"
	varClientID         = "AZURE_CLIENT_ID"
	varClientSecret     = "AZURE_CLIENT_SECRET"
	varCertPath         = "AZURE_CLIENT_CERTIFICATE_PATH"
	varCertPassword     = "AZURE_CLIENT_CERTIFICATE_PASSWORD"
	varUsername         = "AZURE_USERNAME"
	varPassword         = "AZURE_PASSWORD"
	varFederatedToken   = "AZURE_FEDERATED_TOKEN_FILE"
	varAuthorityHost    = "AZURE_AUTHORITY_HOST"
	varAllowedTenants   = "AZURE_ADDITIONALLY_ALLOWED_TENANTS"
	varKeyVaultURL      = "AZURE_KEYVAULT_URL"
	varKeyVaultName     = "KEY_VAULT_NAME"
	credClientSecret    = "client secret"
	credCertificate     = "client certificate"
	credUsernamePasword = "username and password"
	credWorkload        = "workload identity (federated token)"
)

// envCredential is the credential the environment configures, as
// EnvironmentCredential would read it, with values cleaned of stray quotes
// and whitespace.
type envCredential struct {
	kind         string
	tenantID     string
	clientID     string
	secret       secretValue
	certPath     string
	certPassword secretValue
	username     string
	password     secretValue
	tokenFile    string
	allowed      []string
}

// readEnvCredential reads the variables in EnvironmentCredential's order:
// tenant and client, then a secret, else a certificate, else a user; a
// federated token file stands for workload identity.
func readEnvCredential(getenv func(string) string) envCredential {
	get := func(name string) string { v, _ := cleanValue(getenv(name)); return v }
	c := envCredential{
		tenantID:  get(varTenantID),
		clientID:  get(varClientID),
		certPath:  get(varCertPath),
		username:  get(varUsername),
		tokenFile: get(varFederatedToken),
	}
	c.secret = secretValue(get(varClientSecret))
	c.certPassword = secretValue(getenv(varCertPassword))
	c.password = secretValue(getenv(varPassword))
	for _, t := range strings.Split(getenv(varAllowedTenants), ";") {
		if t = strings.TrimSpace(t); t != "" {
			c.allowed = append(c.allowed, t)
		}
	}
	switch {
	case c.secret != "":
		c.kind = credClientSecret
	case c.certPath != "":
		c.kind = credCertificate
	case c.username != "" && c.password != "":
		c.kind = credUsernamePasword
	case c.tokenFile != "":
		c.kind = credWorkload
	}
	return c
}

// missing lists the variables the credential still needs.
func (c envCredential) missing() []string {
	var m []string
	if c.tenantID == "" {
		m = append(m, varTenantID)
	}
	if c.clientID == "" {
		m = append(m, varClientID)
	}
	if c.kind == "" {
		m = append(m, varClientSecret)
	}
	return m
}
