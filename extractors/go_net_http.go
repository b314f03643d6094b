// run: go run extractors/go_net_http.go
//
// Prints Go's net/http status table as a statuscheck table document. net/http has no
// run-time list of its Status* constants, so their names and codes are parsed (go/parser)
// from status.go in the source tree of the toolchain running this program, in source
// order; each phrase is http.StatusText(code), called at run time. The blank `_ = 306`
// placeholder is not a name and is skipped; a constant whose code an earlier one already
// named is an alias. Standard library only: runs offline with GOPROXY=off GOTOOLCHAIN=local.
package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
)

type entry struct {
	Code   int    `json:"code"`
	Name   string `json:"name,omitempty"`
	Phrase string `json:"phrase,omitempty"`
	Alias  bool   `json:"alias,omitempty"`
}

func main() {
	entries, err := statusConstants()
	if err != nil {
		fmt.Fprintln(os.Stderr, "go_net_http:", err)
		os.Exit(1)
	}
	implementation := "Go net/http " + strings.TrimPrefix(runtime.Version(), "go")
	printTableDocument(implementation, entries)
}

// statusConstants reads the exported constants of net/http's status.go in source order.
func statusConstants() ([]entry, error) {
	pkg, err := build.Import("net/http", "", build.FindOnly)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(pkg.Dir, "status.go")
	file, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		return nil, err
	}
	var entries []entry
	seen := map[int]bool{}
	for _, decl := range file.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.CONST {
			continue
		}
		for _, spec := range gen.Specs {
			value := spec.(*ast.ValueSpec)
			for i, ident := range value.Names {
				if !ident.IsExported() {
					continue
				}
				var lit *ast.BasicLit
				if i < len(value.Values) {
					lit, _ = value.Values[i].(*ast.BasicLit)
				}
				if lit == nil || lit.Kind != token.INT {
					return nil, fmt.Errorf("%s: %s is not an integer literal", path, ident.Name)
				}
				code, err := strconv.Atoi(lit.Value)
				if err != nil {
					return nil, fmt.Errorf("%s: %s: %v", path, ident.Name, err)
				}
				e := entry{Code: code, Name: ident.Name, Alias: seen[code]}
				if !e.Alias {
					e.Phrase = http.StatusText(code)
				}
				seen[code] = true
				entries = append(entries, e)
			}
		}
	}
	return entries, nil
}

// printTableDocument writes the document to stdout: 2-space indent, one entry per line.
func printTableDocument(implementation string, entries []entry) {
	name, _ := json.Marshal(implementation)
	var b strings.Builder
	fmt.Fprintf(&b, "{\n  \"statuscheck_table\": 1,\n  \"implementation\": %s,\n", name)
	b.WriteString("  \"language\": \"go\",\n  \"entries\": [\n")
	for i, e := range entries {
		line, _ := json.Marshal(e)
		b.WriteString("    ")
		b.Write(line)
		if i < len(entries)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("  ]\n}\n")
	os.Stdout.WriteString(b.String())
}
