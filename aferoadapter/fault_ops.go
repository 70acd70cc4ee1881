package aferoadapter

import (
	"maps"
	"slices"
)

// opSet is a set of the calls a fault can fire on, one bit per op name of
// [FailOn].
type opSet uint32

const (
	opOpen opSet = 1 << iota
	opRead
	opWrite
	opSeek
	opSync
	opClose
	opTruncate
	opStat
	opLstat
	opReaddir
	opMkdir
	opRemove
	opRename
	opChmod
	opChown
	opChtimes
	opSymlink
	opReadlink
)

// opNames maps the op names [FailOn] accepts to their calls. "readdirent"
// and "unlinkat" are the names os gives the errors of Readdir and
// RemoveAll; "readdir" and "remove" are the names users look for.
var opNames = map[string]opSet{
	"open":       opOpen,
	"read":       opRead,
	"write":      opWrite,
	"seek":       opSeek,
	"sync":       opSync,
	"close":      opClose,
	"truncate":   opTruncate,
	"stat":       opStat,
	"lstat":      opLstat,
	"readdir":    opReaddir,
	"readdirent": opReaddir,
	"mkdir":      opMkdir,
	"remove":     opRemove,
	"unlinkat":   opRemove,
	"rename":     opRename,
	"chmod":      opChmod,
	"chown":      opChown,
	"chtimes":    opChtimes,
	"symlink":    opSymlink,
	"readlink":   opReadlink,
}

func sortedOpNames() []string { return slices.Sorted(maps.Keys(opNames)) }

// changeOps are the calls that change a file system: what [ReadOnly]
// refuses. An open counts only when it writes, truncates or creates.
const changeOps = opOpen | opWrite | opTruncate | opMkdir | opRemove | opRename |
	opChmod | opChown | opChtimes | opSymlink

// spaceOps are the calls that take or free space, which [DiskFull]
// accounts for.
const spaceOps = opOpen | opWrite | opTruncate | opRemove | opRename
