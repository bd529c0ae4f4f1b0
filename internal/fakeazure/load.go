package fakeazure

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"time"
)

// ValidationError says which field of which world file is wrong and why.
type ValidationError struct {
	// File is the world file, or "world" for a world built in code.
	File string
	// Field is the JSON path of the field, e.g. vaults[0].permissionModel.
	Field string
	// Problem says what is wrong.
	Problem string
}

// Error is one line: file, field, problem.
func (e *ValidationError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("%s: %s", e.File, e.Problem)
	}
	return fmt.Sprintf("%s: %s: %s", e.File, e.Field, e.Problem)
}

// LoadWorld reads, parses and validates a world file.
func LoadWorld(path string) (*World, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read world %s: %w", path, err)
	}
	return ParseWorld(path, data)
}

// ParseWorld parses and validates a world's JSON; name is used in errors.
// Unknown fields, wrong types and failed rules are *ValidationError.
func ParseWorld(name string, data []byte) (*World, error) {
	var raw any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		return nil, &ValidationError{File: name, Problem: "not valid JSON: " + err.Error()}
	}
	if field, problem := checkShape(raw, reflect.TypeFor[World](), ""); problem != "" {
		return nil, &ValidationError{File: name, Field: field, Problem: problem}
	}
	var w World
	if err := json.Unmarshal(data, &w); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return nil, &ValidationError{File: name, Field: te.Field, Problem: "must be " + jsonKind(te.Type)}
		}
		return nil, &ValidationError{File: name, Problem: err.Error()}
	}
	if err := w.Validate(); err != nil {
		var ve *ValidationError
		if errors.As(err, &ve) {
			ve.File = name
		}
		return nil, err
	}
	return &w, nil
}

// checkShape walks decoded JSON against a Go type and reports the first
// unknown field or wrong kind of value, with its path.
func checkShape(v any, t reflect.Type, path string) (field, problem string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if v == nil {
		return "", ""
	}
	if t == reflect.TypeFor[time.Time]() {
		s, ok := v.(string)
		if !ok {
			return path, "must be an RFC 3339 time string"
		}
		if _, err := time.Parse(time.RFC3339, s); err != nil {
			return path, fmt.Sprintf("must be an RFC 3339 time like 2027-01-01T00:00:00Z, got %q", s)
		}
		return "", ""
	}
	switch t.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			return path, "must be an object"
		}
		fields := jsonFields(t)
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			ft, ok := fields[k]
			if !ok {
				return join(path, k), "unknown field"
			}
			if f, p := checkShape(obj[k], ft, join(path, k)); p != "" {
				return f, p
			}
		}
	case reflect.Slice:
		arr, ok := v.([]any)
		if !ok {
			return path, "must be a list"
		}
		for i, e := range arr {
			if f, p := checkShape(e, t.Elem(), fmt.Sprintf("%s[%d]", path, i)); p != "" {
				return f, p
			}
		}
	case reflect.String:
		if _, ok := v.(string); !ok {
			return path, "must be a string"
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			return path, "must be true or false"
		}
	case reflect.Int, reflect.Int64:
		n, ok := v.(json.Number)
		if !ok {
			return path, "must be a whole number"
		}
		if _, err := n.Int64(); err != nil {
			return path, "must be a whole number"
		}
	}
	return "", ""
}

func jsonFields(t reflect.Type) map[string]reflect.Type {
	out := make(map[string]reflect.Type, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		out[name] = f.Type
	}
	return out
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		return "a list"
	case reflect.Struct:
		return "an object"
	default:
		return "a number"
	}
}
