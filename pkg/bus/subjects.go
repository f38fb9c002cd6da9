package bus

import "fmt"

// Stream names.
const (
	StreamPages    = "PAGES"
	StreamArticles = "ARTICLES"
	StreamDropped  = "DROPPED"
	StreamDLQ      = "DLQ"
	// StreamFurniture is the classifiers' shared memory of recurring
	// blocks, as a log of observations (subject wiredesk.furniture.<source>).
	StreamFurniture = "FURNITURE"
	// BucketSeen is the fetcher's KV bucket: per URL, its validators and
	// content hash, shared by all fetcher replicas.
	BucketSeen = "wiredesk_seen"
)

// Subject prefixes.
const (
	prefixRaw       = "news.raw."
	prefixClean     = "news.clean."
	prefixDropped   = "news.dropped."
	prefixDLQ       = "news.dlq."
	prefixFurniture = "wiredesk.furniture."
)

// SubjectFurniture is where a classifier records what a page of source
// taught the shared memory.
func SubjectFurniture(source string) string { return prefixFurniture + source }

// SubjectFurnitureMixed is where a classifier records a batch of what
// pages of several sources taught the shared memory. It has a token more
// than any source's subject, so that no source id can name it.
const SubjectFurnitureMixed = prefixFurniture + "mixed.batch"

// SubjectRaw is where the fetcher publishes pages of a source.
func SubjectRaw(source string) string { return prefixRaw + source }

// SubjectClean is where the classifier publishes a cleaned article.
func SubjectClean(lang, source string) string {
	return fmt.Sprintf("%s%s.%s", prefixClean, lang, source)
}

// SubjectDropped is where the classifier publishes the audit record of a
// page it did not keep.
func SubjectDropped(reason string) string { return prefixDropped + reason }

// SubjectDLQ is where a stage sends messages it can never process.
func SubjectDLQ(stage string) string { return prefixDLQ + stage }
