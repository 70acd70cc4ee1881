package aferoadapter_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"

	"github.com/spf13/afero"

	"github.com/tmpkit/tmpkit/aferoadapter"
)

func ExampleInject() {
	afs := aferoadapter.NewMemFs()
	afero.WriteFile(afs, "/data.bin", []byte("payload"), 0o644)

	// Reads of data.bin fail as a dying disk fails them.
	faulty := aferoadapter.Inject(afs, aferoadapter.FailOn("read", "data.bin", syscall.EIO))
	_, err := afero.ReadFile(faulty, "/data.bin")
	fmt.Println(err)
	fmt.Println(errors.Is(err, syscall.EIO))

	// Without faults, Inject is afs; it keeps afs's optional interfaces.
	_, links := aferoadapter.Inject(afs).(afero.Symlinker)
	fmt.Println(links)
	// Output:
	// read /data.bin: input/output error
	// true
	// true
}

func ExampleFault() {
	afs := aferoadapter.NewMemFs()
	afs.Mkdir("/etc", 0o755)
	// Faults apply in order; the first that fires wins, and the ones after
	// it do not see the call.
	faulty := aferoadapter.Inject(afs,
		aferoadapter.ReadOnly("/etc"),
		aferoadapter.FailOn("mkdir", "**", syscall.EACCES).Times(1),
	)
	fmt.Println(faulty.Mkdir("/etc/app", 0o755))
	fmt.Println(faulty.Mkdir("/var", 0o755))
	fmt.Println(faulty.Mkdir("/var", 0o755)) // Times(1) is spent
	// Output:
	// mkdir /etc/app: read-only file system
	// mkdir /var: permission denied
	// <nil>
}

func ExampleFailOn() {
	afs := aferoadapter.NewMemFs()
	afs.MkdirAll("/logs/old", 0o755)
	faulty := aferoadapter.Inject(afs, aferoadapter.FailOn("remove", "logs/old/**", syscall.EBUSY))

	// The error has the OS's shape: RemoveAll's says "unlinkat", as os
	// does on Linux.
	fmt.Println(faulty.Remove("/logs/old"))
	fmt.Println(faulty.RemoveAll("/logs"))
	var pe *fs.PathError
	fmt.Println(errors.As(faulty.Remove("/logs/old/x"), &pe), pe.Op, pe.Path)
	// Output:
	// remove /logs/old: device or resource busy
	// unlinkat /logs/old: device or resource busy
	// true remove /logs/old/x
}

func ExampleDiskFull() {
	afs := aferoadapter.Inject(aferoadapter.NewMemFs(), aferoadapter.DiskFull(8))
	f, _ := afs.Create("/f")
	n, err := f.Write([]byte("0123456789"))
	fmt.Println(n, err) // what fits, and ENOSPC, as write(2)
	n, err = f.WriteAt([]byte("ab"), 0)
	fmt.Println(n, err) // in place: no space needed
	f.Close()

	afs.Remove("/f") // frees the 8 bytes
	fmt.Println(afero.WriteFile(afs, "/g", []byte("8 bytes!"), 0o644))
	// Output:
	// 8 write /f: no space left on device
	// 2 <nil>
	// <nil>
}

func ExampleReadOnly() {
	afs := aferoadapter.NewMemFs()
	afero.WriteFile(afs, "/config.yaml", []byte("a: 1\n"), 0o644)
	ro := aferoadapter.Inject(afs, aferoadapter.ReadOnly(""))

	_, err := ro.OpenFile("/config.yaml", os.O_WRONLY|os.O_TRUNC, 0)
	fmt.Println(err)
	fmt.Println(ro.Chmod("/missing", 0o600)) // Linux checks the name first
	b, err := afero.ReadFile(ro, "/config.yaml")
	fmt.Printf("%q %v\n", b, err)
	// Output:
	// open /config.yaml: read-only file system
	// chmod /missing: no such file or directory
	// "a: 1\n" <nil>
}

func ExampleCrossDevice() {
	afs := aferoadapter.NewMemFs()
	afs.MkdirAll("/tmp", 0o755)
	afs.MkdirAll("/home", 0o755)
	afero.WriteFile(afs, "/tmp/download", nil, 0o644)
	mounted := aferoadapter.Inject(afs, aferoadapter.CrossDevice("tmp"))

	err := mounted.Rename("/tmp/download", "/home/download")
	fmt.Println(err)
	var le *os.LinkError
	fmt.Println(errors.As(err, &le), errors.Is(err, syscall.EXDEV))
	fmt.Println(mounted.Rename("/tmp/download", "/tmp/kept"))
	// Output:
	// rename /tmp/download /home/download: invalid cross-device link
	// true true
	// <nil>
}

func ExampleMaxOpenFiles() {
	afs := aferoadapter.NewMemFs()
	afero.WriteFile(afs, "/f", nil, 0o644)
	limited := aferoadapter.Inject(afs, aferoadapter.MaxOpenFiles(1))

	f, err := limited.Open("/f")
	fmt.Println(err)
	_, err = limited.Open("/f")
	fmt.Println(err)
	f.Close()
	_, err = limited.Open("/f")
	fmt.Println(err)
	// Output:
	// <nil>
	// open /f: too many open files
	// <nil>
}

func ExampleFault_After() {
	afs := aferoadapter.NewMemFs()
	f, _ := aferoadapter.Inject(afs, aferoadapter.FailOn("write", "**", syscall.EIO).After(2)).Create("/log")
	for _, line := range []string{"one\n", "two\n", "three\n"} {
		_, err := f.WriteString(line)
		fmt.Println(err)
	}
	// Output:
	// <nil>
	// <nil>
	// write /log: input/output error
}

func ExampleFault_Times() {
	// A flaky disk: the first two syncs fail, then it recovers.
	afs := aferoadapter.NewMemFs()
	f, _ := aferoadapter.Inject(afs, aferoadapter.FailOn("sync", "**", syscall.EIO).Times(2)).Create("/db")
	for range 3 {
		fmt.Println(f.Sync())
	}
	// Output:
	// sync /db: input/output error
	// sync /db: input/output error
	// <nil>
}

func ExampleFault_String() {
	fmt.Println(aferoadapter.DiskFull(1 << 20).After(3))
	fmt.Println(aferoadapter.FailOn("open", "**/*.lock", syscall.EAGAIN))
	// Output:
	// DiskFull(1048576).After(3)
	// FailOn("open", "**/*.lock", resource temporarily unavailable)
}
