package catalog

import "slices"

// entries is the catalogue, in the order the checks meet the findings;
// explain-only findings come last.
var entries = slices.Concat(
	envEntries,
	cloudEntries,
	tokenEntries,
	claimsEntries,
	vaultEntries,
	accessEntries,
	explainEntries,
)

// azCloudSet is the first command of every fix that runs the Azure CLI:
// az acts on one cloud at a time, and the vault's may not be the active one.
const azCloudSet = "az cloud set -n {cloud}"

// exportSecret is how the fix puts a new client secret where the app reads it.
const exportSecret = "export AZURE_CLIENT_SECRET=<password>"
