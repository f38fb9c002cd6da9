package clean

import "strings"

// A site's notice about itself, printed inside the article's container: an
// affiliate disclosure ("We may earn a commission from links in this
// article"), a copyright notice that forbids copying, the status line of a
// subscription box. Each needs two cues together, and the disclosure and
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

// siteNotice reports a short lower-cased block that is one of the site's
// notices about itself.
func siteNotice(lower string, nwords int) bool {
	if nwords > maxCookieWords {
		return false
	}
	if hasAny(lower, cookieCues) && hasAny(lower, cookieUse) && hasAny(lower, cookieChoice) && hasAny(" "+lower, readerCues) {
		return true
	}
	if nwords > maxNoticeWords {
		return false
	}
	switch {
	case hasAny(lower, affiliateCues) && hasAny(lower, affiliateWhat) && hasAny(" "+lower, selfCues):
		return true
	case hasAny(lower, copyrightCues) && hasAny(lower, copyForbidden) && hasAny(" "+lower, selfCues):
		return true
	}
	return hasAny(lower, subscribeCues) && hasAny(lower, subscribeState)
}

func hasAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
