package catalog

var envEntries = []Entry{
	{
		Slug: EnvMissing, Severity: Error, Check: CheckEnv,
		Params: []string{ParamVariable, ParamCloud, ParamExpectedAuthorityHost},
		Title: Text{
			EN: "The environment configures no credential for the app",
			ZH: "环境中未为应用配置凭据",
		},
		Meaning: Text{
			EN: "[[Not set in this environment: {variable}. ]]EnvironmentCredential, the first credential DefaultAzureCredential tries, needs AZURE_TENANT_ID, AZURE_CLIENT_ID and one of AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH or AZURE_FEDERATED_TOKEN_FILE. Without them the app has no credential of its own: DefaultAzureCredential falls through to a managed identity, which exists only on Azure hosts, and to developer sign-ins such as the Azure CLI, and fails when none of them works.",
			ZH: "[[此环境中未设置以下环境变量：{variable}。]]DefaultAzureCredential 首先尝试的 EnvironmentCredential 需要 AZURE_TENANT_ID、AZURE_CLIENT_ID，以及 AZURE_CLIENT_SECRET、AZURE_CLIENT_CERTIFICATE_PATH 或 AZURE_FEDERATED_TOKEN_FILE 之一。缺少这些变量时，应用没有自己的凭据：DefaultAzureCredential 会继续尝试托管标识（仅在 Azure 主机上可用）和 Azure CLI 等开发人员登录方式，全部失败后即报错。",
		},
		Fix: Text{
			EN: "Register an app in the Azure portal[[ of {cloud}]] (App registrations → New registration), create a secret under Certificates & secrets → Client secrets → New client secret, and set AZURE_TENANT_ID (Directory (tenant) ID), AZURE_CLIENT_ID (Application (client) ID) and AZURE_CLIENT_SECRET (the secret's Value) where the app runs. Also set AZURE_AUTHORITY_HOST to the sign-in host of the vault's cloud[[, {expectedAuthorityHost}||, such as https://login.chinacloudapi.cn for Azure China]]: without it the Azure SDKs sign in to the global cloud. The commands below do the same with the Azure CLI: create-for-rbac prints tenant, appId and password. On an Azure host, turn on a managed identity under Identity instead: it needs no secret.",
			ZH: "若要为应用提供凭据，请在[[ {cloud} 的]] Azure 门户中注册应用（“应用注册”>“新建注册”），在“证书和密码”>“客户端密码”>“新建客户端密码”中创建客户端密码，然后在应用运行的环境中设置 AZURE_TENANT_ID（“目录(租户) ID”）、AZURE_CLIENT_ID（“应用程序(客户端) ID”）和 AZURE_CLIENT_SECRET（客户端密码的“值”）。另请将 AZURE_AUTHORITY_HOST 设置为保管库所在云的登录主机[[ {expectedAuthorityHost}||（Azure 中国区为 https://login.chinacloudapi.cn）]]：未设置时，Azure SDK 会登录到全球 Azure 云。下面的 Azure CLI 命令完成同样的操作：create-for-rbac 会输出 tenant、appId 和 password。若应用运行在 Azure 主机上，请改为在“标识”中启用托管标识，无需客户端密码。",
		},
		Commands: []string{
			azCloudSet,
			"az ad sp create-for-rbac -n <app-name>",
			"export AZURE_TENANT_ID=<tenant>",
			"export AZURE_CLIENT_ID=<appId>",
			exportSecret,
			"export AZURE_AUTHORITY_HOST={expectedAuthorityHost}",
		},
	},
	{
		Slug: EnvMalformed, Severity: Error, Check: CheckEnv,
		Params: []string{ParamVariable, ParamProblem},
		Title: Text{
			EN: "An environment variable has a value the SDK cannot use",
			ZH: "环境变量的值无法使用",
		},
		Meaning: Text{
			EN: "[[{variable} is set, but its value cannot be used: {problem}.||{variable} is set, but its value cannot be used.||A variable is set, but its value cannot be used: {problem}.||A credential variable is set, but its value cannot be used.]] The Azure SDKs pass the value on as it is, so the sign-in fails with an error that rarely names the variable.",
			ZH: "[[已设置 {variable}，但其值无法使用：{problem}。||已设置 {variable}，但其值无法使用。||已设置的变量值无法使用：{problem}。||已设置的凭据变量值无法使用。]]Azure SDK 会原样使用该值，因此登录失败时的错误消息很少指出是哪个变量出了问题。",
		},
		Fix: Text{
			EN: "Set [[{variable}||the variable]] to the bare value: no quotation marks, no spaces, no line break. Tenant and client ids are GUIDs: copy Directory (tenant) ID and Application (client) ID from App registrations → your app → Overview. A certificate or token file path must name a readable file, and a password-protected certificate also needs AZURE_CLIENT_CERTIFICATE_PASSWORD.",
			ZH: "请将[[ {variable} ||该变量]]设置为不带修饰的值：不加引号、空格或换行符。租户 ID 和客户端 ID 都是 GUID：请在“应用注册”中打开你的应用，从“概述”页复制“目录(租户) ID”和“应用程序(客户端) ID”。证书或令牌文件的路径必须指向可读取的文件；受密码保护的证书还需要设置 AZURE_CLIENT_CERTIFICATE_PASSWORD。",
		},
	},
	{
		Slug: SecretLooksLikeID, Severity: Warning, Check: CheckEnv,
		Params: []string{ParamVariable, ParamClientID, ParamCloud},
		Title: Text{
			EN: "The client secret looks like the secret's ID, not its value",
			ZH: "客户端密码看起来是“机密 ID”，而不是“值”",
		},
		Meaning: Text{
			EN: "[[{variable}||The client secret]] has the shape of a GUID. A client secret's Value is a random string of about 40 characters; the GUID next to it under Certificates & secrets is the Secret ID, which Microsoft Entra ID refuses as a password (AADSTS7000215). The token check confirms or clears this.",
			ZH: "[[{variable} 的值||客户端密码]]是 GUID 格式。客户端密码的“值”是约 40 个字符的随机字符串；“证书和密码”页上与之并列的 GUID 是“机密 ID”，Microsoft Entra ID 不接受它作为密码（AADSTS7000215）。令牌检查会证实或排除这一点。",
		},
		Fix: Text{
			EN: "In App registrations → the app[[ {clientId}]] → Certificates & secrets → Client secrets, choose New client secret and copy the Value column at once: the portal shows it only once. Set [[{variable}||AZURE_CLIENT_SECRET]] to that value.",
			ZH: "请在“应用注册”中打开应用[[ {clientId}]]，选择“证书和密码”>“客户端密码”>“新建客户端密码”，并立即复制“值”列：门户只显示一次。然后将[[ {variable}|| AZURE_CLIENT_SECRET]] 设置为该值。",
		},
		Commands: []string{
			azCloudSet,
			"az ad app credential reset --id {clientId} --append",
			exportSecret,
		},
	},
}
