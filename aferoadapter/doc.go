// Package aferoadapter runs tmpkit's helpers on [afero] file systems and
// gives afero a memory file system that behaves like a disk.
//
// [NewMemFs] returns an in-memory [afero.Fs] with a Linux disk's semantics,
// where afero's MemMapFs invents parents, turns files into directories,
// loses entries on rename, has no symlinks and panics on negative offsets.
// [FS] and [IOFS] adapt any afero.Fs to fixture's writable [fixture.FS] and
// to a read-only [fs.FS]; [NewRootFs] adapts an [*os.Root] the other way.
// [New], [TempDir] and [TempFile] are the test helpers.
//
// # What NewMemFs guarantees
//
// Every operation has the outcome and the error of package os on a Linux
// disk, as the conformance suite in package [aferotest] checks on both:
//
//   - Errors are *fs.PathError (*os.LinkError for Rename and Symlink)
//     wrapping the errno Linux gives: ENOENT, EEXIST, ENOTDIR, EISDIR,
//     ENOTEMPTY, EINVAL, ELOOP, EBADF, EACCES, ENAMETOOLONG... so both
//     errors.Is(err, fs.ErrNotExist) and os.IsNotExist(err) hold, and the
//     error names the path as the caller gave it.
//   - One namespace rooted at "/": "x", "/x" and "./x" are one file. Names
//     are resolved component by component, never cleaned first: ".." is
//     physical, "f/" and "f/." are ENOTDIR for a file, "" is ENOENT.
//   - Parents are never invented: a missing parent is ENOENT, a file parent
//     ENOTDIR; Mkdir is not MkdirAll; Create of a directory is EISDIR;
//     Remove of a non-empty directory is ENOTEMPTY; Rename follows
//     os.Rename (an existing directory as the destination is EEXIST, a
//     directory into itself EINVAL).
//   - Symbolic links ([afero.Symlinker]): targets are stored verbatim and
//     resolved at use, relative to the link's directory; links are followed
//     in the middle of names and, for Open, Stat, Chmod and Chtimes, at the
//     end; more than 40 links is ELOOP; O_CREATE through a dangling link
//     creates its target, O_CREATE|O_EXCL on any link is EEXIST.
//   - Files are inodes: an open handle keeps working after its file is
//     renamed or removed. Handles are safe for concurrent use, like
//     *os.File. Read at the end and a short ReadAt return io.EOF; O_APPEND
//     appends on every Write; a negative Seek, ReadAt, WriteAt or Truncate
//     is an error, never a panic; Close twice, and any use after Close,
//     fail with an error wrapping fs.ErrClosed.
//   - Permission bits bind, for the owner's bits: NewMemFs acts as an
//     unprivileged user owning every file, so a 0400 file cannot be opened
//     for writing (EACCES) even when the tests run as root. New files and
//     directories get their mode minus a fixed umask of 022.
//   - Modification times change when a file is written or truncated and
//     when a directory gains or loses an entry; Chtimes sets them exactly.
//   - Readdir and Readdirnames return names sorted (a disk returns its own
//     order, which no caller may rely on; sorted is one such order and it is
//     deterministic). The names are taken at the first call; Seek(0, 0)
//     starts the listing again.
//
// # What only a disk shows
//
// Some behaviour needs a real kernel object: FileInfo.Sys() is nil (no
// inode number, link count, owner or access time), so os.SameFile never
// matches; there are no hard links, devices, sockets or FIFOs; Chown
// records numbers that nothing checks; there is no root user who ignores
// permission bits, no disk-full (ENOSPC) or open-file limit ([Inject] adds
// them); files are limited to 1 GiB (EFBIG) where a disk stores sparse
// files; names are case-sensitive as on Linux, not as on macOS or Windows.
//
// # Faults and crashes
//
// [Inject] makes any afero.Fs fail on cue, with the errors of the OS:
// [FailOn] any errno on any call, [DiskFull] (ENOSPC with short writes),
// [ReadOnly] (EROFS), [CrossDevice] (EXDEV), [MaxOpenFiles] (EMFILE); the
// tests compare each with the real thing on Linux (a read-only and a full
// tmpfs, a mount point, RLIMIT_NOFILE).
//
// [CrashTest] checks every state a power loss could leave while code
// runs. Its durability model, described there, is the one the OSDI 2014
// study of crash consistency found in POSIX file systems (T. S. Pillai
// et al., "All File Systems Are Not Created Equal: On the Complexity of
// Crafting Crash-Consistent Applications") and LazyFS simulates (M. Ramos
// et al., "When Amnesia Strikes: Understanding and Reproducing Data Loss
// Bugs with Fault Injection", PVLDB 17(11), 2024): file data is durable
// once the file is Synced, a directory entry once its directory is.
package aferoadapter
