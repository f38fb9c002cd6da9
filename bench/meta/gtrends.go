package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	nethtml "golang.org/x/net/html"

	"github.com/wiredesk/wiredesk/internal/heldout"
)

// loadGtrends reads BoilerNet's GoogleTrends-2017 set in the layout
// bench/extract's "More dev pages" exports it (DIR/input/N.html, the page
// with the annotators' __label attributes): 180 pages of 133 sites, 2017
// and 2018. The title is the text of the first element labelled title.
// The byline is the text labelled author outside a readers' comment,
// with "By" folded as everywhere; what the label holds besides the
// persons (a date, a role, an outlet after the name, a comment's author
// the annotators did not mark as a comment) is set aside page by page in
// gtrendsBylines. A page with no author label, or whose label names only
// an outlet or a desk, expects no byline. Dates are not scored: half the
// labels are relative ("7 hours ago", "Yesterday 10:25pm") or lack the
// year, which the saved page cannot resolve.
func loadGtrends(dir string) ([]known, error) {
	files, err := filepath.Glob(filepath.Join(dir, "input", "*.html"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("gtrends: no input/*.html in %s (%v)", dir, err)
	}
	sort.Slice(files, func(i, j int) bool { return fileNum(files[i]) < fileNum(files[j]) })
	var out []known
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		// The page goes to the fetcher as saved, which finds its charset
		// itself, and the labels are read from it as UTF-8 when it is
		// valid UTF-8: a charset declared after the first 1,024 bytes is
		// past the sniffer's reach, which reads the page as windows-1252
		// ("â€”" for "—").
		src := raw
		if !utf8.Valid(raw) {
			if src, err = heldout.Decode(raw); err != nil {
				return nil, fmt.Errorf("%s: %w", f, err)
			}
		}
		name := strings.TrimSuffix(filepath.Base(f), ".html")
		doc, err := nethtml.Parse(bytes.NewReader(src))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		k := known{name: "gtrends/" + name, url: "https://example.com/gtrends/" + name, html: raw}
		if m := canonicalRE.FindSubmatch(src); m != nil {
			k.url = string(m[1])
		}
		var authors []string
		for _, l := range labelled(doc) {
			switch l.label {
			case "title":
				if !k.scoreTitle && l.text != "" {
					k.title, k.scoreTitle = l.text, true
				}
			case "author":
				if !l.inComment && l.text != "" {
					authors = append(authors, l.text)
				}
			}
		}
		byline := strings.Join(authors, ", ")
		if c, ok := gtrendsBylines[name]; ok {
			byline = c
		}
		if byline != "-" {
			k.byline, k.scoreByline = names(byline), true
		}
		out = append(out, k)
	}
	return out, nil
}

func fileNum(f string) int {
	n, _ := strconv.Atoi(strings.TrimSuffix(filepath.Base(f), ".html"))
	return n
}

var canonicalRE = regexp.MustCompile(`(?i)<link[^>]+rel=["']?canonical["']?[^>]+href=["'](https?://[^"']+)["']`)

type labelledText struct {
	label, text string
	inComment   bool
}

// labelled lists the page's labelled elements in document order, each
// with its visible text (spaces collapsed) and whether it lies inside an
// element labelled comment.
func labelled(doc *nethtml.Node) []labelledText {
	var out []labelledText
	var walk func(n *nethtml.Node, inComment bool)
	walk = func(n *nethtml.Node, inComment bool) {
		if n.Type == nethtml.ElementNode {
			for _, a := range n.Attr {
				if a.Key != "__label" {
					continue
				}
				l := strings.TrimSpace(a.Val)
				var sb strings.Builder
				nodeText(n, &sb)
				out = append(out, labelledText{label: l, text: strings.Join(strings.Fields(sb.String()), " "), inComment: inComment})
				if l == "comment" {
					inComment = true
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inComment)
		}
	}
	walk(doc, false)
	return out
}

func nodeText(n *nethtml.Node, sb *strings.Builder) {
	switch n.Type {
	case nethtml.TextNode:
		sb.WriteString(n.Data)
		return
	case nethtml.ElementNode:
		switch n.Data {
		case "script", "style", "noscript":
			return
		}
		sb.WriteByte(' ')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		nodeText(c, sb)
	}
}

// gtrendsBylines gives the persons where the author labels hold more than
// them, keyed by page number; "" is a page that credits no person (an
// outlet, a desk, a site), "-" leaves the page's byline unscored.
var gtrendsBylines = map[string]string{
	"20":  "Amanda Luz Henning Santiago",                                       // "By …" under the headline, not labelled
	"68":  "Jasmine Girn",                                                      // under the headline, not labelled
	"132": "-",                                                                 // a person in the page's metadata only, not labelled
	"138": "Carolyn Presutti",                                                  // under the headline, not labelled
	"2":   "Steve Rousseau",                                                    // a sentence of his role follows
	"4":   "",                                                                  // "By TooFab Staff": a desk
	"12":  "Anthony Broome",                                                    // "ByAnthony Broome": the label glued on
	"13":  "Micheline Goldstein",                                               // "| Sep 12th, 2018": a date
	"14":  "Jim Donnelly",                                                      // "| Sep 11th, 2017": a date
	"16":  "Nellie Andreeva",                                                   // "• tip": a link
	"19":  "Jason Brow",                                                        // his role glued on
	"21":  "David Rudin",                                                       // ", Montreal Gazette": the outlet
	"34":  "-",                                                                 // an e-mail-like handle
	"35":  "",                                                                  // "The Biography.com website": the site
	"36":  "",                                                                  // "Biography.com Editors": a desk
	"37":  "Jared Dubin",                                                       // and his handle
	"41":  "Meg Wagner, Brian Ries",                                            // ", CNN": the outlet
	"42":  "Heidi Parker",                                                      // "For Dailymail.com": the outlet
	"43":  "Eve Buckland",                                                      // "For Mailonline": the outlet
	"46":  "Dana Branham",                                                      // ", Breaking news reporter": a role
	"50":  "Dion Dassanayake",                                                  // the name twice (text and image title)
	"57":  "Lesley Goldberg",                                                   // "11:38am PT by": a time
	"58":  "Rick Porter",                                                       // "12:00pm PT by": a time
	"62":  "Mythili Sampathkumar",                                              // "New York": a place
	"67":  "Jessica Wang",                                                      // "Editorial Assistant": a role
	"79":  "Darren Samuelsohn",                                                 // a lost character before the name
	"84":  "David Frum",                                                        // "Staff writer at The Atlantic": a role
	"93":  "Alex Ward",                                                         // his handle and a script glued on
	"97":  "Jonah Weiner",                                                      // the name twice, a role and a list of his stories
	"98":  "Adam Shepherd",                                                     // ", IT Pro": the outlet
	"100": "Zoe Shenton",                                                       // two readers' names outside the comment label
	"106": "",                                                                  // "Betty Crocker Kitchens": a brand's desk; the rest are readers' reviews
	"108": "Keith Griffith",                                                    // "For Dailymail.com", then the agency and a reader
	"115": "",                                                                  // readers' reviews on a product page
	"118": "",                                                                  // readers' reviews
	"119": "Snejana Farberov",                                                  // "By Reuters and … For Dailymail.com", then readers
	"120": "Joe Rao",                                                           // ", Space.com Skywatching Columnist": outlet and role
	"122": "",                                                                  // "From Wikipedia, the free encyclopedia": the site
	"123": "Camilla Turner",                                                    // ", Education Editor": a role
	"124": "-",                                                                 // critics quoted on a film's page, with their papers
	"126": "Keith Griffith",                                                    // "For Dailymail.com", then readers
	"127": "Kristy Johnson",                                                    // "For Daily Mail Australia", then readers
	"128": "-",                                                                 // a user name and its profile
	"131": "Bruce Haring",                                                      // then readers
	"136": "Liam Prenderville",                                                 // then readers
	"137": "Holly Yan, Philip Victor, Darran Simon",                            // ", CNN": the outlet
	"140": "Kristin Corry",                                                     // "Contributor" glued on
	"143": "Roisin O'Connor",                                                   // a role and her handle
	"145": "Barney Henderson",                                                  // ", New York": a place
	"148": "Kate Taylor",                                                       // ", Business Insider": the outlet
	"150": "Nick Allen, Rob Crilly, David Millward, Danny Boyle, Chris Graham", // the label holds two, each with a place; the page lists five
	"151": "Eliott C. McLaughlin, Darran Simon",                                // ", CNN": the outlet
	"157": "Harriet Alexander",                                                 // ", New York": a place
	"159": "Meghan E. Irons",                                                   // "Globe Staff", then a reader
	"161": "",                                                                  // "Our Foreign Staff": a desk
	"163": "",                                                                  // "ESPN.com news services": the site's desk
	"167": "",                                                                  // sellers on a listings page
	"178": "Zlati Meyer",                                                       // then "Follow … on Twitter"
}
