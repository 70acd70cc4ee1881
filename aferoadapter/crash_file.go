package aferoadapter

// crashFile is a handle of the file system of [CrashTest]: its writes,
// truncations and Syncs are logged; every other call is the memory
// file's own.
type crashFile struct {
	*memFile
	fs *crashFs
}

// Write logs the bytes it wrote, where they went.
func (f *crashFile) Write(b []byte) (int, error) {
	return f.wrote(func() (int, error) { return f.memFile.Write(b) }, b, -1)
}

// WriteAt logs the bytes it wrote at off.
func (f *crashFile) WriteAt(b []byte, off int64) (int, error) {
	return f.wrote(func() (int, error) { return f.memFile.WriteAt(b, off) }, b, off)
}

// WriteString is Write of s.
func (f *crashFile) WriteString(s string) (int, error) { return f.Write([]byte(s)) }

// wrote runs write and logs what it wrote of b, at off, or at the offset
// it left (minus what it wrote) when off is negative.
func (f *crashFile) wrote(write func() (int, error), b []byte, off int64) (int, error) {
	log := f.fs.log
	log.mu.Lock()
	defer log.mu.Unlock()
	n, err := write()
	if n == 0 {
		return n, err
	}
	if off < 0 {
		f.mu.Lock()
		off = f.off - int64(n)
		f.mu.Unlock()
	}
	log.edit("write", f.name, f.node, edit{
		kind: editWrite, off: off, data: append([]byte(nil), b[:n]...), modTime: f.fs.modTime(f.node),
	})
	return n, err
}

// Truncate logs the size it set.
func (f *crashFile) Truncate(size int64) error {
	log := f.fs.log
	log.mu.Lock()
	defer log.mu.Unlock()
	if err := f.memFile.Truncate(size); err != nil {
		return err
	}
	log.edit("truncate", f.name, f.node, edit{kind: editTruncate, off: size, modTime: f.fs.modTime(f.node)})
	return nil
}

// Sync makes the file's data durable; on a directory, the changes of its
// entries too.
func (f *crashFile) Sync() error {
	log := f.fs.log
	log.mu.Lock()
	defer log.mu.Unlock()
	if err := f.memFile.Sync(); err != nil {
		return err
	}
	log.synced(f.node)
	return nil
}
