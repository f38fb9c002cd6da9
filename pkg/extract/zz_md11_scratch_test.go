package extract

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"testing"
)

func TestMD11Scratch(t *testing.T) {
	f := os.Getenv("MD11_PAGE")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	b = regexp.MustCompile(`(?i)(<meta\b[^>]*?\s)value\s*=`).ReplaceAll(b, []byte("${1}content="))
	u, _ := url.Parse(os.Getenv("MD11_URL"))
	res, err := Extract(bytes.NewReader(b), u, nil)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("title=%q\nbyline=%q attribution=%q\npublished=%v local=%v\n", res.Title, res.Byline, res.Attribution, res.PublishedAt, res.PublishedLocal)
}
