// Package report turns a checks.Report into bytes: a flutter-doctor style
// text summary for the terminal, Markdown for support tickets, and JSON that
// is both a contract for scripts and the input of `kvdoctor render`. Each
// writer reads only the model and the catalogue; none calls Azure or reads
// the environment. Every fixed string exists in English and Chinese.
package report
