// Package configloader reads an application's configuration from layered
// files on an [afero.Fs]: the kind of code that is tested in memory and
// then fails on a real disk when the memory file system is not faithful.
// Its tests run one table of cases, with one fixture.Tree each, on
// aferoadapter.NewMemFs and on the disk.
//
// Each layer is a directory, lowest priority first (for example /etc/app,
// then the user's, then the project's). In each layer the loader reads
// config.conf, then every conf.d/*.conf in name order. A later value of a
// key replaces an earlier one. Lines are "key = value", "# comment",
// blank, or "include <file>", which reads another file, named relative to
// the including file's directory, where it stands (a symlink such as
// current.conf -> versions/v2.conf is the usual way to switch versions).
package configloader

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/spf13/afero"
)

// maxIncludeDepth bounds nested includes, which also stops include cycles.
const maxIncludeDepth = 8

// Config is a loaded configuration.
type Config struct {
	Values map[string]string // key -> value
	Source map[string]string // key -> "file:line" of the value that won
}

// Loader reads layered configuration from Fs.
type Loader struct {
	Fs     afero.Fs
	Layers []string // directories, lowest priority first
}

// Load reads every layer. A missing layer, config.conf or conf.d is
// skipped; any other problem is an error naming the file (and line).
func (l Loader) Load() (Config, error) {
	c := Config{Values: map[string]string{}, Source: map[string]string{}}
	for _, layer := range l.Layers {
		if err := l.readFile(&c, path.Join(layer, "config.conf"), 0, true); err != nil {
			return Config{}, err
		}
		names, err := l.confD(path.Join(layer, "conf.d"))
		if err != nil {
			return Config{}, err
		}
		for _, name := range names {
			if err := l.readFile(&c, name, 0, false); err != nil {
				return Config{}, err
			}
		}
	}
	return c, nil
}

// confD returns the .conf files of dir, sorted: a directory lists its
// entries in no particular order on a disk.
func (l Loader) confD(dir string) ([]string, error) {
	d, err := l.Fs.Open(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("configloader: %w", err)
	}
	defer d.Close()
	names, err := d.Readdirnames(-1)
	if err != nil {
		return nil, fmt.Errorf("configloader: %w", err)
	}
	slices.Sort(names)
	var files []string
	for _, name := range names {
		if strings.HasSuffix(name, ".conf") {
			files = append(files, path.Join(dir, name))
		}
	}
	return files, nil
}

// readFile reads one file into c; optional files may be missing.
func (l Loader) readFile(c *Config, name string, depth int, optional bool) error {
	data, err := afero.ReadFile(l.Fs, name)
	if optional && errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("configloader: %w", err)
	}
	for i, line := range strings.Split(string(data), "\n") {
		at := fmt.Sprintf("%s:%d", name, i+1)
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "include "):
			if depth == maxIncludeDepth {
				return fmt.Errorf("configloader: %s: includes nested deeper than %d (an include cycle?)", at, maxIncludeDepth)
			}
			included := path.Join(path.Dir(name), strings.TrimSpace(strings.TrimPrefix(line, "include ")))
			if err := l.readFile(c, included, depth+1, false); err != nil {
				return fmt.Errorf("%w\n\tincluded from %s", err, at)
			}
		default:
			key, value, ok := strings.Cut(line, "=")
			if !ok || strings.TrimSpace(key) == "" {
				return fmt.Errorf("configloader: %s: want \"key = value\", got %q", at, line)
			}
			key = strings.TrimSpace(key)
			c.Values[key] = strings.TrimSpace(value)
			c.Source[key] = at
		}
	}
	return nil
}

// Save writes values as the config.conf of the last layer, keys sorted,
// atomically: into a new file beside it, then renamed over it. The layer
// directory must exist.
func (l Loader) Save(values map[string]string) error {
	if len(l.Layers) == 0 {
		return errors.New("configloader: save: no layer")
	}
	dir := l.Layers[len(l.Layers)-1]
	tmp := path.Join(dir, ".config.conf.new")
	f, err := l.Fs.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("configloader: save: %w", err)
	}
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if _, err = fmt.Fprintf(f, "%s = %s\n", k, values[k]); err != nil {
			break
		}
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = l.Fs.Rename(tmp, path.Join(dir, "config.conf"))
	}
	if err != nil {
		l.Fs.Remove(tmp)
		return fmt.Errorf("configloader: save: %w", err)
	}
	return nil
}
