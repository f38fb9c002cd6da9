package clean_test

import (
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// TestEmbedPlaceholder: the line a page prints where an embed waits for
// the reader's leave to load (the content from elsewhere, and showing,
// loading or allowing it) is furniture; a story's sentence about another
// site's content, which offers nothing, stays. Turkish and Russian pages
// in styles of their own.
func TestEmbedPlaceholder(t *testing.T) {
	body := func(s string) line { return line{b: block(article.ZoneBody, s)} }
	placeholder := func(s string) line {
		return line{b: block(article.ZoneBody, s), reason: article.ReasonBoilerplate}
	}
	checkLines(t, "kiyisesi", "Liman genişletme projesi meclisten geçti", "tr", []line{
		body("Liman genişletme projesi, belediye meclisinde dün akşam oy çokluğuyla kabul edildi."),
		placeholder("Bu alanda harici bir içerik bulunuyor. Görüntülemek için izin verin ve içeriği yükleyin."),
		body("Projeye itiraz eden balıkçılar, harici danışmanların hazırladığı çevre raporundaki içeriğin eksik olduğunu söylüyor."),
		placeholder("Harici içerik yüklenemedi"),
		body("Meclis, raporun yeniden incelenmesi için üç aylık süre verdi."),
	})
	checkLines(t, "pristan", "Порт расширят к следующему лету", "ru", []line{
		body("Городская дума одобрила проект расширения порта, работы начнутся весной."),
		placeholder("Здесь размещен внешний контент. Чтобы показать его, разрешите загрузку материалов сторонних сервисов."),
		body("Противники проекта говорят, что внешний аудит не проверял экологические риски."),
		placeholder("Внешний контент недоступен"),
	})
}
