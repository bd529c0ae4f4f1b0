package secretmask

import "testing"

func TestMask(t *testing.T) {
	t.Parallel()
	known := Known{"Xq28Q~knownSecretValue.0123456789abcdef", "hunter22", "abc"}
	tests := []struct{ name, in, want string }{
		{"token", "token=eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJ4In0.c2ln rest", "token=<token> rest"},
		{"client secret shape", "secret abc8Q~LEAKEDclientSecretValue0123456789 was", "secret <client-secret> was"},
		{"known value in a path", "GET /common/UserRealm/hunter22", "GET /common/UserRealm/<secret>"},
		{"known client secret", "AZURE_AUTHORITY_HOST=https://login.chinacloudapi.cn/Xq28Q~knownSecretValue.0123456789abcdef", "AZURE_AUTHORITY_HOST=https://login.chinacloudapi.cn/<secret>"},
		{"userinfo", "http://bob:PW0rd@proxy.corp:3128", "http://<userinfo>@proxy.corp:3128"},
		{"short known value ignored", "abc is fine", "abc is fine"},
		{"plain text", "https://vault.azure.cn/.default", "https://vault.azure.cn/.default"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := known.Mask(tt.in); got != tt.want {
				t.Errorf("Mask(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
