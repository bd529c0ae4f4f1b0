package catalog

// entries is the catalogue, in the order the checks meet the findings.
// PLACEHOLDER: being written out in full.
var entries = []Entry{
	{Slug: EnvMissing, Severity: Error, Check: CheckEnv,
		Title:   Text{EN: "The environment configures no credential", ZH: "环境未配置任何凭据"},
		Meaning: Text{EN: "{variable} is not set.", ZH: "未设置 {variable}。"},
		Fix:     Text{EN: "Set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET.", ZH: "请设置 AZURE_TENANT_ID、AZURE_CLIENT_ID 和 AZURE_CLIENT_SECRET。"},
	},
}
