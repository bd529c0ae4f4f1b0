package cli

import (
	"runtime"
	"runtime/debug"
	"time"

	"github.com/kvdoctor/kvdoctor/checks"
)

// Set at build time: go build -ldflags "-X github.com/kvdoctor/kvdoctor/internal/cli.version=v1.0.0 -X github.com/kvdoctor/kvdoctor/internal/cli.commit=abc123".
var (
	version = "devel"
	commit  = ""
)

// toolHeader fills the header fields that describe kvdoctor itself.
func toolHeader(h checks.Header) checks.Header {
	h.Version = version
	h.Commit = commit
	h.OS, h.Arch, h.GoVersion = runtime.GOOS, runtime.GOARCH, runtime.Version()
	if info, ok := debug.ReadBuildInfo(); ok {
		if h.Commit == "" {
			for _, s := range info.Settings {
				if s.Key == "vcs.revision" {
					h.Commit = s.Value
				}
			}
		}
		for _, d := range info.Deps {
			switch d.Path {
			case "github.com/Azure/azure-sdk-for-go/sdk/azidentity":
				h.AzIdentity = d.Version
			case "github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets":
				h.AzSecrets = d.Version
			}
		}
	}
	if h.Commit == "" {
		h.Commit = "devel"
	}
	if h.Start.IsZero() {
		h.Start = time.Now().UTC().Truncate(time.Second)
	}
	return h
}

func versionLine() string {
	h := toolHeader(checks.Header{})
	return "kvdoctor " + h.Version + " (commit " + h.Commit + ", " + h.GoVersion + ", " + h.OS + "/" + h.Arch + ")"
}
