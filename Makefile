# The README's two commands are `go run ./cmd/wiredesk -demo -once` and `make test`.
GO ?= go
PKGS := ./...

.PHONY: test vet build demo bench bench-extract staticcheck

test:
	$(GO) test -count=1 -timeout 8m $(PKGS)

vet:
	$(GO) vet $(PKGS)

build:
	$(GO) build -o bin/ ./cmd/...

demo:
	$(GO) run ./cmd/wiredesk -demo -once

staticcheck:
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 $(PKGS)

bench:
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)

# Extraction speed against go-trafilatura, in a module of its own so that
# the shipped module never depends on it.
bench-extract:
	cd bench/extract && $(GO) run .
