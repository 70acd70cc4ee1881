// Package sitegen is a tiny static-site generator, the kind of code whose
// output is a whole directory tree. It turns a source tree of text pages
// into HTML pages, copies static files and writes a sitemap.
//
// Its tests build the input with fixture, compare the output tree with a
// golden tree and scrub the build timestamp each page carries.
package sitegen

import (
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"time"
)

// Config is site.json at the root of the source tree.
type Config struct {
	Title string `json:"title"`
}

// Build reads src (site.json, pages/**/*.txt, static/**) and writes the site
// into the directory dst, which must exist. Every write goes through an
// [os.Root], so a page name cannot make it write outside dst.
func Build(src fs.FS, dst string, now time.Time) error {
	var cfg Config
	data, err := fs.ReadFile(src, "site.json")
	if err != nil {
		return fmt.Errorf("sitegen: %w", err)
	}
	if err := json.Unmarshal(data, &cfg); err != nil {
		return fmt.Errorf("sitegen: site.json: %w", err)
	}
	root, err := os.OpenRoot(dst)
	if err != nil {
		return fmt.Errorf("sitegen: %w", err)
	}
	defer root.Close()
	b := builder{src: src, dst: root, cfg: cfg, stamp: now.UTC().Format(time.RFC3339)}
	if err := fs.WalkDir(src, ".", b.visit); err != nil {
		return fmt.Errorf("sitegen: %w", err)
	}
	slices.Sort(b.pages)
	sitemap := strings.Join(b.pages, "\n") + "\n"
	return b.write("sitemap.txt", []byte(sitemap))
}

type builder struct {
	src   fs.FS
	dst   *os.Root
	cfg   Config
	stamp string
	pages []string
}

func (b *builder) visit(name string, d fs.DirEntry, err error) error {
	if err != nil || d.IsDir() {
		return err
	}
	switch {
	case strings.HasPrefix(name, "pages/") && strings.HasSuffix(name, ".txt"):
		return b.page(name)
	case strings.HasPrefix(name, "static/"):
		data, err := fs.ReadFile(b.src, name)
		if err != nil {
			return err
		}
		return b.write(name, data)
	}
	return nil
}

// page renders pages/a/b.txt as a/b.html: the first line is the title,
// blank-line separated blocks are paragraphs.
func (b *builder) page(name string) error {
	data, err := fs.ReadFile(b.src, name)
	if err != nil {
		return err
	}
	title, body, _ := strings.Cut(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	out := strings.TrimSuffix(strings.TrimPrefix(name, "pages/"), ".txt") + ".html"
	var s strings.Builder
	fmt.Fprintf(&s, "<!doctype html>\n<title>%s | %s</title>\n<h1>%s</h1>\n",
		html.EscapeString(title), html.EscapeString(b.cfg.Title), html.EscapeString(title))
	for para := range strings.SplitSeq(strings.TrimSpace(body), "\n\n") {
		if para = strings.TrimSpace(para); para != "" {
			fmt.Fprintf(&s, "<p>%s</p>\n", html.EscapeString(para))
		}
	}
	fmt.Fprintf(&s, "<footer>built %s</footer>\n", b.stamp)
	b.pages = append(b.pages, out)
	return b.write(out, []byte(s.String()))
}

func (b *builder) write(name string, data []byte) error {
	if err := b.dst.MkdirAll(path.Dir(name), 0o755); err != nil {
		return err
	}
	return b.dst.WriteFile(name, data, 0o644)
}
