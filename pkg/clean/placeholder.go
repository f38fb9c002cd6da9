package clean

import "strings"

// maxPlaceholderWords bounds an embed's placeholder: a line or two of
// what the reader may do, a longer block is text.
const maxPlaceholderWords = 45

// Words of the line a page prints where an embed (a video, a post, a
// chart from another site) waits for the reader's leave to load: the
// content from elsewhere, and the showing, loading or allowing of it, or
// its not being there. Lower case; stems, so that a case ending
// ("externen Inhalt", "внешнего контента") still matches. The content is
// two words together in some languages: each entry of externalCues is a
// pair that must both be in the block.
var (
	externalCues = [][2]string{
		{"external", "content"}, {"third-party", "content"}, {"third party", "content"},
		{"extern", "inhalt"}, {"contenu", "extern"}, {"contenido", "extern"}, {"contenuto", "estern"},
		{"harici", "içerik"}, {"dış kaynak", "içerik"},
		{"внешн", "контент"}, {"внешн", "содержим"},
	}
	placeholderActions = []string{
		"show", "load", "allow", "enable", "not available", "unavailable",
		"anzeig", "laden", "erlaub", "aktivier", "zulassen", "nicht verfügbar",
		"afficher", "charger", "autoriser", "mostrar", "cargar", "permitir", "visualizza", "caricare",
		"göster", "yükle", "izin ver", "etkinleştir",
		"показать", "загруз", "разреш", "недоступ",
	}
)

// embedPlaceholder reports a short lower-cased block that stands in for
// an embed the reader has not allowed ("Externen Inhalt anzeigen", "An
// dieser Stelle findest du einen externen Inhalt von YouTube … Du kannst
// ihn dir mit einem Klick anzeigen lassen", "Harici içerik yüklenemedi",
// "Чтобы показать внешний контент, разрешите …"): the site's furniture.
// Both cues are needed, in a block of a line or two: a story about
// platforms' content rules names the content without offering to show it.
func embedPlaceholder(lower string, nwords int) bool {
	if nwords > maxPlaceholderWords {
		return false
	}
	external := false
	for _, c := range externalCues {
		if strings.Contains(lower, c[0]) && strings.Contains(lower, c[1]) {
			external = true
			break
		}
	}
	return external && containsAny(lower, placeholderActions)
}
