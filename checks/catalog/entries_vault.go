package catalog

var vaultEntries = []Entry{
	{
		Slug: VaultNotFound, Severity: Error, Check: CheckVault,
		Params: []string{ParamVault, ParamHost, ParamCloud, ParamProxy, ParamDetail},
		Title: Text{
			EN: "The vault's name does not resolve",
			ZH: "无法解析保管库名称",
		},
		Meaning: Text{
			EN: "[[The host name {host} does not resolve in DNS, so this machine sees no vault named {vault} in {cloud}:||The host name {host} does not resolve in DNS:||The vault's host name does not resolve in DNS:]] the name is misspelled, it has another cloud's suffix, the vault was deleted, or the DNS server cannot resolve it.[[ The proxy {proxy} reported that it could not resolve the name.]][[ Detail: {detail}.]]",
			ZH: "[[DNS 无法解析主机名 {host}，因此此计算机看不到 {cloud} 中名为 {vault} 的保管库：||DNS 无法解析主机名 {host}：||DNS 无法解析保管库的主机名：]]可能是名称拼写错误、使用了其他云的后缀、保管库已被删除，或者 DNS 服务器无法解析该名称。[[代理服务器 {proxy} 报告无法解析该名称。]][[详细信息：{detail}。]]",
		},
		Fix: Text{
			EN: "Check the name under Key vaults in the Azure portal[[ of {cloud}]] and copy the Vault URI from the vault's Overview. A vault deleted within its retention period is listed under Key vaults → Manage deleted vaults, and can be recovered there.",
			ZH: "请在[[ {cloud} 的]] Azure 门户中的“密钥保管库”下核对名称，并从保管库的“概述”页复制“保管库 URI”。在保留期内删除的保管库会列在“密钥保管库”>“管理已删除的保管库”中，可以在那里恢复。",
		},
		Commands: []string{
			azCloudSet,
			`az keyvault list --query "[].properties.vaultUri" -o tsv`,
			`az keyvault list-deleted --query "[].name" -o tsv`,
			"nslookup {host}",
		},
	},
	{
		Slug: VaultUnreachable, Severity: Error, Check: CheckVault,
		Params: []string{ParamHost, ParamDetail, ParamProxy},
		Title: Text{
			EN: "The vault cannot be reached",
			ZH: "无法连接到保管库",
		},
		Meaning: Text{
			EN: "[[No HTTPS connection to {host} could be made: {detail}.||No HTTPS connection to {host} could be made.||No HTTPS connection to the vault could be made: {detail}.||No HTTPS connection to the vault could be made.]] A firewall, a network security group or the corporate network blocks outbound traffic to port 443, or this network reaches the internet only through a proxy.",
			ZH: "[[无法建立到 {host} 的 HTTPS 连接：{detail}。||无法建立到 {host} 的 HTTPS 连接。||无法建立到保管库的 HTTPS 连接：{detail}。||无法建立到保管库的 HTTPS 连接。]]防火墙、网络安全组或公司网络阻止了到端口 443 的出站流量，或者此网络只能通过代理服务器访问 Internet。",
		},
		Fix: Text{
			EN: "Allow outbound TCP 443 to [[{host}||the vault's host]] and to the sign-in host of the vault's cloud (see \"Access Azure Key Vault behind a firewall\"), or set HTTPS_PROXY to the proxy this network requires.",
			ZH: "请允许到[[ {host} ||保管库主机]]以及保管库所在云的登录主机的出站 TCP 443 流量（请参阅“在防火墙后面访问 Azure Key Vault”），或将 HTTPS_PROXY 设置为此网络要求使用的代理服务器。",
		},
		Commands: []string{
			"nslookup {host}",
			"curl -sv -o /dev/null https://{host}/",
		},
	},
	{
		Slug: ProxyProblem, Severity: Error, Check: CheckVault,
		Params: []string{ParamProxy, ParamHost, ParamDetail},
		Title: Text{
			EN: "The proxy did not open a connection",
			ZH: "代理服务器未能建立连接",
		},
		Meaning: Text{
			EN: "[[The proxy {proxy} did not open a tunnel to {host}||The proxy {proxy} did not open a tunnel to the vault||The proxy did not open a tunnel to {host}||The proxy did not open a tunnel to the vault]][[: {detail}]]. The proxy's address or port may be wrong, it may want credentials, or its rules may not allow a CONNECT to [[{host}||the vault's host]] on port 443.",
			ZH: "[[代理服务器 {proxy} 未能建立到 {host} 的隧道||代理服务器 {proxy} 未能建立到保管库的隧道||代理服务器未能建立到 {host} 的隧道||代理服务器未能建立到保管库的隧道]][[：{detail}]]。可能是代理服务器的地址或端口有误、需要凭据，或者其规则不允许对[[ {host} ||保管库主机]]的 443 端口执行 CONNECT。",
		},
		Fix: Text{
			EN: "Check HTTPS_PROXY (and HTTP_PROXY, NO_PROXY) against the proxy settings your network uses, and ask the proxy's administrators to allow [[{host}||the vault's host]] and the sign-in host of the vault's cloud. If the vault should be reached directly, add its host to NO_PROXY.",
			ZH: "请对照网络所用的代理设置检查 HTTPS_PROXY（以及 HTTP_PROXY、NO_PROXY），并请代理服务器管理员放行[[ {host} ||保管库主机]]和保管库所在云的登录主机。若应直接访问保管库，请将其主机添加到 NO_PROXY。",
		},
		Commands: []string{
			"env | grep -i _proxy",
			"curl -sv -o /dev/null --proxy {proxy} https://{host}/",
		},
	},
	{
		Slug: TLSUntrusted, Severity: Error, Check: CheckVault,
		Params: []string{ParamHost, ParamDetail, ParamProxy},
		Title: Text{
			EN: "The vault's TLS certificate is not trusted",
			ZH: "保管库的 TLS 证书不受信任",
		},
		Meaning: Text{
			EN: "The TLS certificate presented for [[{host}||the vault]] does not chain to a trusted root[[: {detail}]]. Usually a proxy or a security product inspects HTTPS and re-signs it with its own root certificate, which this machine (or the app's runtime) does not trust.",
			ZH: "为[[ {host} ||保管库]]提供的 TLS 证书无法链接到受信任的根证书[[：{detail}]]。这通常是因为代理服务器或安全产品检查 HTTPS 流量，并用其自己的根证书重新签名，而此计算机（或应用的运行时）不信任该根证书。",
		},
		Fix: Text{
			EN: "Add the inspecting proxy's root certificate to the trust store the app uses (Linux: /usr/local/share/ca-certificates and update-ca-certificates; Python: REQUESTS_CA_BUNDLE; Node.js: NODE_EXTRA_CA_CERTS; Java: keytool -importcert), or ask for the sign-in and vault hosts to be exempt from inspection. Do not turn certificate verification off.",
			ZH: "请将执行检查的代理服务器的根证书添加到应用所用的信任存储（Linux：/usr/local/share/ca-certificates 和 update-ca-certificates；Python：REQUESTS_CA_BUNDLE；Node.js：NODE_EXTRA_CA_CERTS；Java：keytool -importcert），或请求将登录主机和保管库主机排除在检查之外。不要关闭证书验证。",
		},
		Commands: []string{
			"openssl s_client -connect {host}:443 -servername {host} -showcerts </dev/null",
			"sudo cp proxy-root-ca.crt /usr/local/share/ca-certificates/ && sudo update-ca-certificates",
		},
	},
	{
		Slug: NotKeyVault, Severity: Error, Check: CheckVault,
		Params: []string{ParamHost, ParamDetail},
		Title: Text{
			EN: "Something other than Key Vault answered",
			ZH: "作出响应的不是 Key Vault",
		},
		Meaning: Text{
			EN: "The reply from [[{host}||the vault's host]] is not Key Vault's[[: {detail}]]. A captive portal, an intercepting proxy or a wrong DNS record answered in Key Vault's place.",
			ZH: "[[{host} ||保管库主机]]返回的响应不是来自 Key Vault[[：{detail}]]。代替 Key Vault 作出响应的可能是强制门户、拦截流量的代理服务器或错误的 DNS 记录。",
		},
		Fix: Text{
			EN: "Check what [[{host}||the vault's host]] resolves to: it must be a Microsoft address or your private endpoint's. Sign in to the network's captive portal if it has one, and ask the proxy's administrators to pass the vault host through unchanged.",
			ZH: "请检查[[ {host} ||保管库主机]]解析到的地址：它必须是 Microsoft 的地址或你的专用终结点的地址。若网络有强制门户，请先登录；并请代理服务器管理员让保管库主机的流量原样通过。",
		},
		Commands: []string{
			"nslookup {host}",
			"curl -sv -o /dev/null https://{host}/",
		},
	},
}
