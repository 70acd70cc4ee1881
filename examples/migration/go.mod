module github.com/tmpkit/tmpkit/examples/migration

go 1.26.0

require (
	github.com/sebdah/goldie/v2 v2.8.0
	github.com/spf13/afero v1.15.0
	github.com/tmpkit/tmpkit v0.0.0
	gotest.tools/v3 v3.5.2
)

require (
	github.com/aymanbagabas/go-udiff v0.4.1 // indirect
	github.com/google/go-cmp v0.7.0 // indirect
	github.com/pmezard/go-difflib v1.0.0 // indirect
	github.com/sergi/go-diff v1.0.0 // indirect
	go.yaml.in/yaml/v3 v3.0.2 // indirect
	golang.org/x/mod v0.42.0 // indirect
	golang.org/x/sys v0.50.0 // indirect
	golang.org/x/text v0.28.0 // indirect
	golang.org/x/tools v0.52.0 // indirect
)

replace github.com/tmpkit/tmpkit => ../..
