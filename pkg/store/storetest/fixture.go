package storetest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// base is the reference time of the fixtures: fixed, so that failures
// reproduce, and with nanoseconds, so that a store truncating them fails.
func base() time.Time { return time.Date(2025, 3, 14, 9, 26, 53, 589793238, time.UTC) }

// Paragraphs of realistic length and script, so that benchmarks and
// round trips exercise multi-byte text.
var (
	turkishParagraphs = []string{
		"Dışişleri Bakanı, Ankara'da düzenlenen ortak basın toplantısında İki ülke arasındaki ilişkilerin güçlendirilmesi için yeni bir eylem planı üzerinde uzlaşıldığını açıkladı.",
		"Görüşmede bölgesel güvenlik, enerji işbirliği ve Karadeniz'deki seyrüsefer serbestisi ele alındı; taraflar, ateşkesin kalıcı hale getirilmesi için diplomatik çabaların sürdürülmesi gerektiğini vurguladı.",
		"Bakan, Şubat ayında İstanbul'da yapılacak üçlü zirvenin hazırlıklarının sürdüğünü, Birleşmiş Milletler ve AGİT temsilcilerinin de toplantıya davet edileceğini söyledi.",
		"Açıklamada ayrıca, Türkiye'nin arabuluculuk rolünün uluslararası toplum tarafından takdirle karşılandığı ve ığdır sınır kapısındaki düzenlemelerin gözden geçirileceği belirtildi.",
	}
	russianParagraphs = []string{
		"Министр иностранных дел России провёл в Москве переговоры со своим турецким коллегой, в ходе которых стороны обсудили ситуацию на Ближнем Востоке и в Закавказье.",
		"По словам министра, Москва и Анкара договорились продолжить консультации по вопросам региональной безопасности и подготовить встречу на высшем уровне в ближайшие месяцы.",
		"Стороны также подтвердили заинтересованность в расширении торгово-экономического сотрудничества, в том числе в энергетике, и в скорейшем восстановлении судоходства в Чёрном море.",
		"В совместном заявлении подчёркивается, что урегулирование конфликтов возможно только политико-дипломатическими средствами при участии ООН и ОБСЕ.",
	}
)

// NewArticle returns a valid, realistic article/v1 numbered n: Turkish for
// even n and Russian for odd n, published n minutes after a fixed time.
// Its id, URL and content hash are derived from n, so NewArticle(n) is the
// same article every time.
func NewArticle(n int) *article.Article {
	lang, source, paras := "tr", "aa", turkishParagraphs
	if n%2 == 1 {
		lang, source, paras = "ru", "tass", russianParagraphs
	}
	u := fmt.Sprintf("https://%s.example/haber/%d", source, n)
	paragraphs := make([]string, 0, 2*len(paras))
	for range 2 {
		paragraphs = append(paragraphs, paras...)
	}
	a := &article.Article{
		Schema:         article.SchemaArticle,
		ID:             article.IDFor(u),
		URL:            u,
		Source:         source,
		Lang:           lang,
		LangConfidence: 0.97,
		Title:          fmt.Sprintf("%s (%d)", strings.SplitN(paras[0], ",", 2)[0], n),
		PublishedAt:    base().Add(time.Duration(n) * time.Minute),
		Byline:         "Ayşe Yılmaz",
		Dateline:       "ANKARA",
		Attribution:    "AA",
		Paragraphs:     paragraphs,
		Relevance: article.Relevance{
			Topic: "diplomacy", Score: 0.81, Relevant: true, Terms: []string{"dışişleri", "zirve"},
		},
		Countries:     []string{"TR", "RU"},
		Organizations: []string{"UN", "OSCE"},
		Dropped: []article.Dropped{
			{I: 0, Text: "Son dakika haberleri için tıklayın", Reason: article.ReasonNav},
			{I: 9, Text: "İlgili haberler: Şampiyonlar Ligi'nde gece", Reason: article.ReasonRelated},
		},
		FetchedAt:    base().Add(time.Duration(n)*time.Minute + time.Second),
		ClassifiedAt: base().Add(time.Duration(n)*time.Minute + 2*time.Second),
	}
	setBody(a, paragraphs)
	return a
}

// setBody replaces the paragraphs and keeps body and content hash
// consistent with them, as the classifier does.
func setBody(a *article.Article, paragraphs []string) {
	a.Paragraphs = paragraphs
	a.Body = strings.Join(paragraphs, "\n\n")
	sum := sha256.Sum256([]byte(a.Body))
	a.ContentHash = hex.EncodeToString(sum[:16])
}

// revise returns a copy of a with changed content fetched d later.
func revise(a *article.Article, d time.Duration, extra string) *article.Article {
	b := clone(a)
	setBody(b, append(append([]string(nil), a.Paragraphs...), extra))
	b.FetchedAt = a.FetchedAt.Add(d)
	b.ClassifiedAt = a.ClassifiedAt.Add(d)
	return b
}

// clone returns a deep copy of a, so that a test mutating it cannot alter
// what the store was given.
func clone(a *article.Article) *article.Article {
	b := *a
	b.Paragraphs = append([]string(nil), a.Paragraphs...)
	b.Relevance.Terms = append([]string(nil), a.Relevance.Terms...)
	b.Countries = append([]string(nil), a.Countries...)
	b.Organizations = append([]string(nil), a.Organizations...)
	b.Dropped = append([]article.Dropped(nil), a.Dropped...)
	return &b
}
