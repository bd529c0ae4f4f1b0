package fakeazure_test

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
)

func TestSmoke(t *testing.T) {
	srv, w := startWorld(t, "china-healthy")
	app := w.Applications[0]
	cred := secretCredential(t, srv, cloud.AzureChina, app.HomeTenant, app.ClientID, app.Secrets[0].Value)
	c := secretClient(t, srv, cloud.AzureChina, "https://mykeyvalue01.vault.azure.cn", cred)
	resp, err := c.GetSecret(testContext(t), "mysecret", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s %s", *resp.ID, *resp.Value)
	for _, e := range srv.Log() {
		t.Logf("%+v", e)
	}
}
