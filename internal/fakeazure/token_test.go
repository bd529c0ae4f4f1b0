package fakeazure_test

import (
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
)

func TestIssuedTokenIsAV1AppTokenSignedByTheTenantKey(t *testing.T) {
	t.Parallel()
	srv, w := startWorld(t, "china-healthy")
	app := w.Applications[0]
	cred := secretCredential(t, srv, cloud.AzureChina, app.HomeTenant, app.ClientID, app.Secrets[0].Value)
	tok, err := cred.GetToken(testContext(t), policy.TokenRequestOptions{Scopes: []string{"https://vault.azure.cn/.default"}})
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(tok.Token, ".")
	if len(parts) != 3 {
		t.Fatalf("token has %d parts", len(parts))
	}
	var header map[string]any
	var claims map[string]any
	decodePart(t, parts[0], &header)
	decodePart(t, parts[1], &claims)
	want := map[string]any{
		"aud": "https://vault.azure.cn", "iss": "https://sts.chinacloudapi.cn/" + chinaTenant + "/", "tid": chinaTenant,
		"appid": chinaApp, "oid": app.ServicePrincipals[0].ObjectID, "sub": app.ServicePrincipals[0].ObjectID,
		"idtyp": "app", "ver": "1.0",
	}
	for k, v := range want {
		if claims[k] != v {
			t.Errorf("claim %s = %v, want %v", k, claims[k], v)
		}
	}
	if exp, iat := claims["exp"].(float64), claims["iat"].(float64); exp-iat != 3600 || claims["nbf"] != claims["iat"] {
		t.Errorf("exp-iat = %v, nbf = %v, iat = %v; want one hour from iat = nbf", exp-iat, claims["nbf"], iat)
	}
	if header["alg"] != "RS256" {
		t.Errorf("alg = %v", header["alg"])
	}

	resp, err := srv.HTTPClient().Get("https://login.chinacloudapi.cn/" + chinaTenant + "/discovery/v2.0/keys")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var jwks struct {
		Keys []struct {
			Kid string `json:"kid"`
			N   string `json:"n"`
			E   string `json:"e"`
		} `json:"keys"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&jwks); err != nil {
		t.Fatal(err)
	}
	sig, _ := base64.RawURLEncoding.DecodeString(parts[2])
	sum := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	verified := false
	for _, k := range jwks.Keys {
		n, _ := base64.RawURLEncoding.DecodeString(k.N)
		e, _ := base64.RawURLEncoding.DecodeString(k.E)
		pub := &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(new(big.Int).SetBytes(e).Int64())}
		if k.Kid == header["kid"] && rsa.VerifyPKCS1v15(pub, crypto.SHA256, sum[:], sig) == nil {
			verified = true
		}
	}
	if !verified {
		t.Error("token signature does not verify against the tenant's JWKS")
	}
	if got := srv.IssuedTokens(); len(got) != 1 || got[0] != tok.Token {
		t.Error("IssuedTokens does not hold exactly the token issued")
	}
}

func decodePart(t *testing.T, part string, v any) {
	t.Helper()
	b, err := base64.RawURLEncoding.DecodeString(part)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatal(err)
	}
}
