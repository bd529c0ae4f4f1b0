package cli

import (
	"strings"

	"github.com/kvdoctor/kvdoctor/checks/catalog"
)

// langFromEnv is the report language of the locale: the first of LC_ALL,
// LC_MESSAGES and LANG that is set decides, as POSIX has it; zh_CN.*, zh_SG.*
// and zh-Hans give Chinese, anything else English.
func langFromEnv(getenv func(string) string) catalog.Lang {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		v = strings.ToLower(v)
		if i := strings.IndexAny(v, ".@"); i >= 0 {
			v = v[:i]
		}
		v = strings.ReplaceAll(v, "_", "-")
		switch v {
		case "zh-cn", "zh-sg", "zh-hans", "zh-hans-cn", "zh":
			return catalog.Chinese
		}
		return catalog.English
	}
	return catalog.English
}
