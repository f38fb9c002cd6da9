package reader

import (
	"context"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/wiredesk/wiredesk/pkg/store"
)

// A filter on a value that does not exist can only return nothing, and an
// empty list reads as "no news": a misspelt source or an invented country
// code gets a 400 that says so instead.

// isoCountries are the officially assigned ISO 3166-1 alpha-2 codes, and
// XK (Kosovo), which news and the EU use as one.
const isoCountries = "" +
	"AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS " +
	"BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE " +
	"EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM " +
	"HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC " +
	"LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA " +
	"NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
	"SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO " +
	"TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK"

// readLangs are the languages wiredesk reads: known before the store
// holds an article in them.
var readLangs = []string{"tr", "ru"}

// catalog caches the languages and sources the store holds, from Stats.
// A value it has not seen makes it look again, at most once a second, so
// that a source's first article is searchable at once.
type catalog struct {
	st Store

	mu      sync.Mutex
	at      time.Time
	langs   []string
	sources []string
}

const (
	catalogMaxAge   = 30 * time.Second
	catalogMinCheck = time.Second
)

// lookup returns the languages and sources, refreshed when stale, or when
// want is not among them and the last look is more than a second old.
func (c *catalog) lookup(ctx context.Context, want func(langs, sources []string) bool) (langs, sources []string, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	age := time.Since(c.at)
	if c.at.IsZero() || age > catalogMaxAge || (age > catalogMinCheck && !want(c.langs, c.sources)) {
		st, err := c.st.Stats(ctx, store.StatsQuery{})
		if err != nil {
			return nil, nil, err
		}
		c.langs, c.sources = sortedKeys(st.ByLang), sortedKeys(st.BySource)
		for _, l := range readLangs {
			if !slices.Contains(c.langs, l) {
				c.langs = append(c.langs, l)
			}
		}
		slices.Sort(c.langs)
		c.at = time.Now()
	}
	return c.langs, c.sources, nil
}

func sortedKeys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func (h *Handler) known(ctx context.Context, q store.SearchQuery) error {
	return checkKnown(ctx, h.catalog, q)
}

// checkKnown refuses a lang, source or country that no article can have.
func checkKnown(ctx context.Context, c *catalog, q store.SearchQuery) error {
	if q.Country != "" && !knownCountry(q.Country) {
		return bad("country", "%q is not an ISO 3166-1 alpha-2 country code", q.Country)
	}
	if q.Lang == "" && q.Source == "" {
		return nil
	}
	langs, sources, err := c.lookup(ctx, func(langs, sources []string) bool {
		return (q.Lang == "" || slices.Contains(langs, q.Lang)) && (q.Source == "" || slices.Contains(sources, q.Source))
	})
	if err != nil {
		return err
	}
	if q.Lang != "" && !slices.Contains(langs, q.Lang) {
		return bad("lang", "unknown language %q; the store has %s", q.Lang, strings.Join(langs, ", "))
	}
	if q.Source != "" && !slices.Contains(sources, q.Source) {
		if len(sources) == 0 {
			return bad("source", "unknown source %q; the store holds no articles yet", q.Source)
		}
		return bad("source", "unknown source %q; the store has %s", q.Source, strings.Join(sources, ", "))
	}
	return nil
}

func knownCountry(c string) bool {
	c = strings.ToUpper(c)
	return len(c) == 2 && strings.Contains(" "+isoCountries+" ", " "+c+" ")
}
