package corpus

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// The fourth Russian draw (data/relevance/README.md, "The fourth draw")
// takes more training texts from the Russian train sources, each before
// its source's first held-out text, in the strata of the third draw: a
// diplomatic word in a news text (FA), political or economic words
// without one (FB), the rest (FC), and a strict diplomatic title (FT),
// which tops up the diplomatic share. The patterns read the title and
// the first 700 characters of the body, lower-cased.

// Strata of the fourth draw.
const (
	StratumDiplomatic = "FA"
	StratumPolitical  = "FB"
	StratumRest       = "FC"
	StratumTitle      = "FT"
)

var (
	// ruDiplomatic is a diplomatic word. "после" (after) is not "посла"
	// (the ambassador's): the second draw's first pattern confused them.
	ruDiplomatic = regexp.MustCompile(`(^|[^\p{L}])(посольств|дипломат|консул|министр\p{L}* иностранных дел|госсекретар|переговор|саммит|визит|соглашени|договор|меморандум|санкци|перемири|прекращени\p{L}* огня|ратифи|евросоюз|g20|генсек|совбез|межправ|двусторонн)|(^|[^\p{L}])(посол|посла|послу|послом|послы|послов|послам|послами|мид|ес|оон|нато|обсе|брикс|шос|опек\+?)([^\p{L}]|$)`)
	// ruPolitical is a political or economic word, a court, an army or a
	// country: domestic politics and markets with foreign words.
	ruPolitical = regexp.MustCompile(`(^|[^\p{L}])(выбор|парламент|госдум|депутат|парти|оппозици|президент|премьер|правительств|министр|губернатор|суд|прокурат|арми|военн|войск|рын|бирж|нефт|газ|рубл|доллар|евро|банк|экономик|инфляци|бюджет|налог|акци|сша|америк|росси|украин|кита|германи|франци|британи|турци|сири|израил|иран|япони|польш|груз|белорус|беларус|казахстан|европ)`)
	// ruTitle is the strict pattern of the top-up, on the title only.
	ruTitle = regexp.MustCompile(`(^|[^\p{L}])(переговор|визит|саммит|министр\p{L}* иностранных дел|лавров|госсекретар|посольств|дипломат|санкци|совбез|перемири|соглашени|договор|меморандум|телефонн\p{L}* разговор|межправ|ратифи|генсек)|(^|[^\p{L}])(посол|посла|послу|послом|послы|послов|мид|оон|нато|обсе)([^\p{L}]|$)`)
	// ruSport marks titles the top-up leaves out (a football "visit").
	ruSport = regexp.MustCompile(`(^|[^\p{L}])(матч|футбол|хокке|чемпионат|олимпи|сборн|турнир)`)
)

// ruNewsSections are the RT sections whose texts can be news about
// politics and the economy; the other corpora have no sections that say
// so, and all their texts count as news.
var ruNewsSections = map[string]bool{"world": true, "ussr": true, "russia": true, "business": true}

// DrawEligible says whether a record may be drawn for training: a
// Russian train source, before its source's first held-out text, at
// least 150 characters long.
func DrawEligible(r Record) bool {
	if r.Lang != "ru" || utf8.RuneCountInString(r.Body) < 150 {
		return false
	}
	switch r.Source {
	case "rt":
		return r.Order < 470000
	case "wikinews":
		return r.Order <= 188551
	case "collection5":
		return true
	case "bsnlp":
		return strings.HasPrefix(r.Date, "2018")
	}
	return false
}

// DrawStratum returns a record's stratum by its title and the first 700
// characters of its body: FA, FB or FC.
func DrawStratum(r Record) string {
	head := strings.ToLower(r.Title + "\n" + FirstRunes(r.Body, 700))
	news := r.Source != "rt" || ruNewsSections[r.Section]
	switch {
	case news && ruDiplomatic.MatchString(head):
		return StratumDiplomatic
	case ruPolitical.MatchString(head):
		return StratumPolitical
	}
	return StratumRest
}

// DrawTitle says whether a record's title meets the top-up's strict
// pattern: a news text, not sport.
func DrawTitle(r Record) bool {
	t := strings.ToLower(r.Title)
	news := r.Source != "rt" || ruNewsSections[r.Section]
	return news && ruTitle.MatchString(t) && !ruSport.MatchString(t)
}

// DrawQuota is how many texts to draw from one source, per stratum.
type DrawQuota struct {
	Source string
	Counts map[string]int // stratum: texts
}

// DrawOptions configures Draw.
type DrawOptions struct {
	Seed   uint64
	Quotas []DrawQuota
	// PerTopicDay caps BSNLP's texts of one topic (section) and day,
	// counting those already labelled; 0 means no cap.
	PerTopicDay int
}

// Drawn is one drawn record and its stratum.
type Drawn struct {
	Record
	Stratum string
}

// Draw draws records for labelling: eligible ones, not labelled yet,
// whose text and whose first 150 body characters repeat no labelled or
// already drawn text. Each source's FT quota is drawn first from the
// titles that meet the strict pattern, then FA, FB and FC from what is
// left; a stratum short of texts passes the rest of its quota to the
// next (FT to FA to FB to FC). Records are ordered by ID before a
// shuffle seeded with opts.Seed, so the draw depends only on the records,
// the labels and the options.
func Draw(recs []Record, labelled map[string]bool, opts DrawOptions) ([]Drawn, error) {
	recs = append([]Record(nil), recs...)
	sort.Slice(recs, func(i, j int) bool { return recs[i].ID < recs[j].ID })
	seenSum := map[string]bool{}
	seenHead := map[string]bool{}
	topicDay := map[string]int{}
	for _, r := range recs {
		if labelled[r.ID] {
			seenSum[r.SHA256] = true
			seenHead[FirstRunes(r.Body, 150)] = true
			if r.Source == "bsnlp" {
				topicDay[r.Section+"/"+r.Date]++
			}
		}
	}
	bySource := map[string][]Record{}
	for _, r := range recs {
		if !labelled[r.ID] && DrawEligible(r) {
			bySource[r.Source] = append(bySource[r.Source], r)
		}
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0))
	var out []Drawn
	take := func(r Record, stratum string) bool {
		head := FirstRunes(r.Body, 150)
		key := r.Section + "/" + r.Date
		switch {
		case seenSum[r.SHA256] || seenHead[head]:
			return false
		case r.Source == "bsnlp" && opts.PerTopicDay > 0 && topicDay[key] >= opts.PerTopicDay:
			return false
		}
		seenSum[r.SHA256], seenHead[head] = true, true
		if r.Source == "bsnlp" {
			topicDay[key]++
		}
		out = append(out, Drawn{Record: r, Stratum: stratum})
		return true
	}
	order := []string{StratumTitle, StratumDiplomatic, StratumPolitical, StratumRest}
	for _, q := range opts.Quotas {
		pool := bySource[q.Source]
		if len(pool) == 0 {
			return nil, fmt.Errorf("draw: no eligible texts of source %q", q.Source)
		}
		rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
		used := map[string]bool{}
		carry := 0
		for _, s := range order {
			want := q.Counts[s] + carry
			got := 0
			for _, r := range pool {
				if got == want {
					break
				}
				if used[r.ID] {
					continue
				}
				in := DrawStratum(r) == s
				if s == StratumTitle {
					in = DrawTitle(r)
				}
				if in {
					used[r.ID] = true
					if take(r, s) {
						got++
					}
				}
			}
			carry = want - got
		}
		if carry > 0 {
			return nil, fmt.Errorf("draw: source %s: %d texts short of its quota", q.Source, carry)
		}
	}
	return out, nil
}

// FirstRunes returns s's first n characters: the part of a text the
// strata and the readers see.
func FirstRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}
