package aferoadapter

import (
	"fmt"
	"io/fs"
	"reflect"
	"strings"

	"github.com/tmpkit/tmpkit/tmptest"
)

// tempConfig is what a list of tmptest options asks of [TempDir] and
// [TempFile].
type tempConfig struct {
	prefix, suffix string
	prefixSet      bool
	dir            string // In(dir); "" for the default place
	perm           fs.FileMode
	permSet        bool
	keep           bool
}

// resolveOptions reads tmptest options.
//
// tmptest keeps its option struct unexported and, for now, offers no
// accessor, so this bridge applies each option to a fresh value of that
// struct through reflection and reads the fields tmptest's own helpers read
// (prefix, suffix, dir, perm, permSet, keep). TestResolveOptions pins it:
// if tmptest renames a field, that test fails and this returns an error,
// rather than silently dropping an option. It goes away once tmptest
// exports a resolver (see the issue 5 report).
func resolveOptions(opts []tmptest.Option) (tempConfig, error) {
	var c tempConfig
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		v := reflect.ValueOf(opt)
		t := v.Type()
		if t.Kind() != reflect.Func || t.NumIn() != 1 || t.In(0).Kind() != reflect.Pointer || t.In(0).Elem().Kind() != reflect.Struct {
			return c, fmt.Errorf("cannot read tmptest option of type %v", t)
		}
		cfg := reflect.New(t.In(0).Elem())
		v.Call([]reflect.Value{cfg})
		if err := c.merge(cfg.Elem()); err != nil {
			return c, err
		}
	}
	for what, s := range map[string]string{"prefix": c.prefix, "suffix": c.suffix} {
		if strings.ContainsAny(s, `/\`) {
			return c, fmt.Errorf("%s %q contains a path separator; give a directory with tmptest.In", what, s)
		}
	}
	return c, nil
}

// merge copies what the one option applied to s set (its non-zero fields).
func (c *tempConfig) merge(s reflect.Value) error {
	field := func(name string, kind reflect.Kind) (reflect.Value, error) {
		f := s.FieldByName(name)
		if !f.IsValid() || f.Kind() != kind {
			return f, fmt.Errorf("cannot read tmptest options: no %s field %q (tmptest changed; update aferoadapter/options.go)", kind, name)
		}
		return f, nil
	}
	var fields [6]reflect.Value
	for i, spec := range []struct {
		name string
		kind reflect.Kind
	}{{"prefix", reflect.String}, {"suffix", reflect.String}, {"dir", reflect.String}, {"perm", reflect.Uint32}, {"permSet", reflect.Bool}, {"keep", reflect.Bool}} {
		f, err := field(spec.name, spec.kind)
		if err != nil {
			return err
		}
		fields[i] = f
	}
	if p := fields[0].String(); p != "" {
		c.prefix, c.prefixSet = p, true
	}
	if s := fields[1].String(); s != "" {
		c.suffix = s
	}
	if d := fields[2].String(); d != "" {
		c.dir = d
	}
	if fields[4].Bool() {
		c.perm, c.permSet = fs.FileMode(fields[3].Uint()), true
	}
	if fields[5].Bool() {
		c.keep = true
	}
	return nil
}
