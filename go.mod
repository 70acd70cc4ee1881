module github.com/tmpkit/tmpkit

go 1.26

require (
	github.com/aymanbagabas/go-udiff v0.4.0
	github.com/creack/pty v1.1.7
	github.com/google/go-cmp v0.5.5
	github.com/spf13/afero v1.10.0
	golang.org/x/mod v0.4.2
	golang.org/x/sys v0.1.0
	golang.org/x/term v0.1.0
	golang.org/x/text v0.3.7
	golang.org/x/tools v0.1.6
	gotest.tools/v3 v3.3.0
)

require go.yaml.in/yaml/v3 v3.0.2

require golang.org/x/xerrors v0.0.0-20200804184101-5ec99f83aff1 // indirect
