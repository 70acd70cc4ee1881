package aferotest

import "slices"

// checks is the suite, in the order results are reported.
var checks = slices.Concat(
	createChecks,
	nameChecks,
	dirChecks,
	renameChecks,
	linkChecks,
	metaChecks,
	ioChecks,
	errnoChecks,
	concurrentChecks,
	stressChecks,
	permChecks,
)
