package catalog

// Check ids, in the order the checks run. They are stable: the JSON report,
// the docs and the tests name checks by them.
const (
	CheckEnv    = "env"
	CheckCloud  = "cloud"
	CheckToken  = "token"
	CheckClaims = "claims"
	CheckVault  = "vault"
	CheckAccess = "access"
)

// CheckIDs lists the check ids in run order.
var CheckIDs = []string{CheckEnv, CheckCloud, CheckToken, CheckClaims, CheckVault, CheckAccess}

var checkTitles = map[string]Text{
	CheckEnv:    {EN: "Environment variables", ZH: "环境变量"},
	CheckCloud:  {EN: "Cloud, authority and scope", ZH: "云、颁发机构和范围"},
	CheckToken:  {EN: "Access token", ZH: "访问令牌"},
	CheckClaims: {EN: "Token claims", ZH: "令牌声明"},
	CheckVault:  {EN: "Key vault reachable", ZH: "能否连接到密钥保管库"},
	CheckAccess: {EN: "Access to secrets", ZH: "机密访问权限"},
}

// CheckTitle is the title of a check in lang.
func CheckTitle(id string, lang Lang) string {
	if t, ok := checkTitles[id]; ok {
		return t.In(lang)
	}
	return id
}
