// Package article defines wiredesk's wire schema: the messages that travel
// between the fetcher, the classifier and the sink, and that downstream
// consumers read from stream ARTICLES.
//
// Every message carries a schema field. Fields may be added to a schema
// version; none is removed or renamed without a new version. The package
// imports no other wiredesk package, so that any consumer can vendor it alone.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"
)

// Schema names.
const (
	SchemaPage    = "page/v1"
	SchemaArticle = "article/v1"
	SchemaDrop    = "drop/v1"
)

// Zone is the fetcher's structural guess for where a block sits on the page.
// It is a hint: the classifier decides.
type Zone string

// Zones.
const (
	ZoneBody    Zone = "body"
	ZoneHeading Zone = "heading"
	ZoneAside   Zone = "aside"
	ZoneRelated Zone = "related"
	ZoneNav     Zone = "nav"
	ZoneHeader  Zone = "header"
	ZoneFooter  Zone = "footer"
	ZoneComment Zone = "comment"
	ZoneCaption Zone = "caption"
	ZoneUnknown Zone = "unknown"
)

var zones = map[Zone]bool{
	ZoneBody: true, ZoneHeading: true, ZoneAside: true, ZoneRelated: true,
	ZoneNav: true, ZoneHeader: true, ZoneFooter: true, ZoneComment: true,
	ZoneCaption: true, ZoneUnknown: true,
}

// Valid reports whether z is one of the known zones.
func (z Zone) Valid() bool { return zones[z] }

// HTTP is what the fetcher saw of the response.
type HTTP struct {
	Status       int    `json:"status"`
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	ContentType  string `json:"content_type,omitempty"`
}

// Block is one candidate text block of a page, in reading order.
type Block struct {
	I           int     `json:"i"`
	Text        string  `json:"text"`
	Tag         string  `json:"tag"`
	Zone        Zone    `json:"zone"`
	LinkDensity float64 `json:"link_density"`
	// Level is the heading level (1-6) for heading tags, 0 otherwise.
	Level int `json:"level,omitempty"`
	// Link is the target of a block that is mostly one link (a teaser).
	Link string `json:"link,omitempty"`
	// Deck is set when the markup sets the block apart as a summary: a
	// class or id naming a lead, an intro, a summary or a deck, or the
	// whole text in bold. The cleaner takes it for the standfirst only
	// where it opens the article.
	Deck bool `json:"deck,omitempty"`
}

// Page is a fetched and extracted page: schema page/v1 on news.raw.<source>.
type Page struct {
	Schema       string    `json:"schema"`
	ID           string    `json:"id"`
	URL          string    `json:"url"`
	CanonicalURL string    `json:"canonical_url"`
	Source       string    `json:"source"`
	FetchedAt    time.Time `json:"fetched_at"`
	HTTP         HTTP      `json:"http"`
	Title        string    `json:"title,omitempty"`
	PublishedAt  time.Time `json:"published_at,omitzero"`
	// PublishedPrecision, PublishedLocal, UpdatedAt, UpdatedLocal, Byline
	// and Attribution mean what the Article fields of the same names mean.
	PublishedPrecision string    `json:"published_precision,omitempty"`
	PublishedLocal     bool      `json:"published_local,omitempty"`
	UpdatedAt          time.Time `json:"updated_at,omitzero"`
	UpdatedLocal       bool      `json:"updated_local,omitempty"`
	Byline             string    `json:"byline,omitempty"`
	Attribution        string    `json:"attribution,omitempty"`
	Dateline           string    `json:"dateline,omitempty"`
	LangHint           string    `json:"lang_hint,omitempty"`
	// Truncated is set when the body hit the fetcher's size cap.
	Truncated bool `json:"truncated,omitempty"`
	// Backfill marks a page read from a web archive (a WARC file) rather
	// than fetched live; FetchedAt is then the archive's capture time.
	Backfill    bool    `json:"backfill,omitempty"`
	Blocks      []Block `json:"blocks"`
	ContentHash string  `json:"content_hash"`
}

// Relevance is the topic verdict with its evidence.
type Relevance struct {
	Topic    string   `json:"topic"`
	Score    float64  `json:"score"`
	Relevant bool     `json:"relevant"`
	Terms    []string `json:"terms"`
}

// Dropped records a block the classifier removed, and why.
type Dropped struct {
	I      int    `json:"i"`
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// Precisions of PublishedAt and UpdatedAt: how much of the time the page
// gives.
const (
	PrecisionDate   = "date"   // the day only: the time of day is unknown
	PrecisionMinute = "minute" // hours and minutes
	PrecisionSecond = "second" // to the second or finer (machine-readable dates)
)

// Article is a cleaned article: schema article/v1 on news.clean.<lang>.<source>.
// docs/schema.md describes every field; each has one meaning.
type Article struct {
	Schema         string  `json:"schema"`
	ID             string  `json:"id"`
	URL            string  `json:"url"`
	Source         string  `json:"source"`
	Lang           string  `json:"lang"`
	LangConfidence float64 `json:"lang_confidence"`
	Title          string  `json:"title"`
	// PublishedAt is when the article was first published, in UTC. A time
	// the page gives without an offset is read in the source's configured
	// timezone, else in the zone of the article's language (LangZone:
	// Europe/Istanbul for Turkish, Europe/Moscow for Russian). When
	// neither applies, no offset is invented: PublishedLocal is set.
	PublishedAt time.Time `json:"published_at,omitzero"`
	// PublishedLocal: the page wrote the time without an offset and no
	// zone is known for it (no configured timezone, a language with no
	// zone rule). PublishedAt then holds the date and clock time the page
	// shows, labelled UTC: it is not an instant, and only its date (and
	// its clock time, per PublishedPrecision) may be shown.
	PublishedLocal bool `json:"published_local,omitempty"`
	// PublishedPrecision says how much of PublishedAt the page gave (see
	// the Precision constants); "" when PublishedAt is zero. With "date",
	// PublishedAt is the start of that day in the source's zone and only
	// its date in that zone is known.
	PublishedPrecision string `json:"published_precision,omitempty"`
	// UpdatedAt is the page's last-updated time ("Güncelleme",
	// "Обновлено", dateModified), never the publication time; zero when
	// the page gives none.
	UpdatedAt time.Time `json:"updated_at,omitzero"`
	// UpdatedLocal is PublishedLocal for UpdatedAt.
	UpdatedLocal bool `json:"updated_local,omitempty"`
	// Byline is the person or persons credited with the text, joined by
	// ", ". Never a weekday, a date, a place, an agency, an outlet or a
	// site: those go to Attribution or nowhere.
	Byline string `json:"byline,omitempty"`
	// Credit is the photo or video credit ("Kamera: Name", "Фото: Name").
	Credit string `json:"credit,omitempty"`
	// Dateline is the place the story was filed from ("İSTANBUL", "МОСКВА, 12 января").
	Dateline string `json:"dateline,omitempty"`
	// Attribution is the agency or outlet the text comes from: the tag in
	// the dateline, the source line ("KAYNAK: X"), an agency credited in
	// the byline slot, or the site's own name.
	Attribution string `json:"attribution,omitempty"`
	// Standfirst is the summary the page prints under the headline, set
	// apart before the byline or date line (the deck, the "spot", the
	// "лид"): the story in brief, in the page's words. It is not in Body or
	// Paragraphs; "" when the page sets none apart.
	Standfirst string    `json:"standfirst,omitempty"`
	Body       string    `json:"body"`
	Paragraphs []string  `json:"paragraphs"`
	Relevance  Relevance `json:"relevance"`
	// Countries and Organizations are ISO 3166-1 alpha-2 codes and short
	// organisation codes (UN, NATO, EU, OSCE) that the article mentions.
	Countries     []string  `json:"countries,omitempty"`
	Organizations []string  `json:"organizations,omitempty"`
	Headings      []int     `json:"headings,omitempty"` // indexes into Paragraphs of the sub-headings
	Dropped       []Dropped `json:"dropped"`
	ContentHash   string    `json:"content_hash"`
	FetchedAt     time.Time `json:"fetched_at,omitzero"`
	ClassifiedAt  time.Time `json:"classified_at"`
	// Backfill marks an article whose page came from a web archive.
	Backfill bool `json:"backfill,omitempty"`
}

// Drop is the audit record for a page the classifier did not turn into an
// article: schema drop/v1 on news.dropped.<reason>.
type Drop struct {
	Schema      string    `json:"schema"`
	ID          string    `json:"id"`
	URL         string    `json:"url"`
	Source      string    `json:"source"`
	Reason      string    `json:"reason"`
	Detail      string    `json:"detail,omitempty"`
	Lang        string    `json:"lang,omitempty"`
	Title       string    `json:"title,omitempty"`
	ContentHash string    `json:"content_hash"`
	DroppedAt   time.Time `json:"dropped_at"`
}

// Page-level drop reasons, the last token of news.dropped.<reason>.
const (
	DropLang       = "lang"        // no in-scope language
	DropNotArticle = "not_article" // a listing, index or error page
	DropEmpty      = "empty"       // nothing left after cleaning
	DropOversize   = "oversize"    // more blocks, or a bigger article, than the bus carries
)

// Block-level drop reasons, recorded in Article.Dropped.
const (
	ReasonSidebar       = "sidebar"
	ReasonRelated       = "related"
	ReasonNav           = "nav"
	ReasonBoilerplate   = "boilerplate"
	ReasonCredit        = "credit"
	ReasonDateline      = "dateline"
	ReasonSourceLine    = "source_line"
	ReasonOtherLanguage = "other_language"
	ReasonDuplicate     = "duplicate"
	ReasonUnrelated     = "unrelated"
	// ReasonStandfirst marks the summary printed between the headline and
	// the byline or date line: it is the Article's Standfirst, not a
	// paragraph of its body.
	ReasonStandfirst = "standfirst"
	// ReasonOversize is on one entry with I -1 when the article's last
	// paragraphs were cut to fit the bus; its text says how many.
	ReasonOversize = "oversize"
)

// IDFor returns the page id for a canonical URL: the first 64 bits of its
// SHA-256, in hex. At news volumes a 64-bit collision is not a practical
// concern, and the short id reads well in subjects, logs and URLs.
func IDFor(canonicalURL string) string {
	sum := sha256.Sum256([]byte(canonicalURL))
	return hex.EncodeToString(sum[:8])
}

// HashBlocks returns the content hash of a page's blocks: it changes when
// any block text, tag or zone changes, and not when only the fetch time does.
func HashBlocks(blocks []Block) string {
	h := sha256.New()
	for _, b := range blocks {
		h.Write([]byte(b.Zone))
		h.Write([]byte{0})
		h.Write([]byte(b.Tag))
		h.Write([]byte{0})
		h.Write([]byte(b.Text))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// HashArticle returns the content hash of an article: it covers all that
// the classifier says about the page (text, metadata, language, relevance
// verdict), so that a classifier whose cleaning, profile or threshold
// changed gives a new hash exactly where its output changed. It leaves out
// when the page was fetched and classified, and Dropped, the audit of what
// was cut: a page whose rotating sidebar changed is the same article.
func HashArticle(a *Article) string {
	c := *a
	c.ContentHash, c.FetchedAt, c.ClassifiedAt, c.Dropped = "", time.Time{}, time.Time{}, nil
	// An Article is plain data; Marshal cannot fail on it.
	b, _ := json.Marshal(&c)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

// MsgID is the Nats-Msg-Id for a message about page id with content hash:
// a re-publish of unchanged content is deduplicated by JetStream. For an
// article the hash is HashArticle's, so a replay through a classifier
// whose output changed is published, and one whose output did not is not.
func MsgID(id, contentHash string) string { return id + ":" + contentHash }
