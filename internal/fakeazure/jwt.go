package fakeazure

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// jwt is a compact JWS split into its parts; claims are decoded, not trusted.
type jwt struct {
	header    map[string]any
	claims    map[string]any
	signed    string
	signature []byte
	rawHeader string
}

// parseJWT splits and decodes a compact JWT without checking its signature.
func parseJWT(s string) (*jwt, error) {
	parts := strings.Split(s, ".")
	if len(parts) != 3 {
		return nil, errors.New("not three dot-separated parts")
	}
	var t jwt
	if err := decodeSegment(parts[0], &t.header); err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	if err := decodeSegment(parts[1], &t.claims); err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		return nil, fmt.Errorf("signature: %w", err)
	}
	t.signature = sig
	t.signed = parts[0] + "." + parts[1]
	t.rawHeader = parts[0]
	return &t, nil
}

func decodeSegment(seg string, v any) error {
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(seg, "="))
	if err != nil {
		return err
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.UseNumber()
	return dec.Decode(v)
}

// str returns a string claim or header value.
func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

// num returns a numeric claim as Unix seconds.
func num(m map[string]any, key string) (int64, bool) {
	n, ok := m[key].(json.Number)
	if !ok {
		return 0, false
	}
	if i, err := n.Int64(); err == nil {
		return i, true
	}
	f, err := n.Float64()
	return int64(f), err == nil
}

// verifyRSA checks the signature with pub for the JWT's alg (RS256, PS256).
func (t *jwt) verifyRSA(pub *rsa.PublicKey) error {
	sum := sha256.Sum256([]byte(t.signed))
	switch alg := str(t.header, "alg"); alg {
	case "RS256":
		return rsa.VerifyPKCS1v15(pub, crypto.SHA256, sum[:], t.signature)
	case "PS256":
		return rsa.VerifyPSS(pub, crypto.SHA256, sum[:], t.signature, nil)
	default:
		return fmt.Errorf("unsupported alg %q", alg)
	}
}

// signRS256 builds a compact JWT signed with key.
func signRS256(header, claims map[string]any, key *rsa.PrivateKey) (string, error) {
	h, err := json.Marshal(header)
	if err != nil {
		return "", fmt.Errorf("encode header: %w", err)
	}
	c, err := json.Marshal(claims)
	if err != nil {
		return "", fmt.Errorf("encode claims: %w", err)
	}
	signed := base64.RawURLEncoding.EncodeToString(h) + "." + base64.RawURLEncoding.EncodeToString(c)
	sum := sha256.Sum256([]byte(signed))
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA256, sum[:])
	if err != nil {
		return "", fmt.Errorf("sign token: %w", err)
	}
	return signed + "." + base64.RawURLEncoding.EncodeToString(sig), nil
}
