package report

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/kvdoctor/kvdoctor/checks"
)

// CheckPath says whether a report can be written to path: its directory
// must exist and be a directory, and path must not be a directory. The
// command line asks before a run, so a bad path costs no diagnosis.
func CheckPath(path string) error {
	dir := filepath.Dir(path)
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("write report %s: directory %s does not exist; create it or choose another path", path, dir)
	case err != nil:
		return fmt.Errorf("write report %s: %w", path, err)
	case !info.IsDir():
		return fmt.Errorf("write report %s: %s is a file, not a directory", path, dir)
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return fmt.Errorf("write report %s: it is a directory", path)
	}
	return nil
}

// WriteFile writes r to path in format f. It writes a temporary file in the
// same directory and renames it into place, so a reader never sees half a
// report and a failure leaves nothing behind. A missing directory, or one
// that is a regular file, is an error that says so.
func WriteFile(path string, f Format, r checks.Report, opt Options) error {
	if err := CheckPath(path); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	var b bytes.Buffer
	if err := Write(&b, f, r, opt); err != nil {
		return fmt.Errorf("write report %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write report %s: %w", path, err)
	}
	if err := finish(tmp, b.Bytes(), path); err != nil {
		_ = os.Remove(tmp.Name())
		return fmt.Errorf("write report %s: %w", path, err)
	}
	return nil
}

// finish writes data to the temporary file, closes it and renames it to path.
func finish(tmp *os.File, data []byte, path string) error {
	if _, err := tmp.Write(data); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
