package catalog

// Parameter names that findings carry and catalogue texts use as {name}.
// Values are facts (ids, hosts, codes), never secrets.
const (
	// ParamVault is the vault name, e.g. mykeyvalue01.
	ParamVault = "vault"
	// ParamVaultURL is the vault URL, e.g. https://mykeyvalue01.vault.azure.cn.
	ParamVaultURL = "vaultUrl"
	// ParamCloud is the vault's cloud, as az names it (AzureChinaCloud).
	ParamCloud = "cloud"
	// ParamAuthorityCloud is the cloud of the configured authority host.
	ParamAuthorityCloud = "authorityCloud"
	// ParamAuthorityHost is the configured authority host URL.
	ParamAuthorityHost = "authorityHost"
	// ParamExpectedAuthorityHost is the authority host of the vault's cloud.
	ParamExpectedAuthorityHost = "expectedAuthorityHost"
	// ParamScope is the token scope requested, e.g. https://vault.azure.cn/.default.
	ParamScope = "scope"
	// ParamExpectedScope is the scope the vault needs.
	ParamExpectedScope = "expectedScope"
	// ParamResource is a resource named by Azure, e.g. in AADSTS500011.
	ParamResource = "resource"
	// ParamTenantID is the configured tenant id.
	ParamTenantID = "tenantId"
	// ParamVaultTenantID is the vault's tenant id (from its challenge).
	ParamVaultTenantID = "vaultTenantId"
	// ParamTokenTenantID is the tid claim of the token.
	ParamTokenTenantID = "tokenTenantId"
	// ParamClientID is the application (client) id.
	ParamClientID = "clientId"
	// ParamObjectID is the service principal's object id.
	ParamObjectID = "objectId"
	// ParamSecret is the secret name checked (never its value).
	ParamSecret = "secret"
	// ParamVariable is an environment variable name.
	ParamVariable = "variable"
	// ParamProblem names what is wrong with a value (quoted, whitespace, not-guid, …).
	ParamProblem = "problem"
	// ParamCode is an error code: AADSTS7000215, AKV10032, ForbiddenByRbac.
	ParamCode = "code"
	// ParamCodeMeaning is the catalogue meaning of an AADSTS code (English, from aadsts.tsv).
	ParamCodeMeaning = "codeMeaning"
	// ParamExpectedAudience is the audience the vault expects.
	ParamExpectedAudience = "expectedAudience"
	// ParamFoundAudience is the audience found in the token.
	ParamFoundAudience = "foundAudience"
	// ParamExpectedIssuer is the issuer the vault expects.
	ParamExpectedIssuer = "expectedIssuer"
	// ParamFoundIssuer is the issuer found in the token.
	ParamFoundIssuer = "foundIssuer"
	// ParamClientAddress is the client address as Key Vault saw it.
	ParamClientAddress = "clientAddress"
	// ParamHost is a host name involved (vault, authority, proxy).
	ParamHost = "host"
	// ParamProxy is the proxy in use (scheme and host).
	ParamProxy = "proxy"
	// ParamSkew is a clock difference, e.g. 5m3s.
	ParamSkew = "skew"
	// ParamRole is an RBAC role name.
	ParamRole = "role"
	// ParamAction is an RBAC data action.
	ParamAction = "action"
	// ParamPermission is an access policy permission: get, list.
	ParamPermission = "permission"
	// ParamCertificatePath is AZURE_CLIENT_CERTIFICATE_PATH.
	ParamCertificatePath = "certificatePath"
	// ParamLength is a length in characters (of a secret: its only shown trait).
	ParamLength = "length"
	// ParamDetail is a short extra fact, language-independent (an error from Go's net stack).
	ParamDetail = "detail"
)

// ParamNames lists every parameter name, the only names a catalogue text
// may use as {name}.
var ParamNames = []string{
	ParamVault, ParamVaultURL, ParamCloud, ParamAuthorityCloud, ParamAuthorityHost,
	ParamExpectedAuthorityHost, ParamScope, ParamExpectedScope, ParamResource,
	ParamTenantID, ParamVaultTenantID, ParamTokenTenantID, ParamClientID, ParamObjectID,
	ParamSecret, ParamVariable, ParamProblem, ParamCode, ParamCodeMeaning,
	ParamExpectedAudience, ParamFoundAudience, ParamExpectedIssuer, ParamFoundIssuer,
	ParamClientAddress, ParamHost, ParamProxy, ParamSkew, ParamRole, ParamAction,
	ParamPermission, ParamCertificatePath, ParamLength, ParamDetail,
}
