package fakeazure_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kvdoctor/kvdoctor/internal/fakeazure"
)

func TestEveryTestdataWorldLoads(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join("testdata", "worlds", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no worlds: %v", err)
	}
	for _, f := range files {
		if _, err := fakeazure.LoadWorld(f); err != nil {
			t.Errorf("%v", err)
		}
	}
}

const minimalWorld = `{
  "clientIP": "203.0.113.7",
  "tenants": [{"id": "6f1c2a9e-3b4d-4c5e-8f70-1a2b3c4d5e01", "cloud": "AzureChinaCloud", "domain": "contoso.partner.onmschina.cn"}],
  "applications": [{"displayName": "app", "clientId": "0c8a6f3e-5d2b-4e1a-9c7f-2b3a4c5d6e01", "homeTenant": "6f1c2a9e-3b4d-4c5e-8f70-1a2b3c4d5e01",
    "servicePrincipals": [{"tenant": "6f1c2a9e-3b4d-4c5e-8f70-1a2b3c4d5e01", "objectId": "9e7d5c3b-1a2f-4e6d-8c0b-a1b2c3d4e501"}],
    "secrets": [{"keyId": "d2b7a1c0-6e5f-4a3b-9c8d-7e6f5a4b3c01", "value": "s", "endDateTime": "2030-01-01T00:00:00Z"}]}],
  "vaults": [{"name": "mykeyvalue01", "cloud": "AzureChinaCloud", "tenant": "6f1c2a9e-3b4d-4c5e-8f70-1a2b3c4d5e01", "location": "chinanorth3",
    "permissionModel": "accessPolicy", "accessPolicies": [{"objectId": "9e7d5c3b-1a2f-4e6d-8c0b-a1b2c3d4e501", "secrets": ["get"]}],
    "secrets": [{"name": "mysecret", "value": "v", "enabled": true}]}]
}`

func TestWorldValidation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		old, new    string
		wantField   string
		wantProblem string
	}{
		{name: "valid", wantField: ""},
		{name: "unknown field", old: `"location"`, new: `"region": "x", "location"`, wantField: "vaults[0].region", wantProblem: "unknown field"},
		{name: "unknown nested field", old: `"enabled": true`, new: `"enabled": true, "tags": {}`, wantField: "vaults[0].secrets[0].tags", wantProblem: "unknown field"},
		{name: "wrong type", old: `"enabled": true`, new: `"enabled": "yes"`, wantField: "vaults[0].secrets[0].enabled", wantProblem: "true or false"},
		{name: "bad time", old: `"2030-01-01T00:00:00Z"`, new: `"2030-01-01"`, wantField: "applications[0].secrets[0].endDateTime", wantProblem: "RFC 3339"},
		{name: "bad cloud", old: `"cloud": "AzureChinaCloud", "domain"`, new: `"cloud": "china", "domain"`, wantField: "tenants[0].cloud", wantProblem: "AzureChinaCloud"},
		{name: "bad permission model", old: `"accessPolicy"`, new: `"policies"`, wantField: "vaults[0].permissionModel", wantProblem: "rbac"},
		{name: "tenant not a guid", old: `"homeTenant": "6f1c2a9e-3b4d-4c5e-8f70-1a2b3c4d5e01"`, new: `"homeTenant": "contoso"`, wantField: "applications[0].homeTenant", wantProblem: "no tenant"},
		{name: "client ip", old: `"203.0.113.7"`, new: `"somewhere"`, wantField: "clientIP", wantProblem: "IP address"},
		{name: "vault name", old: `"mykeyvalue01"`, new: `"my_vault"`, wantField: "vaults[0].name", wantProblem: "3-24"},
		{name: "secret permission", old: `"secrets": ["get"]`, new: `"secrets": ["read"]`, wantField: "vaults[0].accessPolicies[0].secrets[0]", wantProblem: "get"},
		{name: "role", old: `"permissionModel": "accessPolicy",`, new: `"permissionModel": "rbac", "roleAssignments": [{"principalId": "9e7d5c3b-1a2f-4e6d-8c0b-a1b2c3d4e501", "role": "Owner", "scope": "/"}],`, wantField: "vaults[0].roleAssignments[0].role", wantProblem: "Key Vault Secrets User"},
		{name: "scope", old: `"permissionModel": "accessPolicy",`, new: `"permissionModel": "rbac", "roleAssignments": [{"principalId": "9e7d5c3b-1a2f-4e6d-8c0b-a1b2c3d4e501", "role": "Key Vault Reader", "scope": "/keys/k"}],`, wantField: "vaults[0].roleAssignments[0].scope", wantProblem: "/secrets/NAME"},
		{name: "ip rule", old: `"permissionModel"`, new: `"network": {"publicNetworkAccess": "Enabled", "defaultAction": "Deny", "ipRules": ["10.0.0.0/33"]}, "permissionModel"`, wantField: "vaults[0].network.ipRules[0]", wantProblem: "CIDR"},
		{name: "fault kind", old: `"vaults"`, new: `"faults": [{"host": "x.vault.azure.cn", "kind": "slow"}], "vaults"`, wantField: "faults[0].kind", wantProblem: "throttle"},
		{name: "latency without delay", old: `"vaults"`, new: `"faults": [{"host": "x.vault.azure.cn", "kind": "latency"}], "vaults"`, wantField: "faults[0].latencyMs", wantProblem: "more than 0"},
		{name: "enabled missing", old: `, "enabled": true`, new: ``, wantField: "vaults[0].secrets[0].enabled", wantProblem: "required"},
		{name: "certificate", old: `"secrets": [{"keyId"`, new: `"certificates": [{"keyId": "d2b7a1c0-6e5f-4a3b-9c8d-7e6f5a4b3c02", "certificatePem": "nope", "endDateTime": "2030-01-01T00:00:00Z"}], "secrets": [{"keyId"`, wantField: "applications[0].certificates[0].certificatePem", wantProblem: "PEM"},
		{name: "vault tenant in another cloud", old: `"vaults": [{"name": "mykeyvalue01", "cloud": "AzureChinaCloud"`, new: `"vaults": [{"name": "mykeyvalue01", "cloud": "AzureCloud"`, wantField: "vaults[0].tenant", wantProblem: "AzureChinaCloud"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			data := minimalWorld
			if tt.old != "" {
				if !strings.Contains(data, tt.old) {
					t.Fatalf("test edit %q matches nothing", tt.old)
				}
				data = strings.Replace(data, tt.old, tt.new, 1)
			}
			_, err := fakeazure.ParseWorld("w.json", []byte(data))
			if tt.wantField == "" {
				if err != nil {
					t.Fatalf("valid world rejected: %v", err)
				}
				return
			}
			var ve *fakeazure.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("want *ValidationError, got %v", err)
			}
			if ve.File != "w.json" || ve.Field != tt.wantField || !strings.Contains(ve.Problem, tt.wantProblem) {
				t.Errorf("got %q, want field %s with %q", ve.Error(), tt.wantField, tt.wantProblem)
			}
			if strings.Contains(ve.Error(), "\n") {
				t.Errorf("error is more than one line: %q", ve.Error())
			}
		})
	}
}

func TestLoadWorldMissingFile(t *testing.T) {
	t.Parallel()
	_, err := fakeazure.LoadWorld(filepath.Join(t.TempDir(), "none.json"))
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("want a not-exist error, got %v", err)
	}
}
