//go:build linux

package aferoadapter_test

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
)

// A diff program is text, one operation a line: "open d/ wronly|create|excl
// 0644". FuzzMemFsDiff's corpus is readable and a failure prints the
// program it ran. Every line means something: an unknown operation or
// argument is hashed onto a known one, so that the fuzzer's byte mutations
// still make programs.

// diffStep is one line of a program.
type diffStep struct {
	op   string
	args []string
}

// String prints s as a program line, quoting an argument that is empty,
// starts with a quote or holds bytes other than printable ASCII, so that
// it reads back as it is.
func (s diffStep) String() string {
	line := s.op
	for _, a := range s.args {
		if a == "" || strings.HasPrefix(a, `"`) || strings.IndexFunc(a, func(r rune) bool { return r <= ' ' || r > '~' }) >= 0 {
			a = strings.ReplaceAll(strconv.Quote(a), " ", `\x20`)
		}
		line += " " + a
	}
	return line
}

// diffOps lists the operations with the kinds of their arguments: n a name,
// t a symlink target, h a handle slot (h0..h3), f open flags, m a mode, i a
// number, w a whence.
var diffOps = []struct{ op, args string }{
	{"mkdir", "nm"}, {"mkdirall", "nm"}, {"create", "hn"}, {"open", "hnfm"}, {"writefile", "ni"},
	{"write", "hi"}, {"writeat", "hii"}, {"read", "hi"}, {"readat", "hii"}, {"seek", "hiw"},
	{"truncate", "hi"}, {"readdir", "hi"}, {"readdirnames", "hi"}, {"fstat", "h"}, {"close", "h"},
	{"sync", "h"}, {"rename", "nn"}, {"remove", "n"}, {"removeall", "n"}, {"symlink", "tn"},
	{"readlink", "n"}, {"chmod", "nm"}, {"chtimes", "n"}, {"lstat", "n"}, {"stat", "n"},
}

func diffOpIndex(op string) int {
	for i, o := range diffOps {
		if o.op == op {
			return i
		}
	}
	return int(hash(op) % uint64(len(diffOps)))
}

func hash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// Program lengths: a shorter program gets a random tail, derived from its
// text, up to diffMinOps..diffMaxOps operations; a longer one is cut.
const (
	diffMinOps = 20
	diffMaxOps = 30
)

// parseDiffProgram turns text into steps with known operations, a tail
// added to reach diffMinOps.
func parseDiffProgram(text string) []diffStep {
	var steps []diffStep
	for _, line := range strings.Split(text, "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		for i, f := range fields {
			// A Go string literal spells a token with bytes Fields
			// would split on or that do not print: "" is empty.
			if u, err := strconv.Unquote(f); err == nil && strings.HasPrefix(f, `"`) {
				fields[i] = u
			}
		}
		steps = append(steps, diffStep{op: diffOps[diffOpIndex(fields[0])].op, args: fields[1:]})
		if len(steps) == diffMaxOps {
			return steps
		}
	}
	if len(steps) < diffMinOps {
		rng := rand.New(rand.NewPCG(hash(text), uint64(len(text))))
		want := diffMinOps + rng.IntN(diffMaxOps-diffMinOps+1)
		for len(steps) < want {
			steps = append(steps, randomDiffStep(rng))
		}
	}
	return steps
}

// Names of random steps: few components, so that steps meet.
var diffComponents = []string{"a", "b", "d", "f", "l", "x", ".", ".."}

func randomName(rng *rand.Rand) string {
	parts := make([]string, 1+rng.IntN(3))
	for i := range parts {
		parts[i] = diffComponents[rng.IntN(len(diffComponents))]
		if parts[i] == ".." && rng.IntN(2) == 0 {
			parts[i] = diffComponents[rng.IntN(6)]
		}
	}
	name := strings.Join(parts, "/")
	if rng.IntN(6) == 0 {
		name += "/"
	}
	return name
}

// diffNumbers are the numbers random steps use: small, around a page,
// negative, and large enough to overflow an offset.
var diffNumbers = []int64{0, 1, 2, 3, 5, 8, 100, 4095, 4096, 4097, 65536, -1, -4096,
	math.MinInt64, math.MaxInt64, math.MaxInt64 - 1, 1 << 40}

var diffFlags = []string{"rdonly", "wronly", "rdwr", "rdwr|create", "wronly|create|excl", "rdwr|create|trunc",
	"wronly|append", "rdwr|create|append", "rdonly|trunc", "wronly|trunc", "rdwr|excl", "rdonly|create|excl|sync"}

var diffModes = []string{"0644", "0755", "0600", "0700", "0400", "0500", "0200", "0300", "0000", "0111", "0666", "0777"}

func randomDiffStep(rng *rand.Rand) diffStep {
	o := diffOps[rng.IntN(len(diffOps))]
	s := diffStep{op: o.op}
	for _, kind := range o.args {
		var arg string
		switch kind {
		case 'n':
			arg = randomName(rng)
		case 't':
			arg = randomName(rng)
			if rng.IntN(4) == 0 {
				arg = strings.TrimPrefix(arg+"/../x", "/")
			}
		case 'h':
			arg = "h" + strconv.Itoa(rng.IntN(4))
		case 'f':
			arg = diffFlags[rng.IntN(len(diffFlags))]
		case 'm':
			arg = diffModes[rng.IntN(len(diffModes))]
		case 'i':
			arg = strconv.FormatInt(diffNumbers[rng.IntN(len(diffNumbers))], 10)
		case 'w':
			arg = strconv.Itoa(rng.IntN(6))
		}
		s.args = append(s.args, arg)
	}
	if s.op == "rename" && rng.IntN(4) == 0 {
		// A directory into itself, or below itself.
		s.args[1] = strings.TrimSuffix(s.args[0], "/") + "/" + randomName(rng)
	}
	return s
}

// arg returns argument i as given, or "" when there is none.
func (s diffStep) arg(i int) string {
	if i < len(s.args) {
		return s.args[i]
	}
	return ""
}

// name returns argument i as a name.
func (s diffStep) name(i int) string { return s.arg(i) }

func (s diffStep) slot(i int) int {
	a := s.arg(i)
	if len(a) == 2 && a[0] == 'h' && a[1] >= '0' && a[1] <= '3' {
		return int(a[1] - '0')
	}
	return int(hash(a) % 4)
}

func (s diffStep) number(i int) int64 {
	a := s.arg(i)
	if n, err := strconv.ParseInt(a, 0, 64); err == nil {
		return n
	}
	if a == "" {
		return 0
	}
	return diffNumbers[hash(a)%uint64(len(diffNumbers))]
}

func (s diffStep) mode(i int) uint32 {
	a := s.arg(i)
	if n, err := strconv.ParseUint(a, 8, 32); err == nil {
		return uint32(n) & 0o777
	}
	if a == "" {
		return 0o755
	}
	m, _ := strconv.ParseUint(diffModes[hash(a)%uint64(len(diffModes))], 8, 32)
	return uint32(m)
}

// flags turns "rdwr|create" into os flags; an unknown word is hashed onto
// one of them. Write-only and read-write together are read-write.
func (s diffStep) flags(i int) int {
	flag := 0
	for _, word := range strings.Split(s.arg(i), "|") {
		names := []string{"rdonly", "wronly", "rdwr", "append", "create", "excl", "sync", "trunc"}
		bits := []int{os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.O_APPEND, os.O_CREATE, os.O_EXCL, os.O_SYNC, os.O_TRUNC}
		j := 0
		for j < len(names) && names[j] != word {
			j++
		}
		if j == len(names) {
			j = int(hash(word) % uint64(len(names)))
		}
		flag |= bits[j]
	}
	if flag&os.O_WRONLY != 0 && flag&os.O_RDWR != 0 {
		flag &^= os.O_WRONLY
	}
	return flag
}
