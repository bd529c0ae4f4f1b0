package catalog

// assignSecretsUser grants the app the data-plane role that reads secrets,
// on the whole vault.
const assignSecretsUser = `az role assignment create --role "Key Vault Secrets User" --assignee {clientId} --scope $(az keyvault show -n {vault} --query id -o tsv)`

// setPolicyGetList adds get and list on secrets to the app's access policy.
const setPolicyGetList = "az keyvault set-policy -n {vault} --spn {clientId} --secret-permissions get list"

var accessEntries = []Entry{
	{
		Slug: FirewallDenied, Severity: Error, Check: CheckAccess,
		Params: []string{ParamVault, ParamClientAddress, ParamCloud, ParamClientID},
		Title: Text{
			EN: "The vault's firewall refuses this client's address",
			ZH: "保管库防火墙拒绝了此客户端地址",
		},
		Meaning: Text{
			EN: "The vault[[ {vault}]] allows public access only from selected networks, and [[the client address {clientAddress} is||this client's address is]] not one of them (ForbiddenByFirewall: Client address is not authorized and caller is not a trusted service). The address that counts is the one Key Vault sees, often a NAT gateway's or a proxy's rather than this machine's own.",
			ZH: "密钥保管库[[ {vault} ]]只允许来自所选网络的公共访问，而[[客户端地址 {clientAddress} ||此客户端的地址]]不在其中（ForbiddenByFirewall：Client address is not authorized and caller is not a trusted service）。起作用的是 Key Vault 看到的地址，通常是 NAT 网关或代理服务器的地址，而不是此计算机自身的地址。",
		},
		Fix: Text{
			EN: "In Key vaults → [[{vault}||your vault]] → Networking → Firewalls and virtual networks, add [[{clientAddress}||the client address from Key Vault's error message]] under Firewall and choose Apply. Or reach the vault through its private endpoint, from a network linked to it.",
			ZH: "请在保管库[[ {vault} ]]的“网络”>“防火墙和虚拟网络”中，在“防火墙”下添加[[ {clientAddress}|| Key Vault 错误消息中的客户端地址]]，然后选择“应用”。也可以从与专用终结点关联的网络，通过专用终结点访问保管库。",
		},
		Commands: []string{
			azCloudSet,
			"az keyvault network-rule add -n {vault} --ip-address {clientAddress}",
		},
	},
	{
		Slug: PrivateLinkOnly, Severity: Error, Check: CheckAccess,
		Params: []string{ParamVault, ParamCloud},
		Title: Text{
			EN: "The vault accepts only private endpoint connections",
			ZH: "保管库只接受通过专用终结点的连接",
		},
		Meaning: Text{
			EN: "Public network access to the vault[[ {vault}]] is disabled (ForbiddenByConnection), so Key Vault accepts only requests that arrive through an approved private endpoint. This request came over the public network: the app runs outside the virtual network linked to the private endpoint, or DNS gave the vault's public address instead of its private one.",
			ZH: "保管库[[ {vault} ]]已禁用公共网络访问（ForbiddenByConnection），因此 Key Vault 只接受通过已批准的专用终结点到达的请求。此请求来自公共网络：应用运行在与专用终结点关联的虚拟网络之外，或者 DNS 返回的是保管库的公共地址而不是专用地址。",
		},
		Fix: Text{
			EN: "Run the app in a network connected to the vault's private endpoint, with the private DNS zone privatelink.vaultcore.azure.net (Azure China: privatelink.vaultcore.azure.cn) linked, so that the vault's name resolves to a private address. If policy allows public access, turn it on under Networking → Firewalls and virtual networks for selected networks only.",
			ZH: "请在与保管库专用终结点连通的网络中运行应用，并关联专用 DNS 区域 privatelink.vaultcore.azure.net（Azure 中国区：privatelink.vaultcore.azure.cn），使保管库名称解析为专用地址。若策略允许公共访问，请在“网络”>“防火墙和虚拟网络”中仅为所选网络启用公共访问。",
		},
		Commands: []string{
			azCloudSet,
			"az keyvault show -n {vault} --query properties.publicNetworkAccess -o tsv",
			"az network private-endpoint-connection list --id $(az keyvault show -n {vault} --query id -o tsv) -o table",
		},
	},
	{
		Slug: AccessPolicyMissingGet, Severity: Error, Check: CheckAccess,
		Params: []string{ParamVault, ParamClientID, ParamObjectID, ParamCloud, ParamPermission},
		Title: Text{
			EN: "No access policy lets the app read secrets",
			ZH: "没有允许应用读取机密的访问策略",
		},
		Meaning: Text{
			EN: "The vault[[ {vault}]] uses the Vault access policy permission model, and no access policy gives [[the app {clientId} (object ID {objectId})||the app {clientId}||the principal with object ID {objectId}||the app]] the secret permission [[{permission}||it needs]] (AccessDenied). A policy made for the app registration's object ID instead of its service principal's does not count.",
			ZH: "密钥保管库[[ {vault} ]]使用“保管库访问策略”权限模型，但没有任何访问策略向[[应用 {clientId}（对象 ID {objectId}）||应用 {clientId} ||对象 ID 为 {objectId} 的主体||该应用]]授予[[机密权限 {permission}||所需的机密权限]]（AccessDenied）。为应用注册的对象 ID（而不是其服务主体的对象 ID）创建的访问策略不起作用。",
		},
		Fix: Text{
			EN: "In Key vaults → [[{vault}||your vault]] → Access policies, choose Create; under Secret permissions select Get and List; under Principal select the app[[ {clientId}]]; then choose Review + create.",
			ZH: "请在保管库[[ {vault} ]]中选择“访问策略”>“创建”，在“机密权限”下选择“获取”和“列表”，在“主体”下选择应用[[ {clientId}]]，然后选择“查看 + 创建”。",
		},
		Commands: []string{azCloudSet, setPolicyGetList},
	},
	{
		Slug: RBACRoleMissing, Severity: Error, Check: CheckAccess,
		Params: []string{ParamVault, ParamClientID, ParamObjectID, ParamCloud, ParamSecret, ParamAction},
		Title: Text{
			EN: "No Azure role lets the app read secrets",
			ZH: "没有允许应用读取机密的 Azure 角色",
		},
		Meaning: Text{
			EN: "The vault[[ {vault}]] uses Azure role-based access control, and [[the app {clientId} (object ID {objectId})||the app {clientId}||the principal with object ID {objectId}||the app]] holds no role that allows [[{action}||reading secrets]] (ForbiddenByRbac). Access policies are ignored in this mode, and Owner, Contributor and Key Vault Reader do not grant reading secret values. A new role assignment can take a few minutes to apply.",
			ZH: "密钥保管库[[ {vault} ]]使用 Azure 基于角色的访问控制 (Azure RBAC)，但[[应用 {clientId}（对象 ID {objectId}）||应用 {clientId} ||对象 ID 为 {objectId} 的主体||该应用]]没有允许[[ {action} 的||读取机密的]]角色（ForbiddenByRbac）。在此模式下访问策略会被忽略，而“所有者”、“参与者”和“Key Vault 读取者”角色都不授予读取机密值的权限。新的角色分配可能需要几分钟才能生效。",
		},
		Fix: Text{
			EN: "In Key vaults → [[{vault}||your vault]] → Access control (IAM), choose Add → Add role assignment, select the role Key Vault Secrets User, add the app[[ {clientId}]] under Members, then choose Review + assign.",
			ZH: "请在保管库[[ {vault} ]]中选择“访问控制(IAM)”>“添加”>“添加角色分配”，选择“Key Vault 机密用户”角色，在“成员”下添加应用[[ {clientId}]]，然后选择“查看 + 分配”。",
		},
		Commands: []string{azCloudSet, assignSecretsUser},
	},
	{
		Slug: ListDenied, Severity: Warning, Check: CheckAccess,
		Params: []string{ParamVault, ParamClientID, ParamCloud},
		Title: Text{
			EN: "The app may read secrets but not list them",
			ZH: "应用可以读取机密，但不能列出机密",
		},
		Meaning: Text{
			EN: "The app[[ {clientId}]] can get secrets from the vault[[ {vault}]] but not list them. That is fine for an app that reads secrets by name. Libraries that load every secret of a vault at start-up (the ASP.NET Core configuration provider, Spring Cloud Azure's property source) need list as well.",
			ZH: "应用[[ {clientId} ]]可以从保管库[[ {vault} ]]获取机密，但不能列出机密。对按名称读取机密的应用而言，这没有问题。在启动时加载保管库中所有机密的库（例如 ASP.NET Core 配置提供程序、Spring Cloud Azure 属性源）还需要列表权限。",
		},
		Fix: Text{
			EN: "Only if the app lists secrets: with access policies, add the List secret permission to the app's policy (Key vaults → [[{vault}||your vault]] → Access policies); with Azure RBAC, assign Key Vault Secrets User to the app on the whole vault rather than on single secrets (Access control (IAM) → Add role assignment). The first command below tells which model the vault uses.",
			ZH: "仅当应用需要列出机密时才需处理：若使用访问策略，请在应用的访问策略中添加“列表”机密权限（保管库[[ {vault} ]]的“访问策略”）；若使用 Azure RBAC，请在整个保管库范围（而不是单个机密）上向应用分配“Key Vault 机密用户”角色（“访问控制(IAM)”>“添加角色分配”）。下面的第一个命令可显示保管库使用哪种权限模型。",
		},
		Commands: []string{
			azCloudSet,
			"az keyvault show -n {vault} --query properties.enableRbacAuthorization -o tsv",
			"# false (access policies):",
			setPolicyGetList,
			"# true (Azure RBAC):",
			assignSecretsUser,
		},
	},
	{
		Slug: SecretNotFound, Severity: Error, Check: CheckAccess,
		Params: []string{ParamVault, ParamSecret, ParamCloud},
		Title: Text{
			EN: "The secret does not exist in this vault",
			ZH: "此保管库中不存在该机密",
		},
		Meaning: Text{
			EN: "[[The vault {vault} has no secret named {secret}||The vault has no secret named {secret}||The vault {vault} has no secret by that name||The vault has no secret by that name]] (SecretNotFound). The name may be misspelled, the secret may live in another vault, or it was deleted and is kept as a deleted secret that can be recovered.",
			ZH: "[[保管库 {vault} 中没有名为 {secret} 的机密||保管库中没有名为 {secret} 的机密||保管库 {vault} 中没有该名称的机密||保管库中没有该名称的机密]]（SecretNotFound）。可能是名称拼写错误、该机密位于其他保管库中，或者它已被删除，目前作为可恢复的已删除机密保留。",
		},
		Fix: Text{
			EN: "Look for the name under Key vaults → [[{vault}||your vault]] → Objects → Secrets, and under Manage deleted secrets: recover it there if it was deleted, or else use the name exactly as listed.",
			ZH: "请在保管库[[ {vault} ]]的“对象”>“机密”中查找该名称，并查看“管理已删除的机密”：若它已被删除，请在那里恢复；否则请使用与列表中完全一致的名称。",
		},
		Commands: []string{
			azCloudSet,
			`az keyvault secret list --vault-name {vault} --query "[].name" -o tsv`,
			`az keyvault secret list-deleted --vault-name {vault} --query "[].name" -o tsv`,
			"az keyvault secret recover --vault-name {vault} -n {secret}",
		},
	},
	{
		Slug: SecretDisabled, Severity: Error, Check: CheckAccess,
		Params: []string{ParamVault, ParamSecret, ParamCloud},
		Title: Text{
			EN: "The secret is disabled",
			ZH: "机密已禁用",
		},
		Meaning: Text{
			EN: "The secret[[ {secret}]] exists but is disabled, and Key Vault does not return a disabled secret (SecretDisabled: Operation get is not allowed on a disabled secret).",
			ZH: "机密[[ {secret} ]]存在，但处于禁用状态，而 Key Vault 不会返回已禁用的机密（SecretDisabled：Operation get is not allowed on a disabled secret）。",
		},
		Fix: Text{
			EN: "In Key vaults → [[{vault}||your vault]] → Objects → Secrets, open [[{secret}||the secret]] and its current version, set Enabled to Yes and choose Save. An expired secret can still be read; a disabled one cannot.",
			ZH: "请在保管库[[ {vault} ]]的“对象”>“机密”中打开[[ {secret} ||该机密]]的当前版本，将“已启用”设为“是”，然后选择“保存”。已过期的机密仍可读取，已禁用的机密则不能。",
		},
		Commands: []string{
			azCloudSet,
			"az keyvault secret set-attributes --vault-name {vault} -n {secret} --enabled true",
		},
	},
	{
		Slug: Throttled, Severity: Error, Check: CheckAccess,
		Params: []string{ParamVault, ParamHost},
		Title: Text{
			EN: "Key Vault is throttling requests",
			ZH: "Key Vault 正在限制请求",
		},
		Meaning: Text{
			EN: "Key Vault answered 429 Too Many Requests (Throttled): the vault[[ {vault}]] or its subscription went over Key Vault's transaction limits for a short period. Most often many app instances fetch secrets on every request instead of caching them.",
			ZH: "Key Vault 返回了“HTTP 429：请求过多”（Throttled），说明保管库[[ {vault} ]]或其订阅在短时间内超出了 Key Vault 的事务限制。最常见的原因是多个应用实例在处理每个请求时都读取机密，而不是缓存机密。",
		},
		Fix: Text{
			EN: "Cache secret values in memory and reuse one client and credential per vault; honour the Retry-After header with exponential back-off; spread heavy load across several vaults.",
			ZH: "请在内存中缓存机密值，并为每个保管库复用同一个客户端和凭据；遵循 Retry-After 标头并使用指数退避重试；将高负载分散到多个保管库。",
		},
	},
	{
		// A warning, not info: the check did not establish what the user ran
		// kvdoctor for, so it must not show as passed; nor is it an error,
		// since nothing was shown to be broken.
		Slug: AccessUnproven, Severity: Warning, Check: CheckAccess,
		Params: []string{ParamVault, ParamSecret},
		Title: Text{
			EN: "Access to the app's secret is not proven",
			ZH: "尚未证实应用能够访问其机密",
		},
		Meaning: Text{
			EN: "kvdoctor could not prove that the app can read the secret it needs. Without --secret it asks the vault[[ {vault}]] for a made-up secret name, and a \"not found\" answer proves that get is allowed on the whole vault. But Azure RBAC roles can be assigned on single secrets, so a denial for a made-up name does not show whether the app can read its own secret.",
			ZH: "kvdoctor 无法证实应用能够读取它所需的机密。未指定 --secret 时，kvdoctor 会向保管库[[ {vault} ]]请求一个虚构的机密名称，若返回“未找到”，即证明整个保管库都允许“获取”操作。但 Azure RBAC 角色可以分配到单个机密上，因此虚构名称被拒绝并不能说明应用能否读取自己的机密。",
		},
		Fix: Text{
			EN: "Run kvdoctor again with --secret and the name of the secret the app reads: only a get on that secret proves access. kvdoctor reports the secret's state, never its value.",
			ZH: "请使用 --secret 加上应用所读取机密的名称再次运行 kvdoctor：只有对该机密执行“获取”操作才能证实访问权限。kvdoctor 只报告机密的状态，从不显示其值。",
		},
		Commands: []string{"kvdoctor --vault {vault} --secret {secret}"},
	},
}
