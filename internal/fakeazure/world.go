// Package fakeazure emulates the parts of Azure that kvdoctor talks to: the
// Entra ID token service and the Key Vault data plane of three clouds. It
// listens as an HTTPS proxy on loopback, terminates TLS for the real Azure
// host names with leaf certificates from its own CA, and evaluates every
// request against a World (tenants, applications, vaults) in the order Azure
// does, so that unmodified Go and Python clients get what they get from Azure.
package fakeazure

import (
	"time"
)

// World is the emulated Azure: what exists, who may do what, and which
// failures the network adds. Its JSON form is a contract (docs/emulator.md).
type World struct {
	// ClientIP is the public address Key Vault sees the client come from.
	ClientIP string `json:"clientIP"`
	// Tenants are the Entra ID directories, each in one cloud.
	Tenants []Tenant `json:"tenants"`
	// Applications are the app registrations with their credentials.
	Applications []Application `json:"applications"`
	// Vaults are the key vaults.
	Vaults []Vault `json:"vaults"`
	// Faults are failures no configuration of Azure produces.
	Faults []Fault `json:"faults,omitempty"`
	// ClockSkewSeconds shifts the emulator's clock against the client's.
	ClockSkewSeconds int64 `json:"clockSkewSeconds,omitempty"`
}

// Tenant is an Entra ID directory.
type Tenant struct {
	// ID is the tenant id (a GUID).
	ID string `json:"id"`
	// Cloud is the cloud as the Azure CLI names it (AzureChinaCloud).
	Cloud string `json:"cloud"`
	// Domain is the tenant's initial domain, usable in place of the id.
	Domain string `json:"domain"`
}

// Application is an app registration and its service principals.
type Application struct {
	// DisplayName is the app's name.
	DisplayName string `json:"displayName"`
	// ClientID is the application (client) id.
	ClientID string `json:"clientId"`
	// HomeTenant is the tenant the app is registered in.
	HomeTenant string `json:"homeTenant"`
	// ServicePrincipals are the app's instances, one per tenant it exists in.
	ServicePrincipals []ServicePrincipal `json:"servicePrincipals"`
	// Secrets are the app's client secrets.
	Secrets []ClientSecret `json:"secrets"`
	// Certificates are the app's registered certificates.
	Certificates []ClientCertificate `json:"certificates,omitempty"`
}

// ServicePrincipal is an application's instance in one tenant.
type ServicePrincipal struct {
	// Tenant is the tenant id.
	Tenant string `json:"tenant"`
	// ObjectID is the service principal's object id (the token's oid).
	ObjectID string `json:"objectId"`
}

// ClientSecret is a password credential of an application.
type ClientSecret struct {
	// KeyID is the secret's id (the "Secret ID" of the portal).
	KeyID string `json:"keyId"`
	// Value is the secret itself.
	Value string `json:"value"`
	// EndDateTime is when the secret expires.
	EndDateTime time.Time `json:"endDateTime"`
}

// ClientCertificate is a key credential of an application.
type ClientCertificate struct {
	// KeyID is the credential's id.
	KeyID string `json:"keyId"`
	// CertificatePEM is the public certificate, PEM-encoded.
	CertificatePEM string `json:"certificatePem"`
	// EndDateTime is when the credential expires.
	EndDateTime time.Time `json:"endDateTime"`
}

// Vault is a key vault.
type Vault struct {
	// Name is the vault name, the first label of its host.
	Name string `json:"name"`
	// Cloud is the vault's cloud.
	Cloud string `json:"cloud"`
	// Tenant is the tenant the vault trusts.
	Tenant string `json:"tenant"`
	// Location is the vault's region, e.g. chinanorth3.
	Location string `json:"location"`
	// PermissionModel is accessPolicy or rbac.
	PermissionModel string `json:"permissionModel"`
	// AccessPolicies apply in the accessPolicy model.
	AccessPolicies []AccessPolicy `json:"accessPolicies,omitempty"`
	// RoleAssignments apply in the rbac model.
	RoleAssignments []RoleAssignment `json:"roleAssignments,omitempty"`
	// Network is the vault's firewall; nil means public and allow all.
	Network *Network `json:"network,omitempty"`
	// Secrets are the vault's secrets, one version each.
	Secrets []Secret `json:"secrets"`
}

// AccessPolicy grants secret permissions to one object id.
type AccessPolicy struct {
	// ObjectID is the principal's object id.
	ObjectID string `json:"objectId"`
	// Secrets are the secret permissions: get, list, set, delete, all, ….
	Secrets []string `json:"secrets"`
}

// RoleAssignment grants a Key Vault data-plane role to a principal.
type RoleAssignment struct {
	// PrincipalID is the principal's object id.
	PrincipalID string `json:"principalId"`
	// Role is the role name, e.g. Key Vault Secrets User.
	Role string `json:"role"`
	// Scope is / (the vault) or /secrets/NAME.
	Scope string `json:"scope"`
}

// Network is a vault's network rule set.
type Network struct {
	// PublicNetworkAccess is Enabled (the default when empty) or Disabled.
	PublicNetworkAccess string `json:"publicNetworkAccess,omitempty"`
	// DefaultAction is Allow (the default when empty) or Deny.
	DefaultAction string `json:"defaultAction,omitempty"`
	// IPRules are the addresses or CIDR ranges allowed when DefaultAction is Deny.
	IPRules []string `json:"ipRules,omitempty"`
}

// Secret is a Key Vault secret.
type Secret struct {
	// Name is the secret name.
	Name string `json:"name"`
	// Value is the secret value.
	Value string `json:"value"`
	// Enabled says whether the secret can be read.
	Enabled *bool `json:"enabled"`
	// NotBefore is the secret's nbf attribute, if any.
	NotBefore *time.Time `json:"notBefore,omitempty"`
	// Expires is the secret's exp attribute, if any.
	Expires *time.Time `json:"expires,omitempty"`
	// ContentType is the secret's content type, if any.
	ContentType string `json:"contentType,omitempty"`
}

// Fault is a failure injected for one host.
type Fault struct {
	// Host is the host name the fault applies to.
	Host string `json:"host"`
	// Kind is throttle, html, latency, blackhole or reset.
	Kind string `json:"kind"`
	// LatencyMs is the delay of a latency fault, in milliseconds.
	LatencyMs int `json:"latencyMs,omitempty"`
}

// Fault kinds.
const (
	FaultThrottle  = "throttle"
	FaultHTML      = "html"
	FaultLatency   = "latency"
	FaultBlackhole = "blackhole"
	FaultReset     = "reset"
)

// Permission models.
const (
	ModelAccessPolicy = "accessPolicy"
	ModelRBAC         = "rbac"
)
