package explain

import (
	"regexp"
	"strings"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
	"github.com/kvdoctor/kvdoctor/internal/azcloud"
)

// enrich fills the parameters every fix can use (the vault, its URL, its
// cloud and that cloud's sign-in host) from the hosts the text shows, where
// a finding does not set them itself, so the fix's commands come out
// complete.
func enrich(res *Result, in *input, sc *scan) {
	kv := contextParams(sc)
	if paramOf(kv, catalog.ParamVault) == "" {
		if v := vaultInMessage(in); v != "" {
			kv = append(kv, catalog.ParamVault, v)
		}
	}
	if len(kv) == 0 {
		return
	}
	fill := func(d *Diagnosis) {
		for i := 0; i+1 < len(kv); i += 2 {
			if _, set := d.Finding.Params[kv[i]]; set {
				continue
			}
			if d.Finding.Params == nil {
				d.Finding.Params = map[string]string{}
			}
			d.Finding.Params[kv[i]] = kv[i+1]
		}
	}
	if res.Primary != nil {
		fill(res.Primary)
	}
	for i := range res.Findings {
		fill(&res.Findings[i])
	}
}

var reVaultLocation = regexp.MustCompile(`(?i)(?:vault:? |key vault ')([a-z0-9][a-z0-9-]{1,22}[a-z0-9]);location=$`)

// vaultInMessage is the vault name Key Vault's own 403 messages give as
// "Vault: name;location=region" or "key vault 'name;location=region'".
func vaultInMessage(in *input) string {
	for _, i := range in.lowerIndexAll(";location=", 16) {
		end := i + len(";location=")
		if m := reVaultLocation.FindStringSubmatch(in.text[max(0, end-48):end]); m != nil {
			return m[1]
		}
	}
	return ""
}

// contextParams are the vault and cloud of the text, when it shows one of each.
func contextParams(sc *scan) []string {
	var kv []string
	if h, ok := sc.hosts.first(vaultHost); ok && len(sc.hosts.clouds(vaultHost)) == 1 {
		name, _, _ := strings.Cut(h.host, ".")
		if name != "" && !strings.ContainsAny(name, "*") {
			kv = append(kv, catalog.ParamVault, name, catalog.ParamVaultURL, h.cloud.VaultURL(name))
		}
	}
	var c azcloud.Cloud
	switch vc := sc.hosts.clouds(vaultHost, privateLinkHost); {
	case len(vc) == 1:
		c = vc[0]
	case len(vc) == 0:
		if rc := sc.hosts.clouds(vaultResource); len(rc) == 1 {
			c = rc[0]
		}
	}
	if c.Name != "" {
		kv = append(kv, catalog.ParamCloud, c.Name, catalog.ParamExpectedAuthorityHost, c.Authority(), catalog.ParamExpectedScope, c.Scope())
	}
	return kv
}
