package byline

import (
	"strings"
	"unicode"
)

// A credit line often names the photographer beside the writer: "Текст:
// Мария Соколова. Фото: Иван Петров", "Haber: Ayşe Kaya / Fotoğraf: Emre
// Tan", "Muhabir Ayşe Kaya, Foto Muhabiri Emre Tan". The person after a
// photo, video or illustration label took the picture; the byline is the
// text's.

// photoLabels open a picture's credit, folded; a colon follows, except
// after a role ("Foto Muhabiri Emre Tan", "фотограф Иван Петров").
var photoLabels = []string{"автор фото", "фото и видео", "фотографии", "фото", "видео", "иллюстрация", "иллюстрации", "инфографика",
	"fotograflar", "fotograf", "foto", "kamera", "goruntu", "video", "photography", "photographs", "photograph", "photos", "photo",
	"illustration", "graphics"}

// roleLabels open the credit of a person who did not write the text: an
// editor's, a translator's ("Haber: Ayşe Kaya | Editör: Emre Tan",
// "Автор: Мария Соколова, редактор: Иван Петров", "Перевод: …"). They
// are cut as a picture's credit is; the byline is the writer's. Folded,
// a colon follows.
var roleLabels = []string{"editor", "editorler", "редактор", "редакторы", "ceviri", "ceviren", "перевод", "переводчик",
	"translation", "translator"}

// photoRoles are a photographer's roles, which need no colon.
var photoRoles = []string{"foto muhabiri", "foto muhabirimiz", "фотограф", "фотокорреспондент", "photographer"}

// textLabels open the text's credit again after a picture's ("Фото: X.
// Текст: Y").
var textLabels = []string{"автор текста", "текст", "автор", "text", "metin", "yazi", "yazar", "haber", "muhabir", "by"}

// cutPictureCredits drops the picture credits, and an editor's or a
// translator's, from a credit line: from a photo or role label to the
// next text label or the line's end.
func cutPictureCredits(s string) string {
	r, f := []rune(s), []rune(fold(s))
	if len(r) != len(f) {
		return s // fold maps rune for rune; never otherwise
	}
	at := func(i int, label string, colon bool) bool {
		l := []rune(label)
		if i+len(l) > len(f) || string(f[i:i+len(l)]) != label {
			return false
		}
		if i+len(l) == len(f) {
			return false
		}
		next := f[i+len(l)]
		if colon {
			return next == ':' || next == '：' || (next == ' ' && i+len(l)+1 < len(f) && (f[i+len(l)+1] == ':' || f[i+len(l)+1] == '：'))
		}
		return next == ' '
	}
	boundary := func(i int) bool {
		if i == 0 {
			return true
		}
		p := r[i-1]
		return unicode.IsSpace(p) || strings.ContainsRune(",.;/|()-–—", p)
	}
	var out []rune
	for i := 0; i < len(r); {
		photo := false
		if boundary(i) {
			for _, l := range photoLabels {
				if at(i, l, true) {
					photo = true
					break
				}
			}
			for _, l := range roleLabels {
				if !photo && at(i, l, true) {
					photo = true
				}
			}
			for _, l := range photoRoles {
				if !photo && at(i, l, false) {
					photo = true
				}
			}
		}
		if !photo {
			out = append(out, r[i])
			i++
			continue
		}
		j := i + 1
		for ; j < len(r); j++ {
			text := false
			if boundary(j) {
				for _, l := range textLabels {
					if at(j, l, true) {
						text = true
						break
					}
				}
			}
			if text {
				break
			}
		}
		out = append([]rune(strings.TrimRight(string(out), " .,;/|-–—(")), ',', ' ')
		i = j
	}
	return strings.TrimRight(string(out), " ,")
}
