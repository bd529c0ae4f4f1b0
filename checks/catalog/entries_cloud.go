package catalog

var cloudEntries = []Entry{
	{
		Slug: AuthorityInvalid, Severity: Error, Check: CheckCloud,
		Params: []string{ParamAuthorityHost, ParamExpectedAuthorityHost, ParamProblem},
		Title: Text{
			EN: "AZURE_AUTHORITY_HOST is not a valid authority host",
			ZH: "AZURE_AUTHORITY_HOST 不是有效的颁发机构主机",
		},
		Meaning: Text{
			EN: "[[AZURE_AUTHORITY_HOST is {authorityHost}, which cannot be used: {problem}.||AZURE_AUTHORITY_HOST cannot be used: {problem}.||AZURE_AUTHORITY_HOST is {authorityHost}, which cannot be used.||AZURE_AUTHORITY_HOST has a value that cannot be used.]] The authority host is where the app signs in; it must be https:// followed by the sign-in host of the vault's cloud, with nothing after it.",
			ZH: "[[AZURE_AUTHORITY_HOST 的值为 {authorityHost}，该值无法使用：{problem}。||AZURE_AUTHORITY_HOST 的值无法使用：{problem}。||AZURE_AUTHORITY_HOST 的值为 {authorityHost}，该值无法使用。||AZURE_AUTHORITY_HOST 的值无法使用。]]颁发机构主机是应用登录的位置，其值必须是 https:// 加上保管库所在云的登录主机，后面不带任何内容。",
		},
		Fix: Text{
			EN: "Set AZURE_AUTHORITY_HOST to [[{expectedAuthorityHost}, exactly as written here,||the sign-in host of the vault's cloud (for Azure China https://login.chinacloudapi.cn)]] where the app runs.",
			ZH: "请在应用运行的环境中将 AZURE_AUTHORITY_HOST 设置为[[ {expectedAuthorityHost}，写法须与此处完全一致||保管库所在云的登录主机（Azure 中国区为 https://login.chinacloudapi.cn）]]。",
		},
		Commands: []string{"export AZURE_AUTHORITY_HOST={expectedAuthorityHost}"},
		Verified: Text{
			EN: "With AZURE_AUTHORITY_HOST={expectedAuthorityHost} a token was issued.",
			ZH: "使用 AZURE_AUTHORITY_HOST={expectedAuthorityHost} 时已成功颁发令牌。",
		},
	},
	{
		Slug: CloudMismatch, Severity: Error, Check: CheckCloud,
		Params: []string{
			ParamCloud, ParamAuthorityCloud, ParamAuthorityHost, ParamExpectedAuthorityHost,
			ParamScope, ParamExpectedScope, ParamVault, ParamFoundAudience, ParamCode,
			ParamFoundIssuer, ParamExpectedIssuer,
		},
		Title: Text{
			EN: "The app signs in to another Azure cloud than the vault's",
			ZH: "应用登录的 Azure 云与密钥保管库所在的云不一致",
		},
		Meaning: Text{
			EN: "Key Vault accepts only tokens from its own Azure cloud, and this app's token comes from, or was asked for, another one.[[ The vault {vault} is in {cloud}.|| The vault is in {cloud}.]][[ It needs a token from {expectedAuthorityHost} for {expectedScope}.|| It needs a token from {expectedAuthorityHost}.|| It needs a token for {expectedScope}.]][[ The app asked {authorityHost} ({authorityCloud}) for a token for {scope}.|| The app asked {authorityHost} for a token for {scope}.|| The app asked {authorityHost} ({authorityCloud}) for a token.|| The app asked {authorityHost} for a token.|| The app asked for a token for {scope}.]][[ The token's audience is {foundAudience}.]][[ The token's issuer is {foundIssuer}, where {expectedIssuer} was expected.]][[ Azure answered {code}.]] Tenants, app registrations and tokens never cross clouds: either the sign-in fails (AADSTS90002: tenant not found; AADSTS500011: resource not found) or the vault rejects the token (AKV10022: invalid audience). When AZURE_AUTHORITY_HOST is unset, the Azure SDKs sign in at the global authority, https://login.microsoftonline.com.",
			ZH: "Key Vault 只接受来自其自身 Azure 云的令牌，而此应用的令牌来自另一个云，或是为另一个云请求的。[[密钥保管库 {vault} 位于 {cloud}。||密钥保管库位于 {cloud}。]][[它需要由 {expectedAuthorityHost} 为 {expectedScope} 颁发的令牌。||它需要由 {expectedAuthorityHost} 颁发的令牌。||它需要为 {expectedScope} 颁发的令牌。]][[应用向 {authorityHost}（{authorityCloud}）请求了 {scope} 的令牌。||应用向 {authorityHost} 请求了 {scope} 的令牌。||应用向 {authorityHost}（{authorityCloud}）请求了令牌。||应用向 {authorityHost} 请求了令牌。||应用请求了 {scope} 的令牌。]][[令牌的受众为 {foundAudience}。]][[令牌的颁发者为 {foundIssuer}，而预期的颁发者为 {expectedIssuer}。]][[Azure 返回了 {code}。]]租户、应用注册和令牌都不能跨云使用：要么登录失败（AADSTS90002：找不到租户；AADSTS500011：找不到资源），要么保管库拒绝该令牌（AKV10022：受众无效）。未设置 AZURE_AUTHORITY_HOST 时，Azure SDK 会登录到全球颁发机构 https://login.microsoftonline.com。",
		},
		Fix: Text{
			EN: "Set AZURE_AUTHORITY_HOST to [[{expectedAuthorityHost}||the sign-in host of the vault's cloud (for Azure China https://login.chinacloudapi.cn)]] where the app runs (App Service: Settings → Environment variables; Kubernetes: the pod's env), or pass that authority host to the credential in code. Use the vault's own URL and let the Key Vault client take the scope from the vault's challenge[[; if the code names a scope, make it {expectedScope}]]. The app registration and its tenant must be in [[{cloud}||the vault's cloud]] too.",
			ZH: "请在应用运行的环境中将 AZURE_AUTHORITY_HOST 设置为[[ {expectedAuthorityHost}||保管库所在云的登录主机（Azure 中国区为 https://login.chinacloudapi.cn）]]（应用服务：“设置”>“环境变量”；Kubernetes：Pod 的 env），或在代码中将该颁发机构主机传给凭据。请使用保管库自己的 URL，让 Key Vault 客户端从保管库的质询中获取范围[[；若代码中指定了范围，请改为 {expectedScope}]]。应用注册及其租户也必须位于[[ {cloud}||保管库所在的云]]。",
		},
		Commands: []string{"export AZURE_AUTHORITY_HOST={expectedAuthorityHost}"},
		Verified: Text{
			EN: "With AZURE_AUTHORITY_HOST={expectedAuthorityHost} a token was issued.",
			ZH: "使用 AZURE_AUTHORITY_HOST={expectedAuthorityHost} 时已成功颁发令牌。",
		},
	},
	{
		Slug: VaultURLInvalid, Severity: Error, Check: CheckCloud,
		Params: []string{ParamVaultURL, ParamHost},
		Title: Text{
			EN: "The vault URL is not a Key Vault URL",
			ZH: "保管库 URL 不是 Key Vault URL",
		},
		Meaning: Text{
			EN: "[[The host {host} of {vaultUrl}||The host {host}||The vault URL {vaultUrl}||The vault URL's host]] ends in no Key Vault suffix of any Azure cloud (vault.azure.net, vault.azure.cn, vault.usgovcloudapi.net). A private endpoint's name (privatelink.vaultcore…), a custom DNS name or a portal link does not work: the Key Vault clients check that the vault's challenge matches the host they called, and tokens are issued only for a cloud's Key Vault resource.",
			ZH: "[[{vaultUrl} 的主机 {host} ||主机 {host} ||保管库 URL {vaultUrl} ||保管库 URL 的主机]]不以任何 Azure 云的 Key Vault 后缀（vault.azure.net、vault.azure.cn、vault.usgovcloudapi.net）结尾。专用终结点的名称（privatelink.vaultcore…）、自定义 DNS 名称或门户链接都不可用：Key Vault 客户端会检查保管库的质询是否与所调用的主机匹配，而令牌只会为某个云的 Key Vault 资源颁发。",
		},
		Fix: Text{
			EN: "Open Key vaults → your vault → Overview, copy the Vault URI (in Azure China it looks like https://mykeyvault.vault.azure.cn) and use it as it is. With a private endpoint keep that URL too: the private DNS zone maps it to the private address.",
			ZH: "请在“密钥保管库”中打开你的保管库，从“概述”页复制“保管库 URI”并原样使用（在 Azure 中国区形如 https://mykeyvault.vault.azure.cn）。使用专用终结点时也请保留该 URL：专用 DNS 区域会将其解析为专用地址。",
		},
	},
}
