package configloader_test

import (
	"fmt"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
	"github.com/tmpkit/tmpkit/examples/configloader"
)

func ExampleLoader_Load() {
	afs := aferoadapter.NewMemFs()
	afs.MkdirAll("/etc/app/versions", 0o755)
	afero.WriteFile(afs, "/etc/app/config.conf", []byte("include current.conf\nname = app\n"), 0o644)
	afero.WriteFile(afs, "/etc/app/versions/v2.conf", []byte("version = 2\n"), 0o644)
	afs.(afero.Linker).SymlinkIfPossible("versions/v2.conf", "/etc/app/current.conf")

	c, err := configloader.Loader{Fs: afs, Layers: []string{"/etc/app", "/missing"}}.Load()
	fmt.Println(c.Values, err)
	fmt.Println(c.Source["version"])
	// Output:
	// map[name:app version:2] <nil>
	// /etc/app/current.conf:1
}

func ExampleLoader_Save() {
	afs := aferoadapter.NewMemFs()
	l := configloader.Loader{Fs: afs, Layers: []string{"/etc/app", "/work/project"}}
	fmt.Println(l.Save(map[string]string{"debug": "true"}))

	afs.MkdirAll("/work/project", 0o755)
	fmt.Println(l.Save(map[string]string{"debug": "true"}))
	b, _ := afero.ReadFile(afs, "/work/project/config.conf")
	fmt.Printf("%q\n", b)
	// Output:
	// configloader: save: open /work/project/.config.conf.new: no such file or directory
	// <nil>
	// "debug = true\n"
}
