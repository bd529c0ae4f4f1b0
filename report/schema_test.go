package report

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/kvdoctor/kvdoctor/checks"
	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

// schemaPath is the published schema of the JSON report.
var schemaPath = filepath.Join("..", "docs", "report.schema.json")

// loadSchema compiles the published schema. With strict, every object of
// the schema also refuses properties it does not describe, so a field the
// writer adds without documenting it fails the test; the published schema
// stays open, as consumers must accept fields added later.
func loadSchema(t *testing.T, strict bool) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", schemaPath, err)
	}
	if strict {
		closeObjects(doc)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("report.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("report.schema.json")
	if err != nil {
		t.Fatalf("%s: %v", schemaPath, err)
	}
	return s
}

// closeObjects sets additionalProperties false on every schema with
// properties, except those inside conditions (if/then/else, allOf), which
// look at a part of an object only.
func closeObjects(node any) {
	m, ok := node.(map[string]any)
	if !ok {
		return
	}
	if props, ok := m["properties"].(map[string]any); ok {
		if _, set := m["additionalProperties"]; !set {
			m["additionalProperties"] = false
		}
		for _, p := range props {
			closeObjects(p)
		}
	}
	if defs, ok := m["$defs"].(map[string]any); ok {
		for _, d := range defs {
			closeObjects(d)
		}
	}
	closeObjects(m["items"])
}

// validateJSON checks a JSON report against the schema.
func validateJSON(t *testing.T, s *jsonschema.Schema, out []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("report is not JSON: %v", err)
	}
	if err := s.Validate(inst); err != nil {
		t.Errorf("report does not match %s: %v", schemaPath, err)
	}
}

func TestJSONMatchesSchema(t *testing.T) {
	strict := loadSchema(t, true)
	open := loadSchema(t, false)
	reports := map[string]checks.Report{
		"fixture":     fixtureReport(),
		"redacted":    Redact(identifyingReport()),
		"identifying": identifyingReport(),
		"empty":       {},
	}
	for name, r := range reports {
		for _, lang := range catalog.Langs {
			t.Run(name+"/"+string(lang), func(t *testing.T) {
				var b bytes.Buffer
				if err := Write(&b, FormatJSON, r, Options{Lang: lang}); err != nil {
					t.Fatal(err)
				}
				validateJSON(t, strict, b.Bytes())
				validateJSON(t, open, b.Bytes())
			})
		}
	}
}

func TestSchemaRefuses(t *testing.T) {
	s := loadSchema(t, false)
	tests := []struct {
		name string
		doc  string
	}{
		{name: "other version", doc: `{"schemaVersion":2,"tool":{"name":"kvdoctor","version":"x"},"status":"pass","target":{"vault":"","cloud":"","secret":""},"checks":[]}`},
		{name: "skip status for the run", doc: `{"schemaVersion":1,"tool":{"name":"kvdoctor","version":"x"},"status":"skip","target":{"vault":"","cloud":"","secret":""},"checks":[]}`},
		{name: "skip without blockedBy", doc: `{"schemaVersion":1,"tool":{"name":"kvdoctor","version":"x"},"status":"pass","target":{"vault":"","cloud":"","secret":""},"checks":[{"id":"access","title":"t","status":"skip","durationMs":0,"findings":[],"facts":{}}]}`},
		{name: "fact not a string", doc: `{"schemaVersion":1,"tool":{"name":"kvdoctor","version":"x"},"status":"pass","target":{"vault":"","cloud":"","secret":""},"checks":[{"id":"env","title":"t","status":"pass","durationMs":0,"findings":[],"facts":{"a":1}}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(tt.doc)))
			if err != nil {
				t.Fatal(err)
			}
			if s.Validate(inst) == nil {
				t.Errorf("schema accepts %s", tt.doc)
			}
		})
	}
}
