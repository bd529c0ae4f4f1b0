package catalog

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/findings.md from the catalogue")

const findingsDocPath = "../../docs/findings.md"

func TestFindingsDoc(t *testing.T) {
	got := FindingsMarkdown()
	if *update {
		if err := os.WriteFile(findingsDocPath, []byte(got), 0o644); err != nil {
			t.Fatalf("write %s: %v", findingsDocPath, err)
		}
	}
	want, err := os.ReadFile(findingsDocPath)
	if err != nil {
		t.Fatalf("read %s: %v (run: go test ./checks/catalog -run TestFindingsDoc -update)", findingsDocPath, err)
	}
	if string(want) != got {
		t.Errorf("docs/findings.md is out of date with the catalogue; run: go test ./checks/catalog -run TestFindingsDoc -update")
	}
}

func TestFindingsDocHasSectionPerSlug(t *testing.T) {
	t.Parallel()
	doc := FindingsMarkdown()
	for _, slug := range Slugs() {
		if n := strings.Count(doc, "\n## "+slug+"\n"); n != 1 {
			t.Errorf("docs: %d sections headed %q, want 1", n, slug)
		}
		if !strings.Contains(doc, "(#"+slug+")") {
			t.Errorf("docs: index does not link #%s", slug)
		}
	}
}

func TestFindingsDocShowsPlaceholdersAsCode(t *testing.T) {
	t.Parallel()
	doc := FindingsMarkdown()
	if strings.ContainsRune(doc, 0) {
		t.Error("docs: a placeholder marker was left in the text")
	}
	for _, want := range []string{
		"`<vault>`",
		"az keyvault set-policy -n <vault> --spn <clientId> --secret-permissions get list",
		"With AZURE_AUTHORITY_HOST=`<expectedAuthorityHost>` a token was issued.",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("docs: missing %q", want)
		}
	}
}
