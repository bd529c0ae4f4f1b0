package catalog

// explainParams are what kvdoctor explain can read from a pasted error for
// the credential-chain findings; any of them may be missing.
var explainParams = []string{ParamCloud, ParamTenantID, ParamClientID}

// explainEntries are found only by kvdoctor explain, in the credential
// chains of DefaultAzureCredential; no check reports them.
var explainEntries = []Entry{
	{
		Slug: ManagedIdentityUnavailable, Severity: Error,
		Params: explainParams,
		Title: Text{
			EN: "No managed identity is available",
			ZH: "没有可用的托管标识",
		},
		Meaning: Text{
			EN: "DefaultAzureCredential tried a managed identity and found none: no managed identity endpoint answered. Either no identity is turned on for the Azure resource the app runs on, or the app does not run on Azure at all; managed identities exist only on Azure and Azure Arc hosts.",
			ZH: "DefaultAzureCredential 尝试了托管标识，但没有找到：没有任何托管标识终结点作出响应。可能是应用所在的 Azure 资源未启用标识，或者应用根本不在 Azure 上运行；托管标识只存在于 Azure 和 Azure Arc 主机上。",
		},
		Fix: Text{
			EN: "On Azure, open the app's resource (App Service, virtual machine, container app …) → Identity → System assigned, set Status to On and choose Save, then give that identity access to the vault (the vault's Access control (IAM) or Access policies). For a user-assigned managed identity also set AZURE_CLIENT_ID to its client ID. Outside Azure, configure a service principal with AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET instead.",
			ZH: "若应用运行在 Azure 上，请打开应用所在的资源（应用服务、虚拟机、容器应用等），选择“标识”>“系统分配”，将“状态”设为“开”并选择“保存”，然后向该标识授予访问保管库的权限（保管库的“访问控制(IAM)”或“访问策略”）。若使用用户分配的托管标识，还请将 AZURE_CLIENT_ID 设置为其客户端 ID。若应用不在 Azure 上运行，请改为通过 AZURE_TENANT_ID、AZURE_CLIENT_ID 和 AZURE_CLIENT_SECRET 配置服务主体。",
		},
		Commands: []string{
			azCloudSet,
			"az webapp identity assign -g <resource-group> -n <app-name> --query principalId -o tsv",
			`az role assignment create --role "Key Vault Secrets User" --assignee-object-id <principal-id> --assignee-principal-type ServicePrincipal --scope $(az keyvault show -n <vault> --query id -o tsv)`,
		},
	},
	{
		Slug: CLINotLoggedIn, Severity: Error,
		Params: explainParams,
		Title: Text{
			EN: "The Azure CLI is not signed in",
			ZH: "Azure CLI 未登录",
		},
		Meaning: Text{
			EN: "AzureCliCredential asks the Azure CLI for a token, and the CLI is not signed in, or its sign-in has expired (AADSTS700082: the refresh token expired after a period of inactivity). This credential serves developer machines; an app in production should have a credential of its own.",
			ZH: "AzureCliCredential 会向 Azure CLI 请求令牌，但 Azure CLI 未登录，或其登录已过期（AADSTS700082：刷新令牌因长时间不活动而过期）。此凭据适用于开发人员的计算机；生产环境中的应用应有自己的凭据。",
		},
		Fix: Text{
			EN: "Sign in to the Azure CLI again, in the vault's cloud and tenant.",
			ZH: "请在保管库所在的云和租户中重新登录 Azure CLI。",
		},
		Commands: []string{
			azCloudSet,
			"az login --tenant {tenantId}",
			"az account show -o table",
		},
	},
	{
		Slug: CLIWrongCloud, Severity: Error,
		Params: explainParams,
		Title: Text{
			EN: "The Azure CLI is set to another cloud than the vault's",
			ZH: "Azure CLI 设置的云与保管库所在的云不同",
		},
		Meaning: Text{
			EN: "AzureCliCredential gets its token from the Azure CLI, which signs in to the cloud chosen with az cloud set. The CLI is set to another cloud than the vault's[[, {cloud},]] so its tenant is unknown there (AADSTS90002) or its token is for another cloud's Key Vault (AADSTS500011, AKV10022).",
			ZH: "AzureCliCredential 从 Azure CLI 获取令牌，而 Azure CLI 登录的是通过 az cloud set 选择的云。Azure CLI 当前设置的云不是保管库所在的[[ {cloud}||云]]，因此会找不到租户（AADSTS90002），或者令牌对应的是其他云的 Key Vault（AADSTS500011、AKV10022）。",
		},
		Fix: Text{
			EN: "Switch the Azure CLI to [[{cloud}||the vault's cloud (AzureChinaCloud for Azure China)]] and sign in there; az cloud show tells which cloud is active.",
			ZH: "请将 Azure CLI 切换到[[ {cloud} ||保管库所在的云（Azure 中国区为 AzureChinaCloud）]]并在其中登录；az cloud show 可显示当前使用的云。",
		},
		Commands: []string{
			azCloudSet,
			"az login --tenant {tenantId}",
			"az cloud show --query name -o tsv",
		},
	},
	{
		Slug: FederatedTokenInvalid, Severity: Error,
		Params: explainParams,
		Title: Text{
			EN: "The federated token was not accepted",
			ZH: "联合令牌未被接受",
		},
		Meaning: Text{
			EN: "WorkloadIdentityCredential sent the token in AZURE_FEDERATED_TOKEN_FILE to Microsoft Entra ID, which did not accept it for the app[[ {clientId}]]: no federated identity credential of the app matches the token's issuer, subject and audience (AADSTS70021, AADSTS700211, AADSTS700212, AADSTS700213), the app has none (AADSTS70025), or the token is stale (AADSTS700024). Subjects are compared case-sensitively, and a new federated credential can take a few minutes to apply.",
			ZH: "WorkloadIdentityCredential 将 AZURE_FEDERATED_TOKEN_FILE 中的令牌发送给 Microsoft Entra ID，但该令牌未被应用[[ {clientId} ]]接受：应用的联合标识凭据中没有与令牌的颁发者、使用者和受众都匹配的项（AADSTS70021、AADSTS700211、AADSTS700212、AADSTS700213），应用没有任何联合标识凭据（AADSTS70025），或者令牌已过时（AADSTS700024）。使用者区分大小写；新建的联合标识凭据可能需要几分钟才能生效。",
		},
		Fix: Text{
			EN: "In App registrations → the app → Certificates & secrets → Federated credentials, compare Issuer (the OIDC issuer URL of your cluster or pipeline), Subject identifier (on Kubernetes: system:serviceaccount:NAMESPACE:NAME) and Audience (api://AzureADTokenExchange by default; Azure China documents api://AzureADTokenExchangeChina) with the token's iss, sub and aud claims.",
			ZH: "请在“应用注册”中打开应用，选择“证书和密码”>“联合凭据”，将“颁发者”（群集或管道的 OIDC 颁发者 URL）、“使用者标识符”（在 Kubernetes 中为 system:serviceaccount:NAMESPACE:NAME）和“受众”（默认为 api://AzureADTokenExchange；Azure 中国区文档使用 api://AzureADTokenExchangeChina）与令牌的 iss、sub 和 aud 声明进行比较。",
		},
		Commands: []string{
			azCloudSet,
			"az ad app federated-credential list --id {clientId} -o table",
		},
	},
}
