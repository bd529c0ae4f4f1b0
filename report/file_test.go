package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, name := range []string{"r.md", "r.json", "r.txt"} {
		path := filepath.Join(dir, name)
		f, _ := FormatForPath(path)
		if err := WriteFile(path, f, fixtureReport(), Options{}); err != nil {
			t.Fatalf("WriteFile(%s): %v", name, err)
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := Write(&want, f, fixtureReport(), Options{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s holds other bytes than Write", name)
		}
	}
	if err := WriteFile(filepath.Join(dir, "r.md"), FormatMarkdown, fixtureReport(), Options{}); err != nil {
		t.Errorf("overwriting a report: %v", err)
	}
	assertOnly(t, dir, "r.json", "r.md", "r.txt")
}

func TestWriteFileRefuses(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, want string
	}{
		{name: "missing directory", path: filepath.Join(dir, "missing", "r.md"), want: "does not exist"},
		{name: "directory is a file", path: filepath.Join(file, "r.md"), want: "is a file, not a directory"},
		{name: "path is a directory", path: filepath.Join(dir, "sub.md"), want: "is a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := WriteFile(tt.path, FormatMarkdown, fixtureReport(), Options{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("WriteFile error = %v, want one containing %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
		})
	}
	assertOnly(t, dir, "file", "sub.md")
}

// assertOnly fails if dir holds anything but names: no temporary file may
// be left behind.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}
