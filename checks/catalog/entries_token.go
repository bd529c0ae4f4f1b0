package catalog

var tokenEntries = []Entry{
	{
		Slug: TenantNotFound, Severity: Error, Check: CheckToken,
		Params: []string{ParamTenantID, ParamAuthorityHost, ParamCloud, ParamCode},
		Title: Text{
			EN: "The tenant is not known in the vault's cloud",
			ZH: "在保管库所在的云中找不到该租户",
		},
		Meaning: Text{
			EN: "[[{authorityHost}, the authority of {cloud}, does not know the tenant {tenantId}||The authority {authorityHost} does not know the tenant {tenantId}||The authority of {cloud} does not know the tenant {tenantId}||The authority does not know the tenant {tenantId}||The authority does not know the configured tenant]] (AADSTS90002). The authority is the right one for the vault, so the tenant id itself is wrong: a typo, the id of a tenant in another cloud, or a deleted tenant.",
			ZH: "[[{cloud} 的颁发机构 {authorityHost} 找不到租户 {tenantId}||颁发机构 {authorityHost} 找不到租户 {tenantId}||{cloud} 的颁发机构找不到租户 {tenantId}||颁发机构找不到租户 {tenantId}||颁发机构找不到所配置的租户]]（AADSTS90002）。颁发机构与保管库所在的云一致，因此问题在于租户 ID 本身：可能有拼写错误、属于其他云中的租户，或者该租户已被删除。",
		},
		Fix: Text{
			EN: "In the Azure portal[[ of {cloud}]] (Azure China: https://portal.azure.cn), open Microsoft Entra ID → Overview, copy the Tenant ID and set AZURE_TENANT_ID to it. The vault's own tenant is shown under Key vaults → your vault → Properties → Directory ID.",
			ZH: "请在[[ {cloud} 的]] Azure 门户（Azure 中国区：https://portal.azure.cn）中打开 Microsoft Entra ID 的“概述”页，复制“租户 ID”，并将 AZURE_TENANT_ID 设置为该值。保管库自身的租户显示在保管库的“属性”>“目录 ID”中。",
		},
		Commands: []string{
			azCloudSet,
			"az account show --query tenantId -o tsv",
			"export AZURE_TENANT_ID=<tenant-id>",
		},
	},
	{
		Slug: AppNotInTenant, Severity: Error, Check: CheckToken,
		Params: []string{ParamClientID, ParamTenantID, ParamCloud},
		Title: Text{
			EN: "The application is not registered in this tenant",
			ZH: "此租户中没有该应用程序",
		},
		Meaning: Text{
			EN: "Microsoft Entra ID found no application [[with the client ID {clientId} ]]in the tenant[[ {tenantId}]] (AADSTS700016). The tenant may be the wrong one, the id may be another id of the app (its object ID, say), or the app was registered in another cloud: an app registered at portal.azure.com does not exist in Azure China, nor the reverse.",
			ZH: "Microsoft Entra ID 在[[租户 {tenantId} ||该租户]]中找不到[[客户端 ID 为 {clientId} 的||该]]应用程序（AADSTS700016）。可能是租户不对，可能使用了应用的其他 ID（例如对象 ID），也可能应用注册在另一个云中：在 portal.azure.com 中注册的应用在 Azure 中国区并不存在，反之亦然。",
		},
		Fix: Text{
			EN: "In the Azure portal[[ of {cloud}]], open App registrations → All applications, find the app, and copy Application (client) ID and Directory (tenant) ID from its Overview into AZURE_CLIENT_ID and AZURE_TENANT_ID. If it is not there, register it in this tenant (App registrations → New registration) and give it access to the vault.",
			ZH: "请在[[ {cloud} 的]] Azure 门户中打开“应用注册”>“所有应用程序”，找到该应用，从其“概述”页复制“应用程序(客户端) ID”和“目录(租户) ID”，分别填入 AZURE_CLIENT_ID 和 AZURE_TENANT_ID。若找不到该应用，请在此租户中注册应用（“应用注册”>“新建注册”），并授予它访问保管库的权限。",
		},
		Commands: []string{
			azCloudSet,
			"az ad sp show --id {clientId} --query appOwnerOrganizationId -o tsv",
			"az account show --query tenantId -o tsv",
		},
	},
	{
		Slug: InvalidClientSecret, Severity: Error, Check: CheckToken,
		Params: []string{ParamClientID, ParamTenantID, ParamCloud},
		Title: Text{
			EN: "The client secret is wrong",
			ZH: "客户端密码不正确",
		},
		Meaning: Text{
			EN: "Microsoft Entra ID rejected the client secret sent for the application[[ {clientId}]] (AADSTS7000215): it matches none of the app's current secrets. Most often the Secret ID was copied instead of the Value, the value was cut short, or it belongs to another app or to a deleted secret.",
			ZH: "Microsoft Entra ID 拒绝了为应用程序[[ {clientId} ]]发送的客户端密码（AADSTS7000215）：它与该应用当前的任何客户端密码都不匹配。最常见的原因是复制了“机密 ID”而不是“值”、值被截断，或者它属于其他应用或已删除的客户端密码。",
		},
		Fix: Text{
			EN: "In App registrations → the app[[ {clientId}]] → Certificates & secrets → Client secrets, choose New client secret and copy its Value at once (the portal shows it only once; the Secret ID column is not the secret). Set AZURE_CLIENT_SECRET to it.",
			ZH: "请在“应用注册”中打开应用[[ {clientId}]]，选择“证书和密码”>“客户端密码”>“新建客户端密码”，并立即复制其“值”（门户只显示一次；“机密 ID”列不是密码）。然后将 AZURE_CLIENT_SECRET 设置为该值。",
		},
		Commands: []string{
			azCloudSet,
			"az ad app credential list --id {clientId} -o table",
			"az ad app credential reset --id {clientId} --append",
			exportSecret,
		},
	},
	{
		Slug: ClientSecretExpired, Severity: Error, Check: CheckToken,
		Params: []string{ParamClientID, ParamCloud},
		Title: Text{
			EN: "The client secret has expired",
			ZH: "客户端密码已过期",
		},
		Meaning: Text{
			EN: "The client secret of the application[[ {clientId}]] is past its expiry date (AADSTS7000222), and Microsoft Entra ID no longer accepts it. The app keeps failing until it has a new one.",
			ZH: "应用程序[[ {clientId} ]]的客户端密码已超过过期时间（AADSTS7000222），Microsoft Entra ID 不再接受它。在换用新的客户端密码之前，应用会一直失败。",
		},
		Fix: Text{
			EN: "In App registrations → the app[[ {clientId}]] → Certificates & secrets → Client secrets, choose New client secret, copy its Value into AZURE_CLIENT_SECRET, then delete the expired secret. Note the new expiry date, or move to a certificate or a managed identity.",
			ZH: "请在“应用注册”中打开应用[[ {clientId}]]，选择“证书和密码”>“客户端密码”>“新建客户端密码”，将其“值”填入 AZURE_CLIENT_SECRET，然后删除已过期的客户端密码。请记下新的过期时间，或改用证书或托管标识。",
		},
		Commands: []string{
			azCloudSet,
			"az ad app credential list --id {clientId} -o table",
			"az ad app credential reset --id {clientId} --append",
			exportSecret,
		},
	},
	{
		Slug: CertificateInvalid, Severity: Error, Check: CheckToken,
		Params: []string{ParamClientID, ParamCertificatePath, ParamCode, ParamCloud, ParamDetail},
		Title: Text{
			EN: "The certificate credential was not accepted",
			ZH: "证书凭据未被接受",
		},
		Meaning: Text{
			EN: "[[Microsoft Entra ID did not accept the certificate credential of the application {clientId} ({code}).||Microsoft Entra ID did not accept the certificate credential ({code}).||The certificate credential of the application {clientId} could not be used.||The certificate credential could not be used.]][[ Detail: {detail}.]] The certificate[[ in {certificatePath}]] must be one whose public part is uploaded to the app registration, it must not be expired, and the file must hold its private key too (PEM, or PKCS#12 with AZURE_CLIENT_CERTIFICATE_PASSWORD).",
			ZH: "[[Microsoft Entra ID 未接受应用程序 {clientId} 的证书凭据（{code}）。||Microsoft Entra ID 未接受证书凭据（{code}）。||无法使用应用程序 {clientId} 的证书凭据。||无法使用证书凭据。]][[详细信息：{detail}。]][[{certificatePath} 中的]]证书必须已将公钥部分上传到应用注册，且未过期；文件中还必须包含其私钥（PEM 格式，或带 AZURE_CLIENT_CERTIFICATE_PASSWORD 的 PKCS#12 格式）。",
		},
		Fix: Text{
			EN: "Compare the thumbprint of the certificate[[ in {certificatePath}]] with those listed in App registrations → the app[[ {clientId}]] → Certificates & secrets → Certificates. If it is missing or expired there, choose Upload certificate and upload its public part (a .cer, .pem or .crt file).",
			ZH: "请将[[ {certificatePath} 中]]证书的指纹与“应用注册”中应用[[ {clientId} ]]的“证书和密码”>“证书”所列的指纹进行比较。若证书不在列表中或已过期，请选择“上传证书”，上传其公钥部分（.cer、.pem 或 .crt 文件）。",
		},
		Commands: []string{
			azCloudSet,
			"az ad app credential list --id {clientId} --cert -o table",
			"openssl x509 -in {certificatePath} -noout -fingerprint -sha1 -enddate",
		},
	},
	{
		Slug: ClockSkew, Severity: Error, Check: CheckToken,
		Params: []string{ParamSkew, ParamCode, ParamHost},
		Title: Text{
			EN: "This machine's clock is off",
			ZH: "此计算机的时钟不准确",
		},
		Meaning: Text{
			EN: "[[This machine's clock differs from the time {host} reports by {skew}.||This machine's clock is {skew} off.||{host} found the time of this machine's token or assertion out of range.||A token or signed assertion was outside its valid time range.]][[ Azure answered {code}.]] Signed client assertions and tokens carry validity times: Microsoft Entra ID refuses an assertion outside its time range (AADSTS700024), and Key Vault refuses a token that is not yet or no longer valid.",
			ZH: "[[此计算机的时钟与 {host} 报告的时间相差 {skew}。||此计算机的时钟偏差为 {skew}。||{host} 认为此计算机的令牌或断言超出了有效时间范围。||令牌或签名断言超出了有效时间范围。]][[Azure 返回了 {code}。]]签名的客户端断言和令牌都带有有效时间：超出有效时间范围的断言会被 Microsoft Entra ID 拒绝（AADSTS700024），尚未生效或已过期的令牌会被 Key Vault 拒绝。",
		},
		Fix: Text{
			EN: "Synchronise the clock with a time server: on Linux turn on NTP; on Windows choose Settings → Time & language → Date & time → Sync now. In a container or a virtual machine, fix the host's clock. If the app caches tokens or federated token files itself, let the SDK refresh them instead.",
			ZH: "请将时钟与时间服务器同步：在 Linux 上启用 NTP；在 Windows 上选择“设置”>“时间和语言”>“日期和时间”>“立即同步”。在容器或虚拟机中，请修正宿主机的时钟。若应用自行缓存令牌或联合令牌文件，请改为由 SDK 刷新。",
		},
		Commands: []string{
			"timedatectl status",
			"sudo timedatectl set-ntp true",
		},
	},
	{
		Slug: ScopeInvalid, Severity: Error, Check: CheckToken,
		Params: []string{ParamScope, ParamResource, ParamExpectedScope},
		Title: Text{
			EN: "The token was requested for something that is not Key Vault",
			ZH: "请求令牌时使用的范围不是 Key Vault",
		},
		Meaning: Text{
			EN: "[[The app asked for a token for {scope}, and Microsoft Entra ID found no resource named {resource}||The app asked for a token for {scope}, and Microsoft Entra ID found no such resource||Microsoft Entra ID found no resource named {resource}||Microsoft Entra ID found no resource by the name the app asked a token for]] (AADSTS500011). That is not a Key Vault resource identifier: Key Vault needs [[{expectedScope}||the Key Vault scope of its cloud, such as https://vault.azure.cn/.default in Azure China]], not the vault's own URL, a privatelink host or a placeholder.",
			ZH: "[[应用请求了 {scope} 的令牌，但 Microsoft Entra ID 找不到名为 {resource} 的资源||应用请求了 {scope} 的令牌，但 Microsoft Entra ID 找不到该资源||Microsoft Entra ID 找不到名为 {resource} 的资源||Microsoft Entra ID 找不到应用所请求令牌的资源]]（AADSTS500011）。该值不是 Key Vault 的资源标识符：Key Vault 需要的是[[ {expectedScope}||其所在云的 Key Vault 范围（Azure 中国区为 https://vault.azure.cn/.default）]]，而不是保管库自己的 URL、privatelink 主机或占位符。",
		},
		Fix: Text{
			EN: "Request the scope [[{expectedScope}||of the vault's cloud]]; better, let the Key Vault client (SecretClient) take it from the vault's challenge, and set no scope in code or configuration.",
			ZH: "请改为请求[[范围 {expectedScope}||保管库所在云的范围]]；更好的做法是让 Key Vault 客户端（SecretClient）从保管库的质询中获取范围，不在代码或配置中指定范围。",
		},
	},
	{
		Slug: AuthorityUnreachable, Severity: Error, Check: CheckToken,
		Params: []string{ParamHost, ParamDetail, ParamProxy},
		Title: Text{
			EN: "The sign-in host did not answer as Microsoft Entra ID",
			ZH: "登录主机未以 Microsoft Entra ID 的方式响应",
		},
		Meaning: Text{
			EN: "No token could be requested: [[the request to {host} failed: {detail}.||the request to the sign-in host failed: {detail}.||the sign-in host {host} could not be reached.||the sign-in host could not be reached.]] The name may not resolve on this network, a firewall may drop the connection, or something else (a captive portal, a proxy's error page) answered in its place.[[ The request went through the proxy {proxy}.]]",
			ZH: "无法请求令牌：[[对 {host} 的请求失败：{detail}。||对登录主机的请求失败：{detail}。||无法访问登录主机 {host}。||无法访问登录主机。]]可能是此网络无法解析该名称、防火墙丢弃了连接，或者有其他内容（强制门户、代理服务器的错误页）代替它做出了响应。[[请求经过了代理服务器 {proxy}。]]",
		},
		Fix: Text{
			EN: "Make sure this machine can reach [[{host}||the sign-in host of the vault's cloud]] on port 443: check DNS, the firewall's outbound rules and, when a proxy is used, that it allows the host. The commands below show where it fails.",
			ZH: "若要解决此问题，请确保此计算机可以通过端口 443 访问[[ {host}||保管库所在云的登录主机]]：请检查 DNS、防火墙的出站规则；若使用代理服务器，请确认其允许该主机。下面的命令可显示失败的位置。",
		},
		Commands: []string{
			"nslookup {host}",
			"curl -sv -o /dev/null https://{host}/common/discovery/instance?api-version=1.1",
		},
	},
	{
		Slug: TokenFailed, Severity: Error, Check: CheckToken,
		Params: []string{ParamCode, ParamCodeMeaning, ParamCloud, ParamHost, ParamDetail},
		Title: Text{
			EN: "The request failed for a reason kvdoctor does not recognise",
			ZH: "请求失败，kvdoctor 无法识别其原因",
		},
		Meaning: Text{
			EN: "The request failed in a way kvdoctor has no specific finding for.[[ The request to {host} failed: {detail}.|| Detail: {detail}.]][[ Azure answered {code}: {codeMeaning}|| Azure answered {code}.]]",
			ZH: "请求失败，kvdoctor 没有针对这种情况的专门诊断。[[对 {host} 的请求失败：{detail}。||详细信息：{detail}。]][[Azure 返回了 {code}，该代码的含义（英文）：{codeMeaning}||Azure 返回了 {code}。]]",
		},
		Fix: Text{
			EN: "[[Look {code} up in the error code references of Microsoft Entra ID (https://learn.microsoft.com/entra/identity-platform/reference-error-codes) and Key Vault (https://learn.microsoft.com/azure/key-vault/general/rest-error-codes). ]]If it stays unclear, open a support request and give Azure support the Trace ID, Correlation ID, Timestamp and x-ms-request-id from this report's evidence.",
			ZH: "[[请在 Microsoft Entra ID 错误代码参考（https://docs.azure.cn/zh-cn/active-directory/develop/reference-aadsts-error-codes）和 Key Vault 错误代码参考（https://docs.azure.cn/zh-cn/key-vault/general/rest-error-codes）中查找 {code}。]]若仍无法确定原因，请创建支持请求，并向 Azure 支持人员提供本报告证据中的 Trace ID、Correlation ID、Timestamp 和 x-ms-request-id。",
		},
	},
}

var claimsEntries = []Entry{
	{
		Slug: VaultTenantMismatch, Severity: Error, Check: CheckVault,
		Params: []string{ParamTenantID, ParamVaultTenantID, ParamVault, ParamCloud, ParamFoundIssuer, ParamExpectedIssuer},
		Title: Text{
			EN: "The app signs in to another tenant than the vault's",
			ZH: "应用登录的租户与密钥保管库所属的租户不同",
		},
		Meaning: Text{
			EN: "[[The vault {vault} belongs to the tenant {vaultTenantId}, but the app signs in to the tenant {tenantId}.||The vault belongs to the tenant {vaultTenantId}, but the app signs in to the tenant {tenantId}.||The vault {vault} belongs to the tenant {vaultTenantId}, and the app signs in to another tenant.||The app signs in to the tenant {tenantId}, which is not the vault's.||The app signs in to another tenant than the vault's.]][[ The token's issuer is {foundIssuer}, where {expectedIssuer} was expected.]] Key Vault accepts only tokens issued by its own tenant, and refuses others with AKV10032 (Invalid issuer).",
			ZH: "[[密钥保管库 {vault} 属于租户 {vaultTenantId}，但应用登录的是租户 {tenantId}。||密钥保管库属于租户 {vaultTenantId}，但应用登录的是租户 {tenantId}。||密钥保管库 {vault} 属于租户 {vaultTenantId}，而应用登录的是另一个租户。||应用登录的租户 {tenantId} 不是密钥保管库所属的租户。||应用登录的租户不是密钥保管库所属的租户。]][[令牌的颁发者为 {foundIssuer}，而预期的颁发者为 {expectedIssuer}。]]Key Vault 只接受由其自身租户颁发的令牌，其他令牌会被拒绝并返回 AKV10032（颁发者无效）。",
		},
		Fix: Text{
			EN: "Set AZURE_TENANT_ID to [[{vaultTenantId}, the Directory ID shown under Key vaults → {vault} → Properties||{vaultTenantId}, the Directory ID shown under Key vaults → your vault → Properties||the vault's tenant, the Directory ID shown under Key vaults → your vault → Properties]]. The app must be registered in that tenant (or, for a multitenant app, consented to there) and be given access to the vault.",
			ZH: "请将 AZURE_TENANT_ID 设置为[[ {vaultTenantId}，即保管库 {vault} 的“属性”页上显示的“目录 ID”|| {vaultTenantId}，即保管库的“属性”页上显示的“目录 ID”||保管库所属的租户，即保管库的“属性”页上显示的“目录 ID”]]。应用必须在该租户中注册（多租户应用则须在该租户中获得同意），并获得访问保管库的权限。",
		},
		Commands: []string{
			azCloudSet,
			"az keyvault show -n {vault} --query properties.tenantId -o tsv",
			"export AZURE_TENANT_ID={vaultTenantId}",
		},
		Verified: Text{
			EN: "With AZURE_TENANT_ID={vaultTenantId} a token was issued.",
			ZH: "使用 AZURE_TENANT_ID={vaultTenantId} 时已成功颁发令牌。",
		},
	},
	{
		Slug: TokenAudienceWrong, Severity: Error, Check: CheckClaims,
		Params: []string{ParamExpectedAudience, ParamFoundAudience, ParamVault, ParamCloud},
		Title: Text{
			EN: "The token is for another resource than Key Vault",
			ZH: "令牌的受众不是 Key Vault",
		},
		Meaning: Text{
			EN: "[[The token for the vault {vault} has the audience {foundAudience}, but Key Vault accepts only tokens for {expectedAudience}||The token has the audience {foundAudience}, but Key Vault accepts only tokens for {expectedAudience}||The token has the audience {foundAudience}, which is not Key Vault||The token's audience is not Key Vault]] (AKV10022: Invalid audience). Typically a token for Azure Resource Manager was reused, such as one from az account get-access-token without --resource.",
			ZH: "[[用于保管库 {vault} 的令牌的受众是 {foundAudience}，但 Key Vault 只接受受众为 {expectedAudience} 的令牌||令牌的受众是 {foundAudience}，但 Key Vault 只接受受众为 {expectedAudience} 的令牌||令牌的受众是 {foundAudience}，而不是 Key Vault||令牌的受众不是 Key Vault]]（AKV10022：受众无效）。通常是复用了 Azure 资源管理器的令牌，例如不带 --resource 参数运行 az account get-access-token 得到的令牌。",
		},
		Fix: Text{
			EN: "Request the token for the scope [[{expectedAudience}/.default||of Key Vault in the vault's cloud (Azure China: https://vault.azure.cn/.default)]], or let the Key Vault client get its own token from a credential; do not pass it a token obtained for another resource.",
			ZH: "请为[[范围 {expectedAudience}/.default ||保管库所在云的 Key Vault 范围（Azure 中国区：https://vault.azure.cn/.default）]]请求令牌，或让 Key Vault 客户端通过凭据自行获取令牌；不要传入为其他资源获取的令牌。",
		},
		Commands: []string{
			azCloudSet,
			"az account get-access-token --resource {expectedAudience}",
		},
	},
}
