package checks

import (
	"encoding/json"
	"fmt"
	"unicode/utf8"
)

// secretValue holds a credential (client secret, password). Every way of
// printing it shows only that it is set and its length.
type secretValue string

func (s secretValue) String() string {
	if s == "" {
		return "not set"
	}
	return fmt.Sprintf("set, %d characters", utf8.RuneCountInString(string(s)))
}

// GoString keeps %#v from printing the value.
func (s secretValue) GoString() string { return s.String() }

// Format keeps every fmt verb from printing the value.
func (s secretValue) Format(f fmt.State, _ rune) { _, _ = fmt.Fprint(f, s.String()) }

// MarshalJSON keeps encoders from printing the value.
func (s secretValue) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// reveal is the one place the value is read: to hand it to azidentity.
func (s secretValue) reveal() string { return string(s) }
