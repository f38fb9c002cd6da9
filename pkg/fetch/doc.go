// Package fetch is the fetcher stage: it discovers article URLs in feeds,
// sitemaps and index pages, downloads them politely, extracts their text
// blocks and publishes one page/v1 message per new or changed page on
// news.raw.<source>.
package fetch
