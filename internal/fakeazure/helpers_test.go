package fakeazure_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"

	"github.com/kvdoctor/kvdoctor/internal/fakeazure"
)

// loadWorld reads testdata/worlds/NAME.json.
func loadWorld(t *testing.T, name string) *fakeazure.World {
	t.Helper()
	w, err := fakeazure.LoadWorld(filepath.Join("testdata", "worlds", name+".json"))
	if err != nil {
		t.Fatalf("load world %s: %v", name, err)
	}
	return w
}

// startWorld runs the emulator on a world file for one test.
func startWorld(t *testing.T, name string) (*fakeazure.Server, *fakeazure.World) {
	t.Helper()
	w := loadWorld(t, name)
	return fakeazure.Start(t, w, fakeazure.Options{}), w
}

// clientOptions routes an SDK client through the emulator, without retries
// so that failures surface at once.
func clientOptions(srv *fakeazure.Server, c cloud.Configuration) azcore.ClientOptions {
	return azcore.ClientOptions{
		Transport: srv.HTTPClient(),
		Cloud:     c,
		Retry:     policy.RetryOptions{MaxRetries: -1},
	}
}

func secretCredential(t *testing.T, srv *fakeazure.Server, c cloud.Configuration, tenant, clientID, secret string) *azidentity.ClientSecretCredential {
	t.Helper()
	cred, err := azidentity.NewClientSecretCredential(tenant, clientID, secret, &azidentity.ClientSecretCredentialOptions{ClientOptions: clientOptions(srv, c)})
	if err != nil {
		t.Fatalf("NewClientSecretCredential: %v", err)
	}
	return cred
}

func certCredential(t *testing.T, srv *fakeazure.Server, c cloud.Configuration, tenant, clientID, pemFile string) *azidentity.ClientCertificateCredential {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "certs", pemFile))
	if err != nil {
		t.Fatal(err)
	}
	certs, key, err := azidentity.ParseCertificates(data, nil)
	if err != nil {
		t.Fatalf("ParseCertificates: %v", err)
	}
	cred, err := azidentity.NewClientCertificateCredential(tenant, clientID, certs, key, &azidentity.ClientCertificateCredentialOptions{ClientOptions: clientOptions(srv, c)})
	if err != nil {
		t.Fatalf("NewClientCertificateCredential: %v", err)
	}
	return cred
}

func secretClient(t *testing.T, srv *fakeazure.Server, c cloud.Configuration, vaultURL string, cred azcore.TokenCredential) *azsecrets.Client {
	t.Helper()
	client, err := azsecrets.NewClient(vaultURL, cred, &azsecrets.ClientOptions{ClientOptions: clientOptions(srv, c)})
	if err != nil {
		t.Fatalf("azsecrets.NewClient: %v", err)
	}
	return client
}

func testContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// aadstsCodes classifies an azidentity failure by the error_codes of
// Entra's body.
func aadstsCodes(t *testing.T, err error) []int {
	t.Helper()
	var afe *azidentity.AuthenticationFailedError
	if !errors.As(err, &afe) || afe.RawResponse == nil {
		t.Fatalf("want *azidentity.AuthenticationFailedError with a response, got %T: %v", err, err)
	}
	body, rerr := runtime.Payload(afe.RawResponse)
	if rerr != nil {
		t.Fatalf("read Entra body: %v", rerr)
	}
	var e struct {
		ErrorCodes []int `json:"error_codes"`
	}
	if jerr := json.Unmarshal(body, &e); jerr != nil {
		t.Fatalf("Entra body is not JSON: %v: %s", jerr, body)
	}
	return e.ErrorCodes
}

// kvFailure is a Key Vault failure as kvdoctor classifies it.
type kvFailure struct {
	Status    int
	ErrorCode string
	Inner     string
	Message   string
}

// keyVaultFailure classifies an azsecrets failure: status and ErrorCode
// from *azcore.ResponseError, inner code and message from the raw body.
func keyVaultFailure(t *testing.T, err error) kvFailure {
	t.Helper()
	var re *azcore.ResponseError
	if !errors.As(err, &re) {
		t.Fatalf("want *azcore.ResponseError, got %T: %v", err, err)
	}
	body, rerr := runtime.Payload(re.RawResponse)
	if rerr != nil {
		t.Fatalf("read Key Vault body: %v", rerr)
	}
	var e struct {
		Error struct {
			Message    string `json:"message"`
			InnerError struct {
				Code string `json:"code"`
			} `json:"innererror"`
		} `json:"error"`
	}
	if jerr := json.Unmarshal(body, &e); jerr != nil {
		t.Fatalf("Key Vault body is not JSON: %v: %s", jerr, body)
	}
	return kvFailure{Status: re.StatusCode, ErrorCode: re.ErrorCode, Inner: e.Error.InnerError.Code, Message: e.Error.Message}
}
