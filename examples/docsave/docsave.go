// Package docsave saves a document to a file, in the two ways found in
// the wild: [SaveNaive] writes a temporary file and renames it over the
// document, the atomic replace that a power loss still turns into an
// empty document; [Save] also syncs the file before the rename and the
// directory after it, and survives a power loss at any point.
//
// Its tests show the difference with aferoadapter.CrashTest, which
// checks the state a power loss could leave after every change the save
// makes, and test a full disk with aferoadapter.Inject.
package docsave

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/afero"
)

// Save replaces the document name on fsys with doc, so that whatever
// happens, name holds the old document or the new one, whole: it writes
// doc to a temporary file beside name, syncs it, renames it over name and
// syncs the directory, which makes the rename durable. If any step fails,
// the temporary file is removed and name is left as it was; the error
// names the document and wraps the file system's, so errors.Is(err,
// syscall.ENOSPC) tells a full disk.
func Save(fsys afero.Fs, name string, doc []byte) error {
	return save(fsys, name, doc, true)
}

// SaveNaive replaces name with doc the way that loses documents: it
// writes a temporary file and renames it over name, without Sync. The
// rename is atomic, so a crash of the process leaves the old or the new
// document; a power loss can leave the rename done and the data not, an
// empty document.
func SaveNaive(fsys afero.Fs, name string, doc []byte) error {
	return save(fsys, name, doc, false)
}

func save(fsys afero.Fs, name string, doc []byte, durable bool) error {
	if err := replace(fsys, name, doc, durable); err != nil {
		return fmt.Errorf("docsave: save %s: %w", name, err)
	}
	return nil
}

// replace writes doc to name's temporary file, then renames it over name;
// durable syncs the file first and the directory last.
func replace(fsys afero.Fs, name string, doc []byte, durable bool) (err error) {
	dir, base := filepath.Split(name)
	tmp := filepath.Join(dir, "."+base+".tmp")
	f, err := fsys.Create(tmp)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			fsys.Remove(tmp)
		}
	}()
	_, err = f.Write(doc)
	if err == nil && durable {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := fsys.Rename(tmp, name); err != nil {
		return err
	}
	if durable {
		return syncDir(fsys, filepath.Clean(dir))
	}
	return nil
}

// syncDir syncs the directory dir, making the changes of its entries
// durable.
func syncDir(fsys afero.Fs, dir string) error {
	d, err := fsys.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}
