package aferoadapter

import (
	"io/fs"

	"github.com/spf13/afero"
)

// The optional interfaces of afero: [Inject] returns a value that has
// each exactly when the file system it wraps has it, so that code testing
// for them (IOFS, FS, afero.Walk...) sees the same file system.
type (
	lstatPart    struct{ in *injectFs }
	linkPart     struct{ in *injectFs }
	readlinkPart struct{ in *injectFs }
)

// withInterfaces returns in with the optional interfaces of in.afs.
func (in *injectFs) withInterfaces() afero.Fs {
	_, l := in.afs.(afero.Lstater)
	_, s := in.afs.(afero.Linker)
	_, r := in.afs.(afero.LinkReader)
	lp, sp, rp := lstatPart{in}, linkPart{in}, readlinkPart{in}
	switch {
	case l && s && r:
		return &struct {
			*injectFs
			lstatPart
			linkPart
			readlinkPart
		}{in, lp, sp, rp}
	case l && s:
		return &struct {
			*injectFs
			lstatPart
			linkPart
		}{in, lp, sp}
	case l && r:
		return &struct {
			*injectFs
			lstatPart
			readlinkPart
		}{in, lp, rp}
	case s && r:
		return &struct {
			*injectFs
			linkPart
			readlinkPart
		}{in, sp, rp}
	case l:
		return &struct {
			*injectFs
			lstatPart
		}{in, lp}
	case s:
		return &struct {
			*injectFs
			linkPart
		}{in, sp}
	case r:
		return &struct {
			*injectFs
			readlinkPart
		}{in, rp}
	}
	return in
}

// LstatIfPossible describes name without following a final link.
func (p lstatPart) LstatIfPossible(name string) (fs.FileInfo, bool, error) {
	if err := p.in.check(&call{op: opLstat, name: name, errOp: "lstat"}); err != nil {
		return nil, true, err
	}
	return p.in.afs.(afero.Lstater).LstatIfPossible(name)
}

// SymlinkIfPossible creates newname as a link to oldname.
func (p linkPart) SymlinkIfPossible(oldname, newname string) error {
	c := &call{op: opSymlink, name: newname, errOp: "symlink", link: true, old: oldname, new: newname}
	if err := p.in.check(c); err != nil {
		return err
	}
	return p.in.afs.(afero.Linker).SymlinkIfPossible(oldname, newname)
}

// ReadlinkIfPossible returns the target of the link name.
func (p readlinkPart) ReadlinkIfPossible(name string) (string, error) {
	if err := p.in.check(&call{op: opReadlink, name: name, errOp: "readlink"}); err != nil {
		return "", err
	}
	return p.in.afs.(afero.LinkReader).ReadlinkIfPossible(name)
}
