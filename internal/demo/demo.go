// Package demo holds the stories `kvdoctor demo` replays on the embedded
// emulator: the original report of a Python app in Azure China, step by
// step, and a few more of the common failures.
package demo

import (
	"embed"
	"fmt"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
	"github.com/kvdoctor/kvdoctor/internal/fakeazure"
)

//go:embed worlds/*.json
var worlds embed.FS

// Demo tenant, app and secret. The client secret is the world's; it is
// handed to kvdoctor as an app's environment would be, never printed.
const (
	tenantID     = "6f1a2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b"
	clientID     = "0b6c4d2e-7f8a-4b9c-8d1e-2f3a4b5c6d7e"
	clientSecret = "Xq28Q~demoClientSecretValue.0123456789ab"
	secretID     = "3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9"
	chinaLogin   = "https://login.chinacloudapi.cn"
)

// Story is one run of kvdoctor: a world, the app's environment and the
// flags, with a caption that says what the user did.
type Story struct {
	Caption catalog.Text
	World   string
	Env     map[string]string
	Args    []string
}

// Stories are the demo's runs, in order.
var Stories = []Story{
	{
		Caption: catalog.Text{EN: "1. A Python app in Azure China, nothing configured yet", ZH: "1. Azure 中国区的 Python 应用，尚未配置任何内容"},
		World:   "china-no-policy.json",
		Env:     map[string]string{},
	},
	{
		Caption: catalog.Text{EN: "2. The app's service principal is set, but AZURE_AUTHORITY_HOST is not (the global authority) and the vault has no access policy", ZH: "2. 已设置应用的服务主体，但未设置 AZURE_AUTHORITY_HOST（全球颁发机构），且密钥保管库没有访问策略"},
		World:   "china-no-policy.json",
		Env:     servicePrincipal(""),
	},
	{
		Caption: catalog.Text{EN: "3. AZURE_AUTHORITY_HOST set to the China authority; the access policy is still missing", ZH: "3. 已将 AZURE_AUTHORITY_HOST 设为中国区颁发机构；仍缺少访问策略"},
		World:   "china-no-policy.json",
		Env:     servicePrincipal(chinaLogin),
	},
	{
		Caption: catalog.Text{EN: "4. Access policy added: healthy", ZH: "4. 已添加访问策略：一切正常"},
		World:   "china-healthy.json",
		Env:     servicePrincipal(chinaLogin),
		Args:    []string{"--secret", "mysecret"},
	},
	{
		Caption: catalog.Text{EN: "5. The secret's ID pasted instead of its value", ZH: "5. 粘贴了客户端密码的 ID，而不是其值"},
		World:   "china-healthy.json",
		Env:     with(servicePrincipal(chinaLogin), "AZURE_CLIENT_SECRET", secretID),
	},
	{
		Caption: catalog.Text{EN: "6. A vault in the Azure RBAC permission model, with no role assigned", ZH: "6. 使用 Azure 基于角色的访问控制权限模型的密钥保管库，未分配角色"},
		World:   "china-rbac-no-role.json",
		Env:     servicePrincipal(chinaLogin),
		Args:    []string{"--secret", "mysecret"},
	},
	{
		Caption: catalog.Text{EN: "7. The vault's firewall does not allow the app's address", ZH: "7. 密钥保管库的防火墙不允许应用的地址"},
		World:   "china-firewall.json",
		Env:     servicePrincipal(chinaLogin),
	},
}

// VaultURL is the vault every story diagnoses.
const VaultURL = "https://mykeyvalue01.vault.azure.cn"

// LoadWorld parses the embedded world of a story.
func LoadWorld(name string) (*fakeazure.World, error) {
	data, err := worlds.ReadFile("worlds/" + name)
	if err != nil {
		return nil, fmt.Errorf("demo world %s: %w", name, err)
	}
	return fakeazure.ParseWorld(name, data)
}

func servicePrincipal(authority string) map[string]string {
	env := map[string]string{
		"AZURE_TENANT_ID":     tenantID,
		"AZURE_CLIENT_ID":     clientID,
		"AZURE_CLIENT_SECRET": clientSecret,
	}
	if authority != "" {
		env["AZURE_AUTHORITY_HOST"] = authority
	}
	return env
}

func with(env map[string]string, k, v string) map[string]string {
	out := map[string]string{k: v}
	for key, val := range env {
		if key != k {
			out[key] = val
		}
	}
	return out
}
