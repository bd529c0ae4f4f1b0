package fakeazure

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"fmt"
	"math/big"
	"sync"
	"time"
)

// signingKey is the key a cloud's token service signs access tokens with,
// published in every tenant's JWKS of that cloud, as Entra does.
type signingKey struct {
	kid     string
	priv    *rsa.PrivateKey
	certDER []byte
}

var (
	signingKeysMu sync.Mutex
	signingKeys   = map[string]*signingKey{}
)

// cloudSigningKey returns the signing key of a cloud, generated once per
// process: RSA key generation is slow and keys carry no world state.
func cloudSigningKey(cloud string) (*signingKey, error) {
	signingKeysMu.Lock()
	defer signingKeysMu.Unlock()
	if k, ok := signingKeys[cloud]; ok {
		return k, nil
	}
	priv, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, fmt.Errorf("generate signing key for %s: %w", cloud, err)
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(now.UnixNano()),
		Subject:      pkix.Name{CommonName: "accounts.accesscontrol.windows.net"},
		NotBefore:    now.Add(-24 * time.Hour),
		NotAfter:     now.AddDate(5, 0, 0),
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &priv.PublicKey, priv)
	if err != nil {
		return nil, fmt.Errorf("create signing certificate for %s: %w", cloud, err)
	}
	sum := sha1.Sum(der)
	k := &signingKey{kid: base64.RawURLEncoding.EncodeToString(sum[:]), priv: priv, certDER: der}
	signingKeys[cloud] = k
	return k, nil
}

// jwk is the key in JWKS form, as Entra's discovery/keys publishes it.
func (k *signingKey) jwk(issuer string) map[string]any {
	return map[string]any{
		"kty":    "RSA",
		"use":    "sig",
		"kid":    k.kid,
		"x5t":    k.kid,
		"n":      base64.RawURLEncoding.EncodeToString(k.priv.N.Bytes()),
		"e":      base64.RawURLEncoding.EncodeToString(big.NewInt(int64(k.priv.E)).Bytes()),
		"x5c":    []string{base64.StdEncoding.EncodeToString(k.certDER)},
		"issuer": issuer,
	}
}
