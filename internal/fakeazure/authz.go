package fakeazure

import (
	"slices"
	"sort"
	"strings"
)

// secretOp is a Key Vault secret operation as permissions name it.
type secretOp string

const (
	opGet  secretOp = "get"
	opList secretOp = "list"
)

// rbacAction is the data action Key Vault names in ForbiddenByRbac.
func (op secretOp) rbacAction() string {
	if op == opList {
		return "Microsoft.KeyVault/vaults/secrets/readMetadata/action"
	}
	return "Microsoft.KeyVault/vaults/secrets/getSecret/action"
}

// roles maps each Key Vault data-plane role to the secret operations it
// allows. Key Vault Reader lists and reads metadata, never a value.
var roles = map[string][]secretOp{
	"Key Vault Secrets User":    {opGet, opList},
	"Key Vault Secrets Officer": {opGet, opList},
	"Key Vault Administrator":   {opGet, opList},
	"Key Vault Reader":          {opList},
}

func roleNames() []string {
	names := make([]string, 0, len(roles))
	for n := range roles {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// accessPolicyAllows says whether an access policy grants op to oid.
func accessPolicyAllows(v *Vault, oid string, op secretOp) bool {
	for _, p := range v.AccessPolicies {
		if !strings.EqualFold(p.ObjectID, oid) {
			continue
		}
		for _, perm := range p.Secrets {
			perm = strings.ToLower(perm)
			if perm == "all" || perm == string(op) {
				return true
			}
		}
	}
	return false
}

// rbacAllows says whether a role assignment grants op on secret to oid.
// Listing needs a role at the vault scope.
func rbacAllows(v *Vault, oid string, op secretOp, secret string) bool {
	for _, r := range v.RoleAssignments {
		if !strings.EqualFold(r.PrincipalID, oid) || !slices.Contains(roles[r.Role], op) {
			continue
		}
		if r.Scope == "/" {
			return true
		}
		if op != opList && strings.EqualFold(r.Scope, "/secrets/"+secret) {
			return true
		}
	}
	return false
}
