package byline

// The word lists hold folded forms (see fold). They are evidence about a
// word's kind, not a register of outlets: any outlet whose name has an
// organisation word, an acronym first, a place or the site's own name is
// told from a person without being listed.

// agencies is a prior: well-known agency names that are one ordinary word
// or otherwise person-shaped.
var agencies = set(
	"anadolu ajansi", "anadolu", "reuters", "xinhua", "sputnik", "interfax", "интерфакс",
	"риа новости", "тасс", "итар-тасс", "прайм", "анка", "bloomberg", "associated press",
	"frans pres", "франс пресс", "рейтер", "рейтерс", "синьхуа", "bianet", "ria novosti",
	// two-letter agencies, which a person's initials could be read as
	"aa", "ap", "rt",
	// agencies that sign in lower case ("dpa") or with one ordinary word
	"dpa", "afp", "epa", "apa", "sda", "ansa", "efe", "kna", "epd", "belga", "ritzau",
)

// orgWords make a name an outlet, agency, desk or institution.
var orgWords = set(
	// tr
	"haber", "haberleri", "haberler", "ajansi", "ajans", "ajansı", "gazetesi", "gazete", "merkezi",
	"servisi", "masasi", "partisi", "bakanligi", "baskanligi", "televizyonu", "tv", "radyo",
	"dergisi", "portali", "yayin", "yayinlari", "medya", "haberajans", "internet", "sitesi",
	"editoryal", "kurumu", "kurumsal", "dernegi", "vakfi", "muhabirleri", "universitesi", "belediyesi",
	"valiligi", "buyukelciligi",
	// ru
	"новости", "агентство", "агентства", "редакция", "служба", "пресс-служба", "газета", "газеты",
	"телеканал", "радио", "журнал", "партия", "партии", "министерство", "мид", "портал", "издание",
	"корреспонденты", "отдел", "бюро", "сайт", "медиа", "университет", "посольство", "мэрия",
	"иа", "тв", // информационное агентство: "ИА Регнум"
	// en
	"news", "agency", "press", "desk", "staff", "reporters", "online", "media", "times", "post",
	"daily", "newsroom", "service", "ministry", "party", "university", "embassy", "team",
	// de, fr, es, nl, nordic: the words of agencies' and desks' names
	"agentur", "presse", "redaktion", "nachrichten", "zeitung", "verlag", "rundfunk", "magazin",
	"rédaction", "agence", "redacción", "agencia", "redactie", "redaksjonen", "redaktionen",
)

// uiWords are the words of the page's menus and buttons, which a byline
// slot sometimes holds ("Contact Us", "Impressum").
var uiWords = set("contact", "kontakt", "impressum", "iletisim", "контакты", "subscribe", "login", "menu",
	// a widget's heading in capitals ("GÜNÜN ÖNEMLİ MANŞETLERİ", the
	// day's headlines) is shaped like a name in capitals
	"manset", "mansetler", "mansetleri", "заголовки",
	// a most-read list's heading ("En Çok Okunanlar", "Самое
	// популярное", "Most Popular") and a form's button ("Register")
	"okunanlar", "populer", "популярное", "популярные", "читаемое", "popular", "trending",
	"register", "kaydol")

// editions are the languages an outlet's edition is named by after its
// acronym ("DW Türkçe", "RT Arabic"); they are no one's surname.
var editions = set(
	"turkce", "english", "arabic", "russian", "french", "german", "spanish", "espanol", "deutsch",
	"francais", "international", "world", "ingilizce", "arapca", "rusca",
	"русский", "английский", "арабский",
)

// places are countries and capitals a dateline or a party name holds.
var places = set(
	// tr
	"turkiye", "rusya", "ankara", "istanbul", "izmir", "moskova", "kiev", "kiyiv", "ukrayna",
	"azerbaycan", "baku", "ermenistan", "erivan", "iran", "tahran", "suriye", "irak",
	"bagdat", "washington", "abd", "londra", "paris", "berlin", "bruksel", "pekin",
	"cenevre", "viyana", "atina", "kahire", "doha", "riyad", "tiflis", "gurcistan", "kazakistan", "dimask",
	"astana", "taskent", "ozbekistan", "libya", "trablus", "israil", "kudus", "gazze",
	"avrupa", "amerika", "cin", "almanya", "fransa", "ingiltere", "yunanistan", "kibris", "lefkosa",
	"antalya", "bursa", "adana", "diyarbakir", "gaziantep", "konya", "trabzon", "soci",
	// ru
	"россия", "москва", "санкт-петербург", "петербург", "турция", "анкара", "стамбул", "киев",
	"украина", "минск", "белоруссия", "беларусь", "баку", "азербайджан", "ереван", "армения",
	"тбилиси", "грузия", "астана", "казахстан", "ташкент", "вашингтон", "лондон", "париж",
	"берлин", "брюссель", "пекин", "женева", "вена", "тегеран", "дамаск", "сирия", "иран",
	"сочи", "казань", "новосибирск", "екатеринбург", "владивосток", "российская",
	"федерация", "сша", "китай", "европа",
	// en
	"moscow", "russia", "turkey", "turkiye", "london", "brussels", "beijing", "geneva", "vienna", "usa",
	"florida", "california", "texas",
	// cities a dateline names in one hyphenated word
	"нью-йорк", "лос-анджелес", "сан-франциско", "тель-авив", "рио-де-жанейро",
)

// countries are the places that name a country or a region, not a
// city: an institution's name holds them ("Birleşik Rusya"), a person's
// surname rarely.
var countries = set(
	"turkiye", "rusya", "ukrayna", "azerbaycan", "ermenistan", "iran", "suriye", "irak", "abd",
	"gurcistan", "kazakistan", "ozbekistan", "libya", "israil", "avrupa", "amerika", "cin", "almanya",
	"fransa", "ingiltere", "yunanistan", "kibris", "gazze",
	"россия", "турция", "украина", "белоруссия", "беларусь", "азербайджан", "армения", "грузия",
	"казахстан", "сирия", "иран", "российская", "федерация", "сша", "китай", "европа",
	"russia", "turkey", "usa", "florida", "california", "texas",
)

// placeNames are the cities of several words a dateline names after a
// writer ("Jane Roe, New York"): the words alone are ordinary ones.
var placeNames = set("new york", "los angeles", "san francisco", "hong kong", "new delhi", "tel aviv",
	"rio de janeiro", "buenos aires", "mexico city", "cape town", "abu dhabi", "sao paulo",
	"kuala lumpur", "fort lauderdale", "washington dc", "las vegas", "new orleans", "san diego")

var weekdays = set(
	"pazartesi", "sali", "carsamba", "persembe", "cuma", "cumartesi", "pazar",
	"понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
	"пн", "вт", "ср", "чт", "пт", "сб", "вс",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"bugun", "dun", "сегодня", "вчера", "today", "yesterday",
)

var months = set(
	"ocak", "subat", "mart", "nisan", "mayis", "haziran", "temmuz", "agustos", "eylul", "ekim",
	"kasim", "aralik",
	"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
	"октября", "ноября", "декабря", "январь", "февраль", "март", "апрель", "май", "июнь", "июль",
	"август", "сентябрь", "октябрь", "ноябрь", "декабрь",
	"january", "february", "march", "april", "june", "july", "august", "september",
	"october", "november", "december",
)

// forWords introduce the outlet a writer filed for, after the name.
var forWords = []string{"for", "для"}

// ours open a desk's name, never a person's: "Our Foreign Staff", "Наш
// корреспондент", "Notre correspondant".
var ours = set("our", "наш", "наша", "наши", "notre", "nos", "unser", "unsere")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[fold(w)] = true
	}
	return m
}
