package extract

import (
	"encoding/json"
	"strings"
)

// ldInfo is what JSON-LD says about the article.
type ldInfo struct {
	published, modified, headline string
	authors                       []string
	orgs                          []string // authors typed Organization
	publisher                     string
}

// parseJSONLD reads the page's JSON-LD scripts: the first Article-typed
// object wins, anywhere in @graph, arrays or nesting; failing that, the
// first object with a datePublished.
func parseJSONLD(srcs []string) ldInfo {
	var best, fallback *ldInfo
	for _, src := range srcs {
		var v any
		if err := json.Unmarshal([]byte(src), &v); err != nil {
			if json.Unmarshal(repairJSON(src), &v) != nil {
				continue
			}
		}
		visitLD(v, 0, &best, &fallback)
	}
	switch {
	case best != nil:
		if best.published == "" && fallback != nil {
			best.published = fallback.published
		}
		return *best
	case fallback != nil:
		return *fallback
	}
	return ldInfo{}
}

func visitLD(v any, depth int, best, fallback **ldInfo) {
	if depth > 16 {
		return
	}
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			visitLD(x, depth+1, best, fallback)
		}
	case map[string]any:
		date, _ := v["datePublished"].(string)
		switch {
		case *best == nil && articleType(v["@type"]):
			*best = ldFrom(v)
		case *fallback == nil && date != "":
			*fallback = ldFrom(v)
		}
		for _, x := range v {
			switch x.(type) {
			case []any, map[string]any:
				visitLD(x, depth+1, best, fallback)
			}
		}
	}
}

func ldFrom(m map[string]any) *ldInfo {
	info := &ldInfo{}
	info.published, _ = m["datePublished"].(string)
	info.modified, _ = m["dateModified"].(string)
	info.headline, _ = m["headline"].(string)
	if p, ok := m["publisher"].(map[string]any); ok {
		name, _ := p["name"].(string)
		info.publisher = clean(name)
	}
	var add func(a any, depth int)
	add = func(a any, depth int) {
		switch a := a.(type) {
		case string:
			if s := cleanByline(a); s != "" && !strings.Contains(s, "://") && !contains(info.authors, s) && len(info.authors) < 12 {
				info.authors = append(info.authors, s)
			}
		case map[string]any:
			if t, _ := a["@type"].(string); t == "Organization" || t == "NewsMediaOrganization" {
				if s, _ := a["name"].(string); s != "" && len(info.orgs) < 4 {
					info.orgs = append(info.orgs, clean(s))
				}
				return
			}
			if _, ok := a["name"]; !ok {
				// A Person given by its parts: {"givenName": "Anna
				// Lena", "familyName": "Brandt"}.
				g, _ := a["givenName"].(string)
				f, _ := a["familyName"].(string)
				add(strings.TrimSpace(g+" "+f), depth)
				return
			}
			add(a["name"], depth)
		case []any:
			if depth < 2 {
				for _, x := range a {
					add(x, depth+1)
				}
			}
		}
	}
	add(m["author"], 0)
	return info
}

func articleType(t any) bool {
	switch t := t.(type) {
	case string:
		return strings.HasSuffix(t, "Article") || strings.HasSuffix(t, "BlogPosting") || strings.HasSuffix(t, "Report")
	case []any:
		for _, x := range t {
			if articleType(x) {
				return true
			}
		}
	}
	return false
}

// repairJSON fixes what CMSs commonly break in JSON-LD: raw newlines and
// tabs inside strings, and CDATA or comment wrappers.
func repairJSON(s string) []byte {
	s = strings.TrimSpace(s)
	for _, p := range []string{"//<![CDATA[", "<![CDATA[", "<!--"} {
		s = strings.TrimPrefix(s, p)
	}
	for _, p := range []string{"//]]>", "]]>", "-->"} {
		s = strings.TrimSuffix(strings.TrimSpace(s), p)
	}
	b := []byte(s)
	for i, c := range b {
		if c < 0x20 {
			b[i] = ' '
		}
	}
	return b
}
