package report

import "testing"

func TestMarkdownEscaping(t *testing.T) {
	tests := []struct {
		name string
		fn   func(string) string
		in   string
		want string
	}{
		{name: "placeholder stays visible", fn: mdText, in: "--spn <clientId>", want: `--spn \<clientId>`},
		{name: "variable names stay plain", fn: mdText, in: "set AZURE_CLIENT_ID", want: "set AZURE_CLIENT_ID"},
		{name: "emphasis escaped", fn: mdText, in: "*.vault.azure.cn and _x_", want: `\*.vault.azure.cn and \_x\_`},
		{name: "quote start escaped", fn: mdText, in: "> a > b", want: `\> a > b`},
		{name: "code spans kept", fn: mdText, in: "run `az login <x>` then <y>", want: "run `az login <x>` then \\<y>"},
		{name: "odd backtick escaped", fn: mdText, in: "a ` b", want: "a \\` b"},
		{name: "heading start escaped", fn: mdText, in: "#1", want: `\#1`},
		{name: "links escaped", fn: mdText, in: "[x](y)", want: `\[x\](y)`},
		{name: "pipe in cell", fn: mdCell, in: "a|b", want: `a\|b`},
		{name: "line break in cell", fn: mdCell, in: "a\r\nb", want: "a<br>b"},
		{name: "pipe in code cell", fn: codeCell, in: "a|b", want: "`a\\|b`"},
		{name: "lines in code cell", fn: codeCell, in: "a\nb", want: "`a`<br>`b`"},
		{name: "backtick in code", fn: mdCode, in: "a`b", want: "``a`b``"},
		{name: "empty code", fn: mdCode, in: "", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := tt.fn(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFenceOutgrowsContent(t *testing.T) {
	t.Parallel()
	got := mdFence("text", []string{"a ``` b"})
	want := "````text\na ``` b\n````\n"
	if got != want {
		t.Errorf("mdFence = %q, want %q", got, want)
	}
}
