package fakeazure

import (
	"strings"

	"github.com/kvdoctor/kvdoctor/internal/azcloud"
)

// entraProfile holds what the emulator says about each cloud's token service
// beyond the shared cloud table: v2 issuer host and OIDC metadata values.
type entraProfile struct {
	v2IssuerHost      string
	cloudInstanceName string
	msgraphHost       string
	graphHost         string
	regionScope       string
	keyVaultAppID     string
}

var entraProfiles = map[string]entraProfile{
	azcloud.Public.Name: {
		v2IssuerHost: "login.microsoftonline.com", cloudInstanceName: "microsoftonline.com",
		msgraphHost: "graph.microsoft.com", graphHost: "graph.windows.net", regionScope: "WW",
		keyVaultAppID: "cfa8b339-82a2-471a-a3c9-0fc0be7a4093",
	},
	azcloud.China.Name: {
		v2IssuerHost: "login.partner.microsoftonline.cn", cloudInstanceName: "partner.microsoftonline.cn",
		msgraphHost: "microsoftgraph.chinacloudapi.cn", graphHost: "graph.chinacloudapi.cn", regionScope: "AS",
		keyVaultAppID: "cfa8b339-82a2-471a-a3c9-0fc0be7a4093",
	},
	azcloud.USGov.Name: {
		v2IssuerHost: "login.microsoftonline.us", cloudInstanceName: "microsoftonline.us",
		msgraphHost: "graph.microsoft.us", graphHost: "graph.windows.net", regionScope: "USGov",
		keyVaultAppID: "7e7c393b-45d0-48b1-a35e-2905ddf8183c",
	},
}

// endpoint is what a host name reaches in the emulated world.
type endpoint struct {
	cloud azcloud.Cloud
	// vault is nil for a sign-in host.
	vault *Vault
}

// index is the world prepared for lookups by host, tenant and client id.
type index struct {
	vaults  map[string]*Vault
	apps    map[string]*Application
	tenants map[string]map[string]*Tenant
	faults  map[string]Fault
}

func newIndex(w *World) *index {
	ix := &index{
		vaults:  map[string]*Vault{},
		apps:    map[string]*Application{},
		tenants: map[string]map[string]*Tenant{},
		faults:  map[string]Fault{},
	}
	for i := range w.Tenants {
		t := &w.Tenants[i]
		byKey := ix.tenants[t.Cloud]
		if byKey == nil {
			byKey = map[string]*Tenant{}
			ix.tenants[t.Cloud] = byKey
		}
		byKey[strings.ToLower(t.ID)] = t
		byKey[strings.ToLower(t.Domain)] = t
	}
	for i := range w.Applications {
		a := &w.Applications[i]
		ix.apps[strings.ToLower(a.ClientID)] = a
	}
	for i := range w.Vaults {
		v := &w.Vaults[i]
		c, _ := cloudByName(v.Cloud)
		ix.vaults[strings.ToLower(v.Name+"."+c.VaultSuffix)] = v
	}
	for _, f := range w.Faults {
		ix.faults[strings.ToLower(f.Host)] = f
	}
	return ix
}

// endpoint finds what host reaches: a sign-in host of any cloud, or a vault
// of the world. Other hosts do not exist.
func (ix *index) endpoint(host string) (endpoint, bool) {
	host = strings.ToLower(host)
	if c, ok := azcloud.ByAuthorityHost(host); ok {
		return endpoint{cloud: c}, true
	}
	if v, ok := ix.vaults[host]; ok {
		c, _ := cloudByName(v.Cloud)
		return endpoint{cloud: c, vault: v}, true
	}
	return endpoint{}, false
}

// tenant finds a tenant of cloud by id or domain.
func (ix *index) tenant(cloud, idOrDomain string) (*Tenant, bool) {
	t, ok := ix.tenants[cloud][strings.ToLower(idOrDomain)]
	return t, ok
}

// fault returns the fault configured for host, if any.
func (ix *index) fault(host string) (Fault, bool) {
	f, ok := ix.faults[strings.ToLower(host)]
	return f, ok
}
