package review

import (
	"errors"

	"github.com/tmpkit/tmpkit/internal/pending"
)

// UpdateWriter writes goldens in a module as golden's update mode does.
type UpdateWriter struct {
	Module pending.Module
	Force  bool // allow emptying a golden
	DryRun bool // only say what would be written
}

// WriteFile writes a golden file. Not yet: it waits for internal/goldenwrite.
func (u UpdateWriter) WriteFile(g *Golden, content []byte) (string, error) {
	return "", errors.New("refused " + g.Record.Path + ": writing goldens waits for internal/goldenwrite")
}

// WriteTree writes a golden tree. Not yet: it waits for internal/goldenwrite.
func (u UpdateWriter) WriteTree(g *Golden, entries []pending.Entry) (string, error) {
	return "", errors.New("refused " + g.Record.Path + ": writing goldens waits for internal/goldenwrite")
}
