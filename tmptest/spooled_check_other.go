//go:build !linux

package tmptest

import "unicode/utf8"

// nameMax is the longest name most file systems take: 255 (NAME_MAX).
// Without Linux's statfs there is no portable way to ask the file system.
func nameMax(dir string) int { return 255 }

// nameUnits counts characters, not bytes: where the limit is not known
// exactly (255 UTF-16 units on HFS+ and NTFS, 255 bytes on UFS), counting
// the smallest unit never refuses a name the file system would take; a
// name it lets through that is still too long fails at the move, as
// before.
func nameUnits(s string) int { return utf8.RuneCountInString(s) }
