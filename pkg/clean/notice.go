package clean

import "strings"

// A site's notice about itself, printed inside the article's container: an
// affiliate disclosure ("We may earn a commission from links in this
// article"), a copyright notice that forbids copying, the status line of a
// subscription box, a plea to turn off an ad blocker. Each needs two cues together, and the disclosure and
// the copyright notice a third, that the site speaks of itself or of this
// page: a story about affiliate marketing or copyright law says the words
// without the shape.
// The cues are Turkish, Russian and English (the product's languages and
// the web's lingua franca); lower case.
var (
	affiliateCues = []string{"affiliate", "satış ortaklığı", "ortaklık bağlantı", "партнерск", "партнёрск"}
	affiliateWhat = []string{"commission", "link", "komisyon", "bağlantı", "ссылк", "комисси"}
	selfCues      = []string{
		"this article", "this post", "this page", "this site", "this document", "this material", " our ", " we ",
		"bu yazı", "bu haber", "bu sayfa", "bu içerik", "sitemiz",
		"этой стать", "этом материал", "этой страниц", " наш", " мы ", "сайта", "редакци",
	}
	copyrightCues = []string{"copyright", "telif hak", "авторск"}
	copyForbidden = []string{
		"no part", "reproduc", "without the written permission", "without permission",
		"izinsiz", "izin alınmadan", "kaynak gösterilmeden", "kullanılamaz",
		"без разрешения", "воспроизвед", "запрещ",
	}
	// An ad blocker's notice: the blocker, what it does to the page or
	// what the reader should do about it, said to the reader or by the
	// site of itself ("Some site features may not work correctly while
	// an ad blocker is enabled … If you can't see comments", "Reklam
	// engelleyici açıkken sitemiz …", "Отключите блокировщик рекламы,
	// чтобы вы …"). A story about ad blockers says the first two.
	adblockCues = []string{
		"ad blocker", "adblocker", "ad-blocker", "ad block", "adblock", "werbeblocker", "bloqueur de pub",
		"bloqueador de anuncios", "reklam engelleyici", "блокировщик рекламы", "блокировщика рекламы",
	}
	adblockWhat = []string{
		"disable", "turn off", "whitelist", "allowlist", "is enabled", "are enabled", "not work", "deaktivier",
		"ausschalten", "désactiv", "desactiv", "devre dışı", "kapat", "отключ", "не работа",
	}
	// "подписали" is "signed" as much as "subscribed": the Russian cue is
	// the subscription or the mailing list itself.
	subscribeCues  = []string{"subscrib", "abone", "подписк", "рассылк"}
	subscribeState = []string{
		"successfully", "problem subscribing", "try again",
		"başarıyla", "bir hata", "tekrar deneyin",
		"успешно", "ошибк", "попробуйте еще", "попробуйте ещё",
	}
)

// maxNoticeWords bounds a notice: a paragraph of the story is longer. A
// cookie notice, which lists its purposes, may run to maxCookieWords.
const (
	maxNoticeWords = 40
	maxCookieWords = 70
)

// A cookie notice: the cookies, that the site uses them, and what the
// reader may do about it (agree, continue, read the policy), said to the
// reader. A story about tracking cookies says the first two and seldom
// speaks to its reader.
var (
	cookieCues   = []string{"cookie", "çerez", "куки", "файлы cookie"}
	cookieUse    = []string{"use", "kullan", "использ"}
	cookieChoice = []string{
		"privacy", "policy", "consent", "continu", "agree", "accept", "learn more", "settings", "opt out", "opt-out",
		"gizlilik", "politika", "onay", "kabul", "devam", "ayarlar",
		"политик", "согласи", "продолжая", "настройк", "конфиденциальн",
	}
	readerCues = []string{" you ", " you,", "your", " our ", " we ", " siz ", "sitemiz", "olursunuz", "ediyorsunuz", " вы ", " вас", " ваш", " наш"}
)

// A consent notice under a sign-up form or an embed: the reader's consent
// (or the way out of it), to the site's use of their data or its policy,
// said to the reader or by the site of itself ("By providing your email
// address, you agree to our Privacy Policy", "Mit der Anmeldung willigen
// Sie der Verarbeitung Ihrer Daten gemäß unserer Datenschutzerklärung
// ein", "Нажимая кнопку, вы даете согласие на обработку персональных
// данных"). A story about data protection law names the consent and the
// data in other forms ("users must agree", "не давали согласие"), and
// seldom speaks to its reader. A checkbox's label says the consent in the
// first person and needs nothing else ("Ich bin damit einverstanden, dass
// mir Inhalte von YouTube angezeigt werden"). A notice is in the page's
// language: only that language's cues are looked for, which keeps the
// cost of a block that is no notice (nearly all) to a few searches. Lower
// case.
type consentWords struct {
	consent, data, reader, first []string
}

var consentCues = map[string]consentWords{
	"en": {
		consent: []string{"you agree", "agree to our", "agree to the", "read and agree", "you confirm", "consented", "consent to", "unsubscribe", "opt out", "protected by recaptcha"},
		data:    []string{"privacy", "personal data", "your data", "your information", "email address", "sign-up", "signing up", "third part", "recaptcha", "terms"},
		reader:  []string{" you", "your", " our ", " we ", "this site"},
		first:   []string{"i agree to", "i agree that", "i consent to", "i accept the"},
	},
	"de": {
		consent: []string{"willigen sie", "willigst du", "einwilligung", "einverstanden", "erklären sie sich", "erklärst du dich", "stimmen sie", "stimmst du", "abmelden", "übermittelt werden"},
		data:    []string{"datenschutz", "personenbezogen", "daten", "dsgvo", "drittplatt", "nutzungsbedingungen"},
		reader:  []string{" sie ", " ihr", " du ", " dich", " dein", " unser", " wir "},
		first:   []string{"ich bin damit einverstanden", "ich willige ein", "ich stimme zu"},
	},
	"fr": {
		consent: []string{"vous acceptez", "vous consentez", "désabonner", "désinscri"},
		data:    []string{"confidentialité", "données", "conditions générales"},
		reader:  []string{" vous", " votre", " vos ", " notre", " nos ", " nous "},
		first:   []string{"j'accepte", "j’accepte"},
	},
	"es": {
		consent: []string{"aceptas", "acepta la", "acepta los", "consientes", "consentimiento", "darte de baja", "darse de baja"},
		data:    []string{"privacidad", "datos", "términos y condiciones"},
		reader:  []string{" tu ", " tus ", " te ", " usted", " su ", " sus ", " nuestr"},
		first:   []string{"acepto los", "acepto la", "acepto el"},
	},
	"it": {
		consent: []string{"accetti", "acconsenti", "il consenso", "disiscriv"},
		data:    []string{"privacy", "riservatezza", "dati", "termini e condizioni"},
		reader:  []string{" tu", " tuoi", " vostr", " nostr"},
		first:   []string{"accetto i", "accetto le", "acconsento"},
	},
	"pt": {
		consent: []string{"você concorda", "concorda com", "você aceita", "descadastr"},
		data:    []string{"privacidade", "dados", "termos de uso"},
		reader:  []string{" você", " seus ", " sua ", " nosso", " nossa"},
		first:   []string{"aceito os", "aceito a", "concordo com"},
	},
	"pl": {
		consent: []string{"zgadzasz się", "wyrażasz zgodę", "wypisać"},
		data:    []string{"prywatności", "danych osobowych", "dane osobowe", "regulamin"},
		reader:  []string{" twoj", " twoi", " nasz"},
		first:   []string{"zgadzam się", "wyrażam zgodę"},
	},
	"tr": {
		consent: []string{"kabul etmiş olursunuz", "kabul ediyorsunuz", "onay vermiş olursunuz", "onaylamış olursunuz", "abonelikten çık"},
		data:    []string{"kişisel veri", "kvkk", "aydınlatma metni", "gizlilik", "kullanım koşulları"},
		reader:  []string{"niz", "nız", "nüz", "nuz", " siz", "sitemiz"},
		first:   []string{"kabul ediyorum", "okudum ve kabul", "onaylıyorum"},
	},
	"ru": {
		consent: []string{"вы соглашаетесь", "соглашаетесь с", "даете согласие", "даёте согласие", "отписаться"},
		data:    []string{"персональных данных", "конфиденциальност", "пользовательск"},
		reader:  []string{" вы ", " вас", " ваш", " наш"},
		first:   []string{"я согласен", "я согласна", "я даю согласие", "даю согласие"},
	},
	"uk": {
		consent: []string{"ви погоджуєтеся", "погоджуєтесь", "надаєте згоду", "відписатися"},
		data:    []string{"персональних даних", "конфіденційност"},
		reader:  []string{" ви ", " вас", " ваш", " наш"},
		first:   []string{"я погоджуюся", "я погоджуюсь", "надаю згоду"},
	},
}

// minConsentWords is the shortest consent notice: a sentence.
const minConsentWords = 6

// consentNotice reports a short lower-cased block, in a page in language
// lang, that is a consent notice (consentCues); h are the block's cues.
func (bc *blockCues) consentNotice(h cueHits, lower string, nwords int, lang string) bool {
	w, ok := consentCues[lang]
	if !ok || nwords < minConsentWords {
		return false
	}
	for _, o := range w.first {
		if strings.HasPrefix(lower, o) {
			return true
		}
	}
	id := bc.consent[lang]
	return h.has(id.consent) && h.has(id.data) && h.hasSpaced(id.reader)
}

// siteNotice reports a short lower-cased block that is one of the site's
// notices about itself; h are the block's cues.
func (bc *blockCues) siteNotice(h cueHits, lower string, nwords int, lang string) bool {
	if nwords > maxCookieWords {
		return false
	}
	if h.has(cueCookie) && h.has(cueCookieUse) && h.has(cueCookieChoice) && h.hasSpaced(cueReader) {
		return true
	}
	if bc.consentNotice(h, lower, nwords, lang) {
		return true
	}
	if nwords > maxNoticeWords {
		return false
	}
	switch {
	case h.has(cueAffiliate) && h.has(cueAffiliateWhat) && h.hasSpaced(cueSelf):
		return true
	case h.has(cueCopyright) && h.has(cueCopyForbidden) && h.hasSpaced(cueSelf):
		return true
	case h.has(cueAdblock) && h.has(cueAdblockWhat) && (h.hasSpaced(cueReader) || h.hasSpaced(cueSelf)):
		return true
	}
	return h.has(cueSubscribe) && h.has(cueSubscribeState)
}

func hasAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// maxOfferWords bounds a newsletter's offer: a longer block is text.
const maxOfferWords = 40

// newsletterWords name a site's newsletter.
var newsletterWords = []string{"newsletter", "bülten", "рассылк"}

// readerWords address the reader, by the page's language. German's
// polite "Sie" is told from "sie" (she, they) by its capital.
var readerWords = map[string]map[string]bool{
	"en": setOf("you", "your"),
	"de": setOf("ihnen", "du", "dich", "dir", "dein", "deine", "deinen"),
	"tr": setOf("siz", "size", "sizi", "sizin", "sizinle"),
	"ru": setOf("вы", "вас", "вам", "ваш", "ваша", "вашу", "ваши", "вашей"),
}

// newsletterOffer reports a short block that names a newsletter and
// speaks to the reader: the site offering it ("Der … Newsletter
// informiert Sie …", "Thank you for subscribing. We have more
// newsletters"), with or without an imperative.
func newsletterOffer(text, lower string, nwords int, lang string) bool {
	if nwords > maxOfferWords {
		return false
	}
	named := false
	for _, w := range newsletterWords {
		if strings.Contains(lower, w) {
			named = true
			break
		}
	}
	if !named {
		return false
	}
	cues := readerWords[lang]
	for _, w := range words(lower) {
		if cues[w] {
			return true
		}
	}
	if lang != "de" {
		return false
	}
	fields := strings.Fields(text)
	for i := 1; i < len(fields); i++ {
		if strings.TrimRight(fields[i], ",.!?;:") == "Sie" && !strings.ContainsAny(fields[i-1][len(fields[i-1])-1:], ".!?:") {
			return true
		}
	}
	return false
}
