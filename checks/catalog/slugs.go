package catalog

// Finding slugs: the contract with users, support, tests and docs. Every
// other file names a finding through these constants.
const (
	EnvMissing                 = "env-missing"
	EnvMalformed               = "env-malformed"
	SecretLooksLikeID          = "secret-looks-like-id"
	AuthorityInvalid           = "authority-invalid"
	CloudMismatch              = "cloud-mismatch"
	VaultURLInvalid            = "vault-url-invalid"
	TenantNotFound             = "tenant-not-found"
	AppNotInTenant             = "app-not-in-tenant"
	InvalidClientSecret        = "invalid-client-secret"
	ClientSecretExpired        = "client-secret-expired"
	CertificateInvalid         = "certificate-invalid"
	ClockSkew                  = "clock-skew"
	ScopeInvalid               = "scope-invalid"
	TokenFailed                = "token-failed"
	VaultTenantMismatch        = "vault-tenant-mismatch"
	TokenAudienceWrong         = "token-audience-wrong"
	VaultNotFound              = "vault-not-found"
	VaultUnreachable           = "vault-unreachable"
	ProxyProblem               = "proxy-problem"
	TLSUntrusted               = "tls-untrusted"
	NotKeyVault                = "not-key-vault"
	FirewallDenied             = "firewall-denied"
	PrivateLinkOnly            = "private-link-only"
	AccessPolicyMissingGet     = "access-policy-missing-get"
	RBACRoleMissing            = "rbac-role-missing"
	ListDenied                 = "list-denied"
	SecretNotFound             = "secret-not-found"
	SecretDisabled             = "secret-disabled"
	Throttled                  = "throttled"
	ManagedIdentityUnavailable = "managed-identity-unavailable"
	CLINotLoggedIn             = "cli-not-logged-in"
	CLIWrongCloud              = "cli-wrong-cloud"
	FederatedTokenInvalid      = "federated-token-invalid"
)

// AccessUnproven says a 404 on a random name proves nothing because RBAC may
// be scoped to single secrets: only --secret can prove access.
const AccessUnproven = "access-unproven"

// AuthorityUnreachable says the sign-in host could not be reached or did not
// answer as Entra ID (DNS, a dropped connection, a captive portal).
const AuthorityUnreachable = "authority-unreachable"
