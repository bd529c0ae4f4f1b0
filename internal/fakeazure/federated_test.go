package fakeazure_test

import (
	"context"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
)

// TestFederatedTokenWithNoRecord: a workload identity's federated token (an
// assertion with no certificate thumbprint, from another issuer) finds no
// federated identity record: AADSTS700211, as Entra ID answers.
func TestFederatedTokenWithNoRecord(t *testing.T) {
	t.Parallel()
	srv, _ := startWorld(t, "china-healthy")
	const federated = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL29pZGMuZXhhbXBsZS5jb20iLCJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6ZGVmYXVsdDphcHAifQ.c2ln"
	cred, err := azidentity.NewClientAssertionCredential(chinaTenant, chinaApp,
		func(context.Context) (string, error) { return federated, nil },
		&azidentity.ClientAssertionCredentialOptions{ClientOptions: clientOptions(srv, cloud.AzureChina)})
	if err != nil {
		t.Fatal(err)
	}
	_, err = cred.GetToken(testContext(t), policy.TokenRequestOptions{Scopes: []string{"https://vault.azure.cn/.default"}})
	if got := aadstsCodes(t, err); len(got) != 1 || got[0] != 700211 {
		t.Errorf("error_codes = %v, want [700211]", got)
	}
}
