package report

import (
	"time"

	"github.com/kvdoctor/kvdoctor/checks"
	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

// Identifiers of the fixture: made up, in the shapes Azure uses.
const (
	fxTenant        = "5b8e4c1d-2f3a-4e6b-9c7d-8a1f0e2d3c4b"
	fxVaultTenant   = "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b"
	fxClient        = "9d2c7b1e-6a4f-4b3e-8f2a-1c0d9e8b7a6f"
	fxObject        = "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7"
	fxVaultURL      = "https://mykeyvalue01.vault.azure.cn"
	fxVaultName     = "mykeyvalue01"
	fxClientAddress = "203.0.113.7"
	fxProxy         = "http://proxy.corp.contoso.com:3128"
)

// fixtureReport is the report every golden file renders: a Chinese vault
// reached by an app configured for the global authority. It has every
// status, a finding in every check, a verified fix, an assumption, a
// blocked check, a quote, facts and requests.
func fixtureReport() checks.Report {
	ms := func(f float64) time.Duration { return time.Duration(f * float64(time.Millisecond)) }
	return checks.Report{
		Header: checks.Header{
			Version:       "v0.1.0",
			Commit:        "3f2c1a9",
			OS:            "linux",
			Arch:          "amd64",
			GoVersion:     "go1.26.8",
			AzIdentity:    "v1.15.0",
			AzSecrets:     "v1.5.1",
			Start:         time.Date(2026, 11, 27, 15, 30, 0, 0, time.UTC),
			DurationMs:    764,
			Proxy:         fxProxy,
			ClientAddress: fxClientAddress,
		},
		Target: checks.Target{Vault: fxVaultURL, Cloud: "AzureChinaCloud"},
		Results: []checks.Result{
			{
				ID:       catalog.CheckEnv,
				Status:   checks.Warn,
				Duration: ms(1.4),
				Findings: []checks.Finding{{
					Code:     catalog.SecretLooksLikeID,
					Severity: catalog.Warning,
					Params:   map[string]string{catalog.ParamVariable: "AZURE_CLIENT_SECRET", catalog.ParamLength: "36", catalog.ParamClientID: fxClient, catalog.ParamCloud: "AzureChinaCloud"},
				}},
				Facts: checks.Facts{
					{Key: "credential", Value: "EnvironmentCredential (client secret)"},
					{Key: "AZURE_TENANT_ID", Value: fxTenant},
					{Key: "AZURE_CLIENT_ID", Value: fxClient},
					{Key: "AZURE_CLIENT_SECRET", Value: "set, 36 characters"},
					{Key: "AZURE_AUTHORITY_HOST", Value: "https://login.microsoftonline.com/"},
				},
			},
			{
				ID:       catalog.CheckCloud,
				Status:   checks.Fail,
				Duration: ms(0.2),
				Findings: []checks.Finding{{
					Code:     catalog.CloudMismatch,
					Severity: catalog.Error,
					Params: map[string]string{
						catalog.ParamVault:                 fxVaultName,
						catalog.ParamVaultURL:              fxVaultURL,
						catalog.ParamCloud:                 "AzureChinaCloud",
						catalog.ParamAuthorityCloud:        "AzureCloud",
						catalog.ParamAuthorityHost:         "https://login.microsoftonline.com/",
						catalog.ParamExpectedAuthorityHost: "https://login.chinacloudapi.cn/",
						catalog.ParamScope:                 "https://vault.azure.cn/.default",
						catalog.ParamExpectedScope:         "https://vault.azure.cn/.default",
						catalog.ParamTenantID:              fxTenant,
						catalog.ParamCode:                  "AADSTS90002",
					},
					Quote: "AADSTS90002: Tenant '" + fxTenant + "' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. " +
						"Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.\r\n" +
						"Trace ID: 0c7e2b1a-4d5f-4a3b-9e8d-7c6b5a4f3e2d\r\nCorrelation ID: 6f5e4d3c-2b1a-4f9e-8d7c-6b5a4f3e2d1c\r\nTimestamp: 2026-11-27 15:30:00Z",
					Verified: true,
				}},
				Facts: checks.Facts{
					{Key: "vault cloud", Value: "AzureChinaCloud (from vault.azure.cn)"},
					{Key: "authority cloud", Value: "AzureCloud (from AZURE_AUTHORITY_HOST)"},
					{Key: "scope", Value: "https://vault.azure.cn/.default"},
				},
			},
			{
				ID:          catalog.CheckToken,
				Status:      checks.Pass,
				Duration:    ms(549.7),
				Assumptions: []string{catalog.CloudMismatch},
				Findings: []checks.Finding{{
					Code:     catalog.ClockSkew,
					Severity: catalog.Info,
					Params:   map[string]string{catalog.ParamSkew: "41s", catalog.ParamHost: "login.chinacloudapi.cn"},
				}},
				Facts: checks.Facts{
					{Key: "credential", Value: "ClientSecretCredential"},
					{Key: "authority", Value: "https://login.chinacloudapi.cn/ (the fix for cloud-mismatch)"},
					{Key: "scope", Value: "https://vault.azure.cn/.default"},
				},
				Requests: []checks.Request{
					{
						Method: "POST", Host: "login.microsoftonline.com", Path: "/" + fxTenant + "/oauth2/v2.0/token",
						Status: 400, DurationMs: 231,
						RequestID:       "0c7e2b1a-4d5f-4a3b-9e8d-7c6b5a4f3e2d",
						ClientRequestID: "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
						AADSTS:          []int{90002},
						TraceID:         "0c7e2b1a-4d5f-4a3b-9e8d-7c6b5a4f3e2d",
						CorrelationID:   "6f5e4d3c-2b1a-4f9e-8d7c-6b5a4f3e2d1c",
						Timestamp:       "2026-11-27 15:30:00Z",
					},
					{
						Method: "POST", Host: "login.chinacloudapi.cn", Path: "/" + fxTenant + "/oauth2/v2.0/token",
						Status: 200, DurationMs: 318,
						RequestID:       "7d6c5b4a-3f2e-4d1c-9b0a-8f7e6d5c4b3a",
						ClientRequestID: "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e",
					},
				},
			},
			{
				ID:          catalog.CheckClaims,
				Status:      checks.Fail,
				Duration:    ms(0.9),
				Assumptions: []string{catalog.CloudMismatch},
				Findings: []checks.Finding{{
					Code:     catalog.VaultTenantMismatch,
					Severity: catalog.Error,
					Params: map[string]string{
						catalog.ParamVault:          fxVaultName,
						catalog.ParamCloud:          "AzureChinaCloud",
						catalog.ParamTenantID:       fxTenant,
						catalog.ParamVaultTenantID:  fxVaultTenant,
						catalog.ParamFoundIssuer:    "https://sts.chinacloudapi.cn/" + fxTenant + "/",
						catalog.ParamExpectedIssuer: "https://sts.chinacloudapi.cn/" + fxVaultTenant + "/",
						catalog.ParamClientID:       fxClient,
					},
				}},
				Facts: checks.Facts{
					{Key: "signature", Value: "not verified (decoded only)"},
					{Key: "tid", Value: fxTenant},
					{Key: "appid", Value: fxClient},
					{Key: "oid", Value: fxObject},
					{Key: "aud", Value: "https://vault.azure.cn"},
					{Key: "iss", Value: "https://sts.chinacloudapi.cn/" + fxTenant + "/"},
					{Key: "idtyp", Value: "app"},
					{Key: "exp", Value: "2026-11-27T16:35:12Z"},
				},
			},
			{
				ID:       catalog.CheckVault,
				Status:   checks.Warn,
				Duration: ms(212.3),
				Findings: []checks.Finding{{
					Code:     catalog.Throttled,
					Severity: catalog.Warning,
					Params:   map[string]string{catalog.ParamVault: fxVaultName, catalog.ParamHost: "mykeyvalue01.vault.azure.cn"},
					Quote:    `{"error":{"code":"Throttled","message":"Request was not processed because too many requests were received. Reason: VaultRequestTypeBasedThrottling"}}`,
				}},
				Facts: checks.Facts{
					{Key: "proxy", Value: fxProxy + " (HTTPS_PROXY)"},
					{Key: "tls", Value: "TLS 1.3, certificate for *.vault.azure.cn, trusted"},
					{Key: "challenge authorization", Value: "https://login.chinacloudapi.cn/" + fxVaultTenant},
					{Key: "challenge resource", Value: "https://vault.azure.cn"},
					{Key: "x-ms-keyvault-network-info", Value: "conn_type=Ipv4;addr=" + fxClientAddress + ";act_addr_fam=InterNetwork;"},
				},
				Requests: []checks.Request{
					{
						Method: "GET", Host: "mykeyvalue01.vault.azure.cn", Path: "/secrets/kvdoctor-probe-7f3a",
						Status: 429, DurationMs: 96,
						RequestID:       "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f",
						ClientRequestID: "d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f7a",
					},
					{
						Method: "GET", Host: "mykeyvalue01.vault.azure.cn", Path: "/secrets/kvdoctor-probe-7f3a",
						Status: 401, DurationMs: 104,
						RequestID:       "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b",
						ClientRequestID: "f6a7b8c9-d0e1-4f2a-9b3c-4d5e6f7a8b9c",
					},
				},
			},
			{
				ID:        catalog.CheckAccess,
				Status:    checks.Skip,
				BlockedBy: catalog.CheckClaims,
				Findings: []checks.Finding{{
					Code:     catalog.AccessUnproven,
					Severity: catalog.Info,
					Params:   map[string]string{catalog.ParamVault: fxVaultName},
				}},
			},
		},
	}
}
