package pending

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Find returns the records in the files named "*"+[Ext] anywhere below
// root (root itself may be a record file), in the order of their file
// paths, each with From set. It follows no symlink. A record file that
// cannot be read or decoded does not stop it: the error it returns with
// the records names each such file and says what is wrong with it.
func Find(root string) ([]Record, error) {
	var records []Record
	var errs []error
	walkErr := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			errs = append(errs, fmt.Errorf("pending: %s: %w", p, bare(err)))
			return nil
		}
		if !d.Type().IsRegular() || !strings.HasSuffix(d.Name(), Ext) || strings.HasPrefix(d.Name(), tmpPrefix) {
			return nil
		}
		data, err := os.ReadFile(p)
		if err == nil {
			var r Record
			if r, err = Decode(data); err == nil {
				r.From = p
				records = append(records, r)
				return nil
			}
		}
		errs = append(errs, fmt.Errorf("pending: %s: %w", p, bare(err)))
		return nil
	})
	if walkErr != nil {
		return nil, fmt.Errorf("pending: read records below %q: %w", root, bare(walkErr))
	}
	return records, errors.Join(errs...)
}
