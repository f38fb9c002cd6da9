package langid_test

import (
	"testing"

	"github.com/wiredesk/wiredesk/pkg/langid"
)

// neighbours are news sentences written for these tests, one per language
// that is easily taken for Turkish or Russian: the Turkic and Slavic
// neighbours, and every Latin-script European language. None may ever come
// out as tr or ru. name is the language the detector must report when its
// letters tell it (lingua has no model of tk, uz, gag, ky, tt or ba), ""
// when any name but tr and ru will do.
var neighbours = []struct {
	lang, name, text string
}{
	// Beside Turkish.
	{"az", "az", "Azərbaycanın xarici işlər naziri Bakıda keçirilən görüşdə qonşu ölkələrlə əməkdaşlığın genişləndirilməsinin vacibliyini qeyd etdi."},
	{"tk", "tk", "Türkmenistanyň daşary işler ministri Aşgabatda geçirilen duşuşykda goňşy ýurtlar bilen hyzmatdaşlygy giňeltmegiň möhümdigini belledi."},
	{"uz", "uz", "Oʻzbekiston tashqi ishlar vaziri Toshkentda boʻlib oʻtgan uchrashuvda qoʻshni davlatlar bilan hamkorlikni kengaytirish muhimligini taʼkidladi."},
	{"gag", "gag", "Gagauziyanın başkanı Komratta geçän buluşmada komuşu devletlärlän birliktä çalışmanın önemli olduunu söledi hem yardım için şükür etti."},
	// Beside Russian.
	{"uk", "uk", "Міністр закордонних справ України заявив, що переговори щодо припинення вогню триватимуть наступного тижня у Женеві."},
	{"be", "be", "Міністр замежных спраў Беларусі заявіў, што перамовы аб спыненні агню працягнуцца на наступным тыдні ў Жэневе."},
	{"bg", "", "Министърът на външните работи на България заяви, че преговорите за прекратяване на огъня ще продължат следващата седмица в Женева."},
	{"sr", "", "Министар спољних послова Србије изјавио је да ће се преговори о прекиду ватре наставити следеће недеље у Женеви."},
	{"mk", "mk", "Министерот за надворешни работи на Македонија изјави дека преговорите за прекин на огнот ќе продолжат следната недела во Женева."},
	{"kk", "kk", "Қазақстан Республикасының Сыртқы істер министрі бүгін Астанада өткен баспасөз мәслихатында екі ел арасындағы ынтымақтастықты дамыту туралы айтты."},
	{"ky", "ky", "Кыргызстандын тышкы иштер министри Бишкекте өткөн жолугушууда коңшу өлкөлөр менен кызматташтыкты өнүктүрүү маанилүү экенин белгиледи."},
	{"tt", "tt", "Татарстан Президенты Казанда узган очрашуда күрше төбәкләр белән хезмәттәшлекне үстерүнең әһәмиятен билгеләп үтте."},
	{"ba", "ba", "Башҡортостан Башлығы Өфөлә үткән осрашыуҙа күрше төбәктәр менән хеҙмәттәшлекте үҫтереүҙең мөһимлеген билдәләне."},
	// Latin-script Europe.
	{"pl", "", "Minister spraw zagranicznych Polski powiedział w środę, że rozmowy o zawieszeniu broni będą kontynuowane w przyszłym tygodniu w Genewie."},
	{"cs", "", "Ministr zahraničních věcí České republiky ve středu řekl, že jednání o příměří budou pokračovat příští týden v Ženevě."},
	{"sk", "", "Minister zahraničných vecí Slovenskej republiky v stredu povedal, že rokovania o prímerí budú pokračovať budúci týždeň v Ženeve."},
	{"hu", "", "A magyar külügyminiszter szerdán kijelentette, hogy a tűzszünetről szóló tárgyalások jövő héten Genfben folytatódnak."},
	{"hr", "", "Ministar vanjskih poslova Hrvatske izjavio je u srijedu da će se pregovori o prekidu vatre nastaviti sljedeći tjedan u Ženevi."},
	{"bs", "", "Ministar vanjskih poslova Bosne i Hercegovine izjavio je u srijedu da će se pregovori o primirju nastaviti naredne sedmice u Ženevi."},
	{"sl", "", "Slovenski zunanji minister je v sredo dejal, da se bodo pogajanja o premirju nadaljevala prihodnji teden v Ženevi."},
	{"lv", "", "Latvijas ārlietu ministrs trešdien paziņoja, ka sarunas par pamieru turpināsies nākamnedēļ Ženēvā, un uzsvēra kaimiņvalstu sadarbību."},
	{"lt", "", "Lietuvos užsienio reikalų ministras trečiadienį pareiškė, kad derybos dėl paliaubų bus tęsiamos kitą savaitę Ženevoje."},
	{"et", "", "Eesti välisminister ütles kolmapäeval, et relvarahu läbirääkimised jätkuvad järgmisel nädalal Genfis ja naaberriikidega koostöö kasvab."},
	{"is", "", "Utanríkisráðherra Íslands sagði á miðvikudag að viðræður um vopnahlé myndu halda áfram í Genf í næstu viku."},
	{"ro", "", "Ministrul de externe al României a declarat miercuri că negocierile privind încetarea focului vor continua săptămâna viitoare la Geneva."},
	{"sq", "", "Ministri i Jashtëm i Shqipërisë deklaroi të mërkurën se bisedimet për armëpushimin do të vazhdojnë javën e ardhshme në Gjenevë."},
	{"de", "", "Der deutsche Außenminister sagte am Mittwoch, dass die Gespräche über eine Waffenruhe in der kommenden Woche in Genf fortgesetzt werden."},
	{"fr", "", "Le ministre français des Affaires étrangères a déclaré mercredi que les négociations sur un cessez-le-feu reprendraient la semaine prochaine à Genève."},
	{"es", "", "El ministro español de Asuntos Exteriores afirmó el miércoles que las conversaciones sobre un alto el fuego continuarán la próxima semana en Ginebra."},
	{"it", "", "Il ministro degli Esteri italiano ha dichiarato mercoledì che i negoziati sul cessate il fuoco proseguiranno la prossima settimana a Ginevra."},
	{"pt", "", "O ministro dos Negócios Estrangeiros de Portugal afirmou na quarta-feira que as negociações sobre um cessar-fogo continuarão na próxima semana em Genebra."},
	{"ca", "", "El ministre d'Afers Exteriors va dir dimecres que les converses sobre un alto el foc continuaran la setmana vinent a Ginebra."},
	{"nl", "", "De Nederlandse minister van Buitenlandse Zaken zei woensdag dat de gesprekken over een staakt-het-vuren volgende week in Genève worden voortgezet."},
	{"sv", "", "Sveriges utrikesminister sade på onsdagen att samtalen om vapenvila kommer att fortsätta nästa vecka i Genève med grannländerna."},
	{"da", "", "Danmarks udenrigsminister sagde onsdag, at forhandlingerne om en våbenhvile vil fortsætte i næste uge i Genève med nabolandene."},
	{"nb", "", "Norges utenriksminister sa onsdag at forhandlingene om våpenhvile vil fortsette i Genève neste uke, og at nabolandene deltar."},
	{"fi", "", "Suomen ulkoministeri sanoi keskiviikkona, että tulitaukoneuvottelut jatkuvat ensi viikolla Genevessä naapurimaiden kanssa."},
	{"ga", "", "Dúirt Aire Gnóthaí Eachtracha na hÉireann Dé Céadaoin go leanfaí leis na cainteanna faoi shos comhraic i nGinéiv an tseachtain seo chugainn."},
	{"cy", "", "Dywedodd y gweinidog tramor ddydd Mercher y byddai'r trafodaethau ar gadoediad yn parhau yn Genefa yr wythnos nesaf."},
	{"en", "en", "The foreign minister told reporters on Wednesday that talks on a ceasefire would continue next week in Geneva."},
	// Further afield, named by their script: Japanese opens on Han
	// characters as often as not, and its kana tell it from Chinese.
	{"ja", "ja", "外務大臣は水曜日、停戦に関する協議が来週ジュネーブで続けられると記者団に述べた。"},
	{"zh", "zh", "外交部长周三对记者表示，有关停火的谈判将于下周在日内瓦继续进行。"},
	{"ko", "ko", "외교부 장관은 수요일 기자들에게 휴전 협상이 다음 주 제네바에서 계속될 것이라고 말했다."},
}

// TestNeverTurkishOrRussian holds the open world: a sentence in a
// neighbour language is never Turkish or Russian, alone or as a page.
func TestNeverTurkishOrRussian(t *testing.T) {
	d := detector(t)
	for _, n := range neighbours {
		t.Run(n.lang, func(t *testing.T) {
			lang, conf := d.Detect(n.text)
			if lang == "tr" || lang == "ru" || lang == "" {
				t.Fatalf("Detect = %q (%.2f), want a language other than tr and ru", lang, conf)
			}
			if n.name != "" && lang != n.name {
				t.Errorf("Detect = %q, want it named %q", lang, n.name)
			}
			// A page of three such paragraphs and a short line.
			doc := d.Document([]string{n.text, n.text, "Foto: AA", n.text})
			if doc.Lang == "tr" || doc.Lang == "ru" {
				t.Errorf("document language %q", doc.Lang)
			}
			for i, b := range doc.Blocks {
				if b.Lang == "tr" || b.Lang == "ru" {
					t.Errorf("block %d: %q", i, b.Lang)
				}
			}
		})
	}
}

// TestDocumentPrior: a block the letters leave open takes the page's
// language, so a short Russian lead on a Russian page is Russian; a block
// whose letters rule the page's language out does not.
func TestDocumentPrior(t *testing.T) {
	d := detector(t)
	ru := "Министр иностранных дел России заявил на пресс-конференции в Москве, что переговоры о прекращении огня продолжатся на следующей неделе."
	for _, tc := range []struct {
		name  string
		texts []string
		want  []string
	}{
		{"short russian lead", []string{"Лавров прибыл в Анкару на переговоры с коллегой", ru, ru}, []string{"ru", "ru", "ru"}},
		{"russian lead without ы or э", []string{"Глава МИД России Сергей Лавров прибудет в Анкару в среду на переговоры", ru, ru}, []string{"ru", "ru", "ru"}},
		{"ukrainian quote on a russian page", []string{ru, "Міністр закордонних справ України заявив, що переговори триватимуть", ru}, []string{"ru", langid.Other, "ru"}},
		{"english teaser on a turkish page", []string{"Dışişleri Bakanı, Ankara'da düzenlenen basın toplantısında iki ülke arasındaki ilişkilerin güçlendirilmesi için yeni adımlar atılacağını söyledi.", "The foreign minister told reporters on Wednesday that talks would continue"}, []string{"tr", langid.Other}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := d.Document(tc.texts)
			for i, want := range tc.want {
				if got := doc.Blocks[i].Lang; got != want {
					t.Errorf("block %d: %q, want %q", i, got, want)
				}
			}
		})
	}
}
