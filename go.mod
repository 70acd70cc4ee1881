module github.com/tmpkit/tmpkit

go 1.26

require (
	github.com/aymanbagabas/go-udiff v0.4.0
	github.com/google/go-cmp v0.5.5
	github.com/spf13/afero v1.10.0
	github.com/theory/jsonpath v0.12.2
	golang.org/x/sys v0.1.0
	golang.org/x/text v0.3.7
	golang.org/x/tools v0.1.6
	gotest.tools/v3 v3.3.0
)

require go.yaml.in/yaml/v3 v3.0.5
