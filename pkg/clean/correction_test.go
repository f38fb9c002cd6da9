package clean_test

import (
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// TestCorrectionPrompt: under a story, in Russian and Turkish styles of
// their own, the site asks the reader to report a mistake: a question put
// to the reader, or the key to press. A sentence of the story that
// someone found an error, and a question in the story about an error,
// stay.
func TestCorrectionPrompt(t *testing.T) {
	body := func(s string) line { return line{b: block(article.ZoneBody, s)} }
	prompt := func(s string) line { return line{b: block(article.ZoneBody, s), reason: article.ReasonBoilerplate} }
	checkLines(t, "gorod", "Счетная палата пересчитала расходы на ремонт дорог", "ru", []line{
		body("Счетная палата пересчитала расходы области на ремонт дорог за прошлый год."),
		body("Аудиторы нашли ошибку в отчете министерства, из-за которой сумма оказалась завышена на сорок миллионов."),
		body("Как такая ошибка могла пройти три проверки? Ответа в министерстве пока не дали."),
		prompt("Нашли ошибку? Выделите фрагмент текста и нажмите Ctrl+Enter."),
		prompt("Заметили опечатку?"),
	})
	checkLines(t, "yerel", "Belediye bütçesindeki hesap hatası düzeltildi", "tr", []line{
		body("Belediye meclisi, gelecek yılın bütçesindeki hesap hatasını dün akşamki oturumda düzeltti."),
		body("Muhalefet üyeleri hatayı ilk okumada fark ettiklerini, ancak tutanağa geçirilmediğini söyledi."),
		prompt("Haberde bir hata mı buldunuz? Bize yazın."),
		prompt("Yerelhaber.com.tr'de bir hata mı gördünüz?"),
	})
}
