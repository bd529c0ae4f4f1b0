package checks

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"

	"github.com/kvdoctor/kvdoctor/internal/azcloud"
)

// clientOptions are the azcore options of every client kvdoctor builds: its
// transport, no retries (a doctor reports the first answer, and a throttled
// vault must not stall it), and the evidence recorder on every attempt.
func clientOptions(t *http.Transport, rec *Recorder, authority string) azcore.ClientOptions {
	o := azcore.ClientOptions{
		Transport:        &http.Client{Transport: t},
		Retry:            policy.RetryOptions{MaxRetries: -1},
		PerRetryPolicies: []policy.Policy{rec},
	}
	if authority != "" {
		o.Cloud = cloud.Configuration{ActiveDirectoryAuthorityHost: authority}
	}
	return o
}

// newCredential builds the azidentity credential the environment describes,
// for tenant at authority. Instance discovery is skipped for the known
// clouds' hosts: it only validates a host kvdoctor already knows.
func newCredential(c envCredential, tenant, authority string, opts azcore.ClientOptions) (azcore.TokenCredential, error) {
	_, known := azcloud.ByAuthorityHost(authority)
	switch c.kind {
	case credClientSecret:
		return azidentity.NewClientSecretCredential(tenant, c.clientID, c.secret.reveal(), &azidentity.ClientSecretCredentialOptions{
			ClientOptions: opts, DisableInstanceDiscovery: known, AdditionallyAllowedTenants: c.allowed,
		})
	case credCertificate:
		data, err := os.ReadFile(c.certPath)
		if err != nil {
			return nil, fmt.Errorf("read certificate: %w", err)
		}
		certs, key, err := azidentity.ParseCertificates(data, []byte(c.certPassword.reveal()))
		if err != nil {
			return nil, fmt.Errorf("parse certificate: %w", err)
		}
		return azidentity.NewClientCertificateCredential(tenant, c.clientID, certs, key, &azidentity.ClientCertificateCredentialOptions{
			ClientOptions: opts, DisableInstanceDiscovery: known, AdditionallyAllowedTenants: c.allowed,
		})
	case credWorkload:
		read := func(context.Context) (string, error) {
			b, err := os.ReadFile(c.tokenFile)
			return strings.TrimSpace(string(b)), err
		}
		return azidentity.NewClientAssertionCredential(tenant, c.clientID, read, &azidentity.ClientAssertionCredentialOptions{
			ClientOptions: opts, DisableInstanceDiscovery: known, AdditionallyAllowedTenants: c.allowed,
		})
	case credUsernamePasword:
		//lint:ignore SA1019 kvdoctor diagnoses the apps that still use it, as EnvironmentCredential does.
		return azidentity.NewUsernamePasswordCredential(tenant, c.clientID, c.username, c.password.reveal(), &azidentity.UsernamePasswordCredentialOptions{
			ClientOptions: opts, DisableInstanceDiscovery: known, AdditionallyAllowedTenants: c.allowed,
		})
	}
	return nil, fmt.Errorf("no credential configured")
}

// acquire gets a token for scope from tenant at authority.
func (s *state) acquire(ctx context.Context, rec *Recorder, tenant, authority, scope string) (*acquiredToken, error) {
	cred, err := newCredential(s.cred, tenant, authority, clientOptions(s.transport, rec, authority))
	if err != nil {
		return nil, credentialError{err}
	}
	tok, err := cred.GetToken(ctx, policy.TokenRequestOptions{Scopes: []string{scope}, TenantID: tenant})
	if err != nil {
		return nil, err
	}
	return &acquiredToken{raw: tok.Token, expiresOn: tok.ExpiresOn, tenant: tenant, authority: authority}, nil
}

// staticCredential hands azsecrets the token kvdoctor already holds, so the
// access check sends no second token request.
type staticCredential struct{ tok *acquiredToken }

func (c staticCredential) GetToken(context.Context, policy.TokenRequestOptions) (azcore.AccessToken, error) {
	return azcore.AccessToken{Token: c.tok.raw, ExpiresOn: c.tok.expiresOn}, nil
}

func errorLine(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// credentialError is a credential kvdoctor could not even build from the
// environment (an unreadable certificate), as opposed to one Entra ID refused.
type credentialError struct{ err error }

func (e credentialError) Error() string { return e.err.Error() }
func (e credentialError) Unwrap() error { return e.err }
