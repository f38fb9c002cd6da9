package byline

import "testing"

func TestSplit(t *testing.T) {
	tests := []struct {
		in, site, persons, orgs string
	}{
		{"Güven Usta", "", "Güven Usta", ""},
		{"Güven USTA", "", "Güven USTA", ""},
		{"Yazar: Mehmet Demir", "", "Mehmet Demir", ""},
		{"Автор: Михаил Петров", "", "Михаил Петров", ""},
		{"By Jane Roe", "", "Jane Roe", ""},
		{"Ankara / Selin Ak", "", "Selin Ak", ""},
		{"Ольга Иванова и Дмитрий Сидоров", "", "Ольга Иванова, Дмитрий Сидоров", ""},
		{"Ayşe Kaya ve Emre Tan", "", "Ayşe Kaya, Emre Tan", ""},
		{"Güven Usta, DHA", "", "Güven Usta", "DHA"},
		{"ТАСС", "", "", "ТАСС"},
		{"Sputnik Türkiye muhabiri Ayşe Demir", "", "Ayşe Demir", "Sputnik Türkiye"},
		{"РИА Новости", "", "", "РИА Новости"},
		{"AA", "", "", "AA"},
		{"TRT Haber", "", "", "TRT Haber"},
		{"hurriyet.com.tr", "", "", "hurriyet.com.tr"},
		{"Hürriyet", "www.hurriyet.com.tr", "", "Hürriyet"},
		{"Vesti Kuryer", "vestikuryer.example", "", "Vesti Kuryer"},
		{"Birleşik Rusya", "", "", "Birleşik Rusya"},
		{"Единая Россия", "", "", "Единая Россия"},
		{"Haber Merkezi", "", "", "Haber Merkezi"},
		{"Gündem Dış Haberler Servisi", "", "", "Gündem Dış Haberler Servisi"},
		{"Pazartesi", "", "", ""},
		{"von Lena Sommer Lesezeit: 3 Min.", "", "Lena Sommer", ""},
		{"Elif Onur Okuma süresi: 4 dk", "", "Elif Onur", ""},
		{"Анна Белова Время чтения: 5 минут", "", "Анна Белова", ""},
		{"Jane Roe 4 min read", "", "Jane Roe", ""},
		{"Jane Roe · 4 min read", "", "Jane Roe", ""},
		{"Jane Roe\nStaff Writer\nTue, Mar 11, 2025, 11:52 AM·2 min read", "", "Jane Roe", ""},
		{"Perşembe; Cuma", "", "", ""},
		{"среда, 18 ноября 2026", "", "", ""},
		{"18.11.2026 18:12", "", "", ""},
		{"Reuters", "", "", "Reuters"},
		{"https://www.aa.com.tr", "", "", ""},
		{"İstanbul", "", "", ""},
		{"ahmet yılmaz", "", "", ""},
		{"Lisa de Moraes", "", "Lisa de Moraes", ""},
		{"Ursula von der Leyen", "", "Ursula von der Leyen", ""},
		{"de Moraes", "", "", ""},
		{"T.C. Sottek", "", "T.C. Sottek", ""},
		{"Ronald McDonald", "", "Ronald McDonald", ""},
		{"Laura June Topolsky", "", "Laura June Topolsky", ""},
		{"Cuma Kaya", "", "Cuma Kaya", ""},
		{"Perşembe Cuma", "", "", ""},
		{"Pazartesi, 18 Kasım", "", "", ""},
		{"FacebookTwitterInstagram YouTube", "", "", ""},
		{"Here's Why...", "", "", ""},
		{"Condé Nast", "Condé Nast", "", "Condé Nast"},
		{"Bu haberin yazarı sayfanın en altında yer alır", "", "", ""},
		// A date and a time beside the names, before or after.
		{"By Jane Roe December 28, 2016", "", "Jane Roe", ""},
		{"January 17, 2017 at 6:08 PM ET by Jane Roe", "", "Jane Roe", ""},
		{"Wednesday January 18, 2017 10:44 am PST by Jane Roe", "", "Jane Roe", ""},
		{"18.11.2026 14:35 — Ayşe Kaya", "", "Ayşe Kaya", ""},
		{"Мария Соколова 18 ноября 2026 г. в 18:12", "", "Мария Соколова", ""},
		{"Günlük Haber 9/21/2016 Selin Ak", "", "Selin Ak", "Günlük Haber"},
		{"Written by Jane Roe in Science on 1 June 2019 at 08:34 PM EDT. 51 Comments", "", "Jane Roe", ""},
		// Roles before or after the name, and the icons' labels.
		{"Jane Roe, Staff Writer", "", "Jane Roe", ""},
		{"Ayşe Kaya - Pazarlama Müdürü", "", "Ayşe Kaya", ""},
		{"Jane Roe - Marketing Manager", "", "Jane Roe", ""},
		{"Иван Петров — ТАСС", "", "Иван Петров", "ТАСС"},
		{"Jean-Luc Martin", "", "Jean-Luc Martin", ""},
		{"Selin Ak Selin Ak", "", "Selin Ak", ""},
		{"Ahmet Kaya AA", "", "Ahmet Kaya", "AA"},
		{"Мария Соколова ТАСС", "", "Мария Соколова", "ТАСС"},
		{"Caio Quero BBC Brasil", "", "Caio Quero", "BBC Brasil"},
		{"Sean Leahy, USA TODAY", "", "Sean Leahy", "USA TODAY"},
		{"LOUISE RADNOFSKY", "", "LOUISE RADNOFSKY", ""},
		{"Güven USTA", "", "Güven USTA", ""},
		{"Share this post", "", "", ""},
		{"Haberi paylaş: sosyal medya", "", "", ""},
		{"Ministry of Foreign Affairs", "", "", "Ministry of Foreign Affairs"},
		{"Министерство иностранных дел", "", "", "Министерство иностранных дел"},
		{"пресс-служба Кремля", "", "", "пресс-служба Кремля"},
		{"Jane RoeNovember 15, 2015", "", "Jane Roe", ""},
		{"Selin Ak3 Aralık 2026 14:35", "", "Selin Ak", ""},
		{"Мария Соколова3 декабря 2026", "", "Мария Соколова", ""},
		{"Jane RoeStaff Writer", "", "Jane Roe", ""},
		{"Culture Writer", "", "", ""},
		{"Jane RoeTwitterNews & Culture Writer", "", "Jane Roe", ""},
		{"Jane Roe Twitter", "", "Jane Roe", ""},
		{"Ayşe Kaya, Ankara Muhabiri", "", "Ayşe Kaya", ""},
		{"Muhabir Ayşe Kaya", "", "Ayşe Kaya", ""},
		{"Иван Петров, специальный корреспондент", "", "Иван Петров", ""},
		{"Senior Editor Jane Roe", "", "Jane Roe", ""},
		{"Reuters Staff", "", "", "Reuters"},
		{"Senior Kaya", "", "Senior Kaya", ""},
		// Han and kana have no capitals: length and an outlet's ending.
		{"松村太郎", "", "松村太郎", ""},
		{"小暮ひさのり", "", "小暮ひさのり", ""},
		{"谢若含2017-03-01 14:27:02", "", "谢若含", ""},
		{"朝日新聞", "", "", "朝日新聞"},
		{"日刊現代", "", "", "日刊現代"},
		{"週刊文春", "", "", "週刊文春"},
		{"その他", "", "", ""},
		{"作者：王小明", "", "王小明", ""},
		{"記者：佐藤健一 2026年12月3日", "", "佐藤健一", ""},
		{"ライフハッカー", "", "", ""},
		{"这个约会软件想用你和对方的相似好恶", "", "", ""},
		{"Jane Roe Senior Politics Editor, The Daily Example", "", "Jane Roe", "The Daily Example"},
		{"By Jane Roe Published in Science December 14, 2016 2:24 pm", "", "Jane Roe", ""},
		{"Bernie Was Once Asked to Leave a Commune", "", "", ""},
		{"FacebookTwitterInstagramKOO APPYOUTUBE", "", "", ""},
		{"Follow us: Facebook Twitter Jane Roe", "", "", ""},
		// Two capitals before a surname are a person's initials; an
		// outlet's acronym opens a longer name or is a known agency.
		{"MG Siegler", "", "MG Siegler", ""},
		{"By JK Rowling", "", "JK Rowling", ""},
		{"PJ O'Rourke", "", "PJ O'Rourke", ""},
		{"Jane Roe, TJ Miller", "", "Jane Roe, TJ Miller", ""},
		{"AA Spor", "", "", "AA Spor"},
		{"RT Arabic", "", "", "RT Arabic"},
		{"BBC Brasil", "", "", "BBC Brasil"},
		{"ТАСС Москва", "", "", "ТАСС Москва"},
		{"DW Türkçe", "", "", "DW Türkçe"},
		{"ИА Регнум", "", "", "ИА Регнум"},
		// A given name that is also a city: a dateline place stands
		// before a separator or a date, not before a surname.
		{"Doha Madani", "", "Doha Madani", ""},
		{"By Paris Lees", "", "Paris Lees", ""},
		{"Doha, Ayşe Kaya", "", "Ayşe Kaya", ""},
		{"Doha — Ayşe Kaya", "", "Ayşe Kaya", ""},
		{"Doha 3 Aralık 2026 Ayşe Kaya", "", "Ayşe Kaya", ""},
		{"Москва: Иван Петров", "", "Иван Петров", ""},
		{"Владимир Москвин", "", "Владимир Москвин", ""},
		{"Ankara Üniversitesi", "", "", "Ankara Üniversitesi"},
		{"Moscow State University", "", "", "Moscow State University"},
		{"Московский университет", "", "", ""},
		{"Doha AA", "", "", "Doha AA"},
		{"Washington Post", "", "", "Washington Post"},
		// Joining words and labels of other languages; an agency's or a
		// desk's name with its words in German, a compound among them.
		{"Von Lena Brandt und Timo Kessler, dpa", "", "Lena Brandt, Timo Kessler", "dpa"},
		{"Von Timo Kessler, Kiel", "", "Timo Kessler", ""},
		{"von der Leyen", "", "", ""},
		{"Kari Nordmann og Ola Berg", "", "Kari Nordmann, Ola Berg", ""},
		{"Par Claire Dubois et Hugo Lefèvre", "", "Claire Dubois, Hugo Lefèvre", ""},
		{"Autorin/Autor Timo Kessler", "", "Timo Kessler", ""},
		{"Deutsche Presse-Agentur", "", "", "Deutsche Presse-Agentur"},
		{"Wetter Redaktion", "", "", "Wetter Redaktion"},
		{"Redaktion: Lena Brandt und Timo Kessler\nSendung: Radio Example, 25.04.2026, 10.45 Uhr", "", "Lena Brandt, Timo Kessler", ""},
		{"Foto Team", "", "", "Foto Team"},
		{"Lena Brandt, NDR HAMBURG", "", "Lena Brandt", "NDR HAMBURG"},
		{"Лена Брандт, ТВ ЦЕНТР", "", "Лена Брандт", "ТВ ЦЕНТР"},
		{"JANE ROE, JOHN DOE", "", "JANE ROE, JOHN DOE", ""},
		{"Contact Us", "", "", ""},
		{"GÜNÜN ÖNEMLİ MANŞETLERİ", "", "", ""},
		{"Par Le Figaro et AFP", "", "", "Le Figaro, AFP"},
		{"Die Zeit", "", "", "Die Zeit"},
		// Initials in brackets after the name they sign.
		{"Selin Ak (sak)", "", "Selin Ak", ""},
		{"Мария Соколова (мс), Иван Петров (ип)", "", "Мария Соколова, Иван Петров", ""},
		// A Han name spaced between surname and given name; Hangul
		// names, roles and outlets.
		{"佐藤 健一", "", "佐藤 健一", ""},
		{"김민준 기자", "", "김민준", ""},
		{"이서연, 박지훈", "", "이서연, 박지훈", ""},
		{"서울경제", "", "", "서울경제"},
		// Arabic-script names, which no capital marks: words of the
		// script are a name unless one names an outlet or a role, or the
		// article al- opens them.
		{"علیرضا مجیدی", "", "علیرضا مجیدی", ""},
		{"محمد عبد الله، سارة خليل", "", "محمد عبد الله, سارة خليل", ""},
		{"الجزيرة نت", "", "", "الجزيرة نت"},
		{"خبرگزاری مهر", "", "", "خبرگزاری مهر"},
		{"علیرضا", "", "", ""},
		{"سارة خليل و محمد عبد الله", "", "سارة خليل, محمد عبد الله", ""},
		{"기자", "", "", ""},
		// A picture's credit beside the text's: the photographer is no
		// byline. A text label ("Текст:", "Metin:", "Text:") opens the
		// text's credit.
		{"Текст: Мария Соколова. Фото: Иван Петров", "", "Мария Соколова", ""},
		{"Автор текста: Мария Соколова", "", "Мария Соколова", ""},
		{"Фото: Иван Петров / ТАСС", "", "", ""},
		{"Фото: Иван Петров. Текст: Мария Соколова", "", "Мария Соколова", ""},
		{"Haber: Ayşe Kaya / Fotoğraf: Emre Tan", "", "Ayşe Kaya", ""},
		{"Muhabir Ayşe Kaya, Foto Muhabiri Emre Tan", "", "Ayşe Kaya", ""},
		{"Metin: Ayşe Kaya - Görüntü: Emre Tan", "", "Ayşe Kaya", ""},
		{"Text: Jane Roe, Photos: John Doe", "", "Jane Roe", ""},
		{"Fotoğraf: Emre Tan", "", "", ""},
		// A social handle after a name is the writer's user name.
		{"Ayşe Kaya @aysekaya", "", "Ayşe Kaya", ""},
		{"Мария Соколова @msokolova, Иван Петров @ipetrov", "", "Мария Соколова, Иван Петров", ""},
		{"@aysekaya", "", "", ""},
		// An editor's or a translator's credit beside the writer's.
		{"Haber: Ayşe Kaya | Editör: Emre Tan", "", "Ayşe Kaya", ""},
		{"Автор: Мария Соколова, редактор: Иван Петров", "", "Мария Соколова", ""},
		{"Перевод: Иван Петров. Текст: Мария Соколова", "", "Мария Соколова", ""},
		{"Editör: Emre Tan", "", "", ""},
		// A place or an agency after the name, in brackets or a field of
		// its own.
		{"Emre Tan (Kahramanmaraş)", "", "Emre Tan", ""},
		{"Ayşe Kaya, Ankara (AA)", "", "Ayşe Kaya", "AA"},
		{"Мария Соколова (Ростов-на-Дону)", "", "Мария Соколова", ""},
		{"Ayşe Kaya - Washington DC", "", "Ayşe Kaya", ""},
		{"Selin Ak | Rio de Janeiro | 08.01.2026", "", "Selin Ak", ""},
		{"Selin Ak, Emre Tan | Rio de Janeiro | 08.01.2026", "", "Selin Ak, Emre Tan", ""},
		{"Selin Ak | Emre Tan", "", "Selin Ak, Emre Tan", ""},
		// A line break (a <br> or a block inside the byline element) is
		// a field boundary: the writer's line gives the persons; an
		// outlet, a place, a role or a day on a line after it is not
		// a longer name, whatever its shape.
		{"Ayşe Kaya\nYeni Akşam", "", "Ayşe Kaya", ""},
		{"Ayşe Kaya\nYeni Akşam", "yeniaksam.example", "Ayşe Kaya", "Yeni Akşam"},
		{"Мария Соколова\nРИА Новости", "", "Мария Соколова", "РИА Новости"},
		{"Иван Петров\nМосква", "", "Иван Петров", ""},
		{"Иван Петров\nСпециальный корреспондент", "", "Иван Петров", ""},
		{"Emre Tan\nDiplomasi Muhabiri", "", "Emre Tan", ""},
		{"Emre Tan\nAnkara (AA)", "", "Emre Tan", "AA"},
		{"Jane Roe\nSanta Maria", "", "Jane Roe", ""},
		{"Selin Ak\nPazartesi\n18.11.2026 18:12", "", "Selin Ak", ""},
		{"Jane Roe\nDeputy Chief Digital Officer", "", "Jane Roe", ""},
		{"03.12.2026 14:35\nSelin Ak\nTwitter", "", "Selin Ak", ""},
		// A given name and a surname on lines of their own are one name;
		// a label alone on its line opens the next; a line ending with
		// a joining word or a comma goes on with more names, and so do
		// three lines or more of names alone.
		{"Bruno\nCampos", "", "Bruno Campos", ""},
		{"Yazar:\nAyşe Kaya", "", "Ayşe Kaya", ""},
		{"By\nJane Roe\nDecember 21, 2016", "", "Jane Roe", ""},
		{"JANE ROE, JOHN DOE and PAT\nMILLER\nDecember 16, 2016", "", "JANE ROE, JOHN DOE, PAT MILLER", ""},
		{"Ayşe Kaya,\nEmre Tan", "", "Ayşe Kaya, Emre Tan", ""},
		{"Мария Соколова\nи Иван Петров", "", "Мария Соколова, Иван Петров", ""},
		{"Ayşe Kaya\nEmre Tan\nSelin Ak", "", "Ayşe Kaya, Emre Tan, Selin Ak", ""},
		// The same fields run together when the break was read as a
		// space: a place after a name of two words or more, a role with
		// its beat, a role in a heading's case, the links to the
		// writer's other articles.
		{"Ayşe Kaya Ankara", "", "Ayşe Kaya", ""},
		{"Иван Петров Москва", "", "Иван Петров", ""},
		{"Ayşe Nur Kaya İstanbul", "", "Ayşe Nur Kaya", ""},
		{"Emre Tan Diplomasi Editörü", "", "Emre Tan", ""},
		{"Ayşe Nur Kaya Ekonomi Muhabiri", "", "Ayşe Nur Kaya", ""},
		{"AA Muhabiri Ayşe Kaya", "", "Ayşe Kaya", "AA"},
		{"Yazar Ayşe Kaya Tüm Yazıları", "", "Ayşe Kaya", ""},
		{"Ayşe Kaya Tüm yazıları", "", "Ayşe Kaya", ""},
		{"Мария Соколова Все материалы автора", "", "Мария Соколова", ""},
		{"İlker Şahin Tüm Yazıları", "", "İlker Şahin", ""},
		{"Seymore Fromm", "", "Seymore Fromm", ""},
		// Labels that are verbs: "prepared by", "interviewed by".
		{"Подготовила: Мария Соколова", "", "Мария Соколова", ""},
		{"Подготовил Иван Петров", "", "Иван Петров", ""},
		{"Материал подготовила Мария Соколова", "", "Мария Соколова", ""},
		{"Беседовал Иван Петров", "", "Иван Петров", ""},
		{"Hazırlayan: Ayşe Kaya", "", "Ayşe Kaya", ""},
		{"Haberi hazırlayan: Ayşe Kaya", "", "Ayşe Kaya", ""},
		{"Derleyen Emre Tan", "", "Emre Tan", ""},
		{"Алексей ГромовВсе материалы автора", "", "Алексей Громов", ""},
		{"Ayşe Kaya Hürriyet", "www.hurriyet.com.tr", "Ayşe Kaya", "Hürriyet"},
		{"Selin Ak Ege Postası", "egepostasi.example", "Selin Ak", "Ege Postası"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, o := Split(tt.in, tt.site)
			if p != tt.persons || o != tt.orgs {
				t.Errorf("Split(%q, %q) = %q, %q; want %q, %q", tt.in, tt.site, p, o, tt.persons, tt.orgs)
			}
		})
	}
}
