package clean

// cueMatcher tells which of a set of cue lists have a cue inside a text,
// in one pass over it: an Aho-Corasick automaton over the cues' bytes,
// with the lists each state completes. The notice and call-to-action
// checks asked strings.Contains for each cue of each list, some ninety
// searches over every short block, nearly all of them in vain.
type cueMatcher struct {
	class  [256]uint8 // a byte's column in next; 0 for a byte no cue has
	cols   int
	next   []int32  // state*cols + class: the state after reading a byte
	out    []uint64 // the lists a cue ending in the state belongs to
	spaced int32    // the state after a space from the start
	maxLen int      // the longest cue
}

// newCueMatcher builds the matcher of lists, at most 64: list i is bit
// 1<<i of what scan returns.
func newCueMatcher(lists [][]string) *cueMatcher {
	if len(lists) > 64 {
		panic("clean: more than 64 cue lists")
	}
	m := &cueMatcher{cols: 1}
	for _, list := range lists {
		for _, cue := range list {
			m.maxLen = max(m.maxLen, len(cue))
			for i := 0; i < len(cue); i++ {
				if m.class[cue[i]] == 0 {
					m.class[cue[i]] = uint8(m.cols)
					m.cols++
				}
			}
		}
	}
	// The trie of the cues: goto[state][class], -1 for no edge.
	var trie [][]int32
	newState := func() int32 {
		row := make([]int32, m.cols)
		for i := range row {
			row[i] = -1
		}
		trie = append(trie, row)
		m.out = append(m.out, 0)
		return int32(len(trie) - 1)
	}
	newState()
	for li, list := range lists {
		for _, cue := range list {
			s := int32(0)
			for i := 0; i < len(cue); i++ {
				c := m.class[cue[i]]
				if trie[s][c] < 0 {
					t := newState()
					trie[s][c] = t
				}
				s = trie[s][c]
			}
			m.out[s] |= 1 << li
		}
	}
	// Breadth first, each state's failure (its longest proper suffix that
	// is a state) completes its edges and its lists.
	m.next = make([]int32, len(trie)*m.cols)
	fail := make([]int32, len(trie))
	queue := make([]int32, 0, len(trie))
	for c := range m.cols {
		if t := trie[0][c]; t > 0 {
			fail[t] = 0
			queue = append(queue, t)
			m.next[c] = t
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		m.out[s] |= m.out[fail[s]]
		for c := range m.cols {
			if t := trie[s][c]; t >= 0 {
				fail[t] = m.next[int(fail[s])*m.cols+c]
				queue = append(queue, t)
				m.next[int(s)*m.cols+c] = t
			} else {
				m.next[int(s)*m.cols+c] = m.next[int(fail[s])*m.cols+c]
			}
		}
	}
	m.spaced = m.next[m.class[' ']]
	return m
}

// cueHits are the lists with a cue in a text (in), and in the text after
// a space (spaced): the cues of a word's start (" we ", " ваш") find it
// at the text's start too.
type cueHits struct{ in, spaced uint64 }

// has reports a cue of list id in the text.
func (h cueHits) has(id int) bool { return h.in&(1<<id) != 0 }

// hasSpaced reports a cue of list id in " " + the text.
func (h cueHits) hasSpaced(id int) bool { return h.spaced&(1<<id) != 0 }

// scan finds the lists with a cue in s, and in " "+s. A cue found in the
// second and not the first starts with that space, so it ends within the
// longest cue's length of the start: only that much of s is read again.
func (m *cueMatcher) scan(s string) cueHits {
	var h cueHits
	st := int32(0)
	for i := 0; i < len(s); i++ {
		st = m.next[int(st)*m.cols+int(m.class[s[i]])]
		h.in |= m.out[st]
	}
	h.spaced = h.in | m.out[m.spaced]
	st = m.spaced
	for i := 0; i < len(s) && i < m.maxLen; i++ {
		st = m.next[int(st)*m.cols+int(m.class[s[i]])]
		h.spaced |= m.out[st]
	}
	return h
}

// The cue lists of the notice and call-to-action checks, by id in
// blockCues' matcher; each language's consent lists follow them.
const (
	cueCookie = iota
	cueCookieUse
	cueCookieChoice
	cueReader
	cueAffiliate
	cueAffiliateWhat
	cueSelf
	cueCopyright
	cueCopyForbidden
	cueSubscribe
	cueSubscribeState
	cueAdblock
	cueAdblockWhat
	cueClickHere
	cueChannel
	cueURL
	cueLists
)

// blockCues finds the notice and call-to-action cues of a block in one
// pass. A Cleaner builds it once.
type blockCues struct {
	m       *cueMatcher
	consent map[string]consentIDs // a language's consent lists
}

// consentIDs are the ids of a language's consentWords lists.
type consentIDs struct{ consent, data, reader int }

func newBlockCues() *blockCues {
	lists := [][]string{
		cueCookie: cookieCues, cueCookieUse: cookieUse, cueCookieChoice: cookieChoice, cueReader: readerCues,
		cueAffiliate: affiliateCues, cueAffiliateWhat: affiliateWhat, cueSelf: selfCues,
		cueCopyright: copyrightCues, cueCopyForbidden: copyForbidden,
		cueSubscribe: subscribeCues, cueSubscribeState: subscribeState,
		cueAdblock: adblockCues, cueAdblockWhat: adblockWhat,
		cueClickHere: clickHere, cueChannel: channelWords, cueURL: urlTells,
	}
	b := &blockCues{consent: make(map[string]consentIDs, len(consentCues))}
	for lang, w := range consentCues {
		n := len(lists)
		b.consent[lang] = consentIDs{n, n + 1, n + 2}
		lists = append(lists, w.consent, w.data, w.reader)
	}
	b.m = newCueMatcher(lists)
	return b
}
