package sitegen

// The sentence banks. Diplomatic sentences each carry strong evidence for
// the diplomacy profile (foreign ministers, talks, ambassadors, ceasefires,
// joint statements, the UN Security Council); the others are local news
// (weather, sport, culture, transport, health, markets) and name no
// country, organisation, office or diplomatic term, so that a page is
// relevant exactly when it is built from the diplomatic bank. Diplomatic
// titles name the states or organisations involved, as real diplomatic
// news does: the learned relevance model is trained on news whose
// diplomatic texts name their parties, and reads a page that names none
// (only "the sides", "a colleague") as weak evidence, however many talks
// it reports.

var trDiplomatic = []string{
	"Dışişleri Bakanı, Azerbaycan Dışişleri Bakanı ile yaptığı görüşmede bölgedeki son gelişmeleri ele aldı.",
	"Rusya ve Türkiye dışişleri bakanları, ateşkesin korunması için yeni bir yol haritası üzerinde uzlaştı.",
	"Büyükelçi, görüşmelerin yapıcı bir havada geçtiğini ve müzakerelerin süreceğini söyledi.",
	"Taraflar, görüşmenin sonunda ortak bildiri yayımlayarak diyaloğun sürdürülmesi çağrısında bulundu.",
	"BM Güvenlik Konseyi, ateşkes çağrısını içeren karar tasarısını bu hafta oylayacak.",
	"Dışişleri Bakanlığı, İsrail büyükelçisini bakanlığa çağırarak açıklama istedi.",
	"Heyetler arasındaki barış görüşmeleri, arabulucu ülkenin ev sahipliğinde ikinci turuna girdi.",
	"Dışişleri Bakanı, ateşkesin kalıcı hale gelmesi için diplomatik çabaların yoğunlaştırılması gerektiğini vurguladı.",
	"Görüşmede ikili ilişkilerin yanı sıra bölgesel güvenlik ve enerji işbirliği de ele alındı.",
	"Büyükelçilik, diplomatik temasların önümüzdeki günlerde de devam edeceğini duyurdu.",
	"Zirve öncesinde dışişleri bakanları düzeyinde istişare toplantısı düzenlendi.",
	"Arabulucu heyet, tarafların ateşkes ilkeleri konusunda mutabakata yaklaştığını bildirdi.",
	"Dışişleri Bakan Yardımcısı, siyasi istişareler kapsamında Hindistan Dışişleri Bakan Yardımcısı ile bir araya geldi.",
	"Ortak açıklamada, tarafların müzakere sürecine bağlılıklarını teyit ettikleri belirtildi.",
	"Güvenlik Konseyi üyeleri, insani ateşkesin derhal uygulanması çağrısında bulundu.",
	"Diplomatik kaynaklar, görüşmelerin gelecek hafta Cenevre'de sürdürüleceğini aktardı.",
	"Büyükelçi, güven mektubunu törenle sunduktan sonra basın toplantısı düzenledi.",
	"Dışişleri Bakanı, resmi ziyareti sırasında mevkidaşıyla ikili görüşme gerçekleştirdi.",
	"Toplantıda imzalanan mutabakat zaptı, siyasi diyaloğun kurumsal bir zemine oturtulmasını öngörüyor.",
	"Taraflar, esir takasına ilişkin anlaşmanın ayrıntılarını barış görüşmelerinde ele aldı.",
	"Dışişleri bakanları, ateşkes hatlarının gözlemciler tarafından denetlenmesi konusunda uzlaştı.",
	"Müzakere heyetleri, ortak bildirinin metni üzerinde gece boyunca çalıştı.",
	"Bakanlık sözcüsü, büyükelçinin görüşmede endişelerini açıkça dile getirdiğini söyledi.",
	"BM Genel Sekreteri, tarafları ateşkese uymaya ve müzakere masasına dönmeye çağırdı.",
	"Diplomasi trafiği kapsamında Çin ve Japonya dışişleri bakanları üç gün içinde ikinci kez görüştü.",
	"Barış görüşmelerinin bir sonraki turu için arabulucu ülke tarih önerdi.",
	"Dışişleri Bakanı, yaptırımların kaldırılmasının müzakerelerin gündeminde olduğunu açıkladı.",
	"Konsolosluk, görüşmelerin ardından vize ve konsolosluk hizmetlerinin yeniden başlayacağını bildirdi.",
	"Heyet başkanı, ateşkesin ihlal edilmemesi için ortak denetim mekanizması kurulacağını söyledi.",
	"Büyükelçiler toplantısında dış politikanın öncelikleri ve diplomatik temaslar değerlendirildi.",
	"Ortak deklarasyonda, tarafların toprak bütünlüğüne saygı ilkesine bağlı kaldıkları vurgulandı.",
	"Dışişleri bakanları, zirvede imzalanacak antlaşmanın son hazırlıklarını gözden geçirdi.",
	"Güvenlik Konseyi'nin kapalı oturumunda ateşkes önerisi ve insani koridorlar görüşüldü.",
	"Diplomat, müzakerelerde ilerleme kaydedildiğini ancak bazı başlıklarda görüş ayrılığı sürdüğünü belirtti.",
	"Taraflar, ikili ilişkileri büyükelçilik düzeyine yükseltme kararı aldı.",
	"Dışişleri Bakanı, arabuluculuk teklifinin taraflarca olumlu karşılandığını kaydetti.",
	"Görüşmenin ardından yayımlanan ortak bildiri, ateşkesin tüm cephe hattında geçerli olacağını belirtiyor.",
	"Büyükelçi, iki ülke arasındaki diplomatik ilişkilerin yeni bir döneme girdiğini ifade etti.",
	"İstişare toplantısında dışişleri bakan yardımcıları, müzakere takvimini belirledi.",
	"Arabulucular, barış görüşmelerinin kesintiye uğramaması için taraflarla ayrı ayrı görüştü.",
}

var trOther = []string{
	"Meteoroloji, hafta sonu kıyı kesimlerde kuvvetli yağış ve fırtına beklendiğini duyurdu.",
	"Belediye, şehir merkezindeki tarihi çarşının restorasyonunun yaz sonunda tamamlanacağını açıkladı.",
	"Sezonun ilk yarısını lider tamamlayan takım, teknik direktörüyle sözleşme uzattı.",
	"Kentteki yeni metro hattında test sürüşleri önümüzdeki ay başlayacak.",
	"Tiyatro festivali bu yıl otuz oyunla seyirci karşısına çıkacak.",
	"Uzmanlar, sıcak havalarda bol su içilmesi ve öğle saatlerinde dışarı çıkılmaması uyarısında bulundu.",
	"Borsa günü yüzde bir değer kazançla tamamladı, bankacılık hisseleri öne çıktı.",
	"Üniversite sınavına girecek adaylar için başvuru süresi cuma günü sona eriyor.",
	"Çiftçiler, bu yıl buğday hasadının geçen yıla göre daha bereketli olmasını bekliyor.",
	"Kent müzesinde açılan fotoğraf sergisi ilk hafta sonunda binlerce kişiyi ağırladı.",
	"Köprü üzerindeki bakım çalışmaları nedeniyle iki şerit trafiğe kapatılacak.",
	"Basketbol takımı, deplasmanda aldığı galibiyetle play-off şansını sürdürdü.",
	"Hastanelerde randevu sistemine yeni bir mobil uygulama eklendi.",
	"Gıda fiyatlarındaki artış, pazar tezgahlarında da kendini hissettirdi.",
	"Kış lastiği uygulaması ayın başından itibaren ağır vasıtalar için zorunlu hale geliyor.",
	"Ünlü yazarın yeni romanı, yayımlandığı ilk haftada en çok satanlar listesinin ilk sırasına yerleşti.",
	"İtfaiye ekipleri, sanayi sitesinde çıkan yangını iki saatlik çalışmanın ardından söndürdü.",
	"Okullarda ikinci dönem pazartesi günü başlayacak, öğrenciler karnelerini aldı.",
	"Elektrik dağıtım şirketi, bazı mahallelerde planlı kesinti yapılacağını bildirdi.",
	"Genç yüzücü, ulusal şampiyonada iki dalda rekor kırarak altın madalya kazandı.",
	"Sahil yolunda yapılan bisiklet yolu hafta sonu hizmete açıldı.",
	"Konservatuvar öğrencileri, yıl sonu konserinde klasik eserler seslendirdi.",
	"Sağlık müdürlüğü, grip aşısı için başvuruların aile hekimliklerinde alındığını hatırlattı.",
	"Havalimanında yolcu sayısı geçen ayın aynı dönemine göre yüzde on iki arttı.",
	"Sonbaharın gelmesiyle birlikte kestane ve mısır satıcıları sokaklarda yerini aldı.",
	"Futbol liginde haftanın maçında iki takım golsüz berabere kaldı.",
	"Kentte kar yağışı nedeniyle bazı köy yolları ulaşıma kapandı.",
	"Yerel üreticiler, organik ürünlerini cumartesi kurulan semt pazarında satışa sundu.",
	"Kütüphane, çocuklar için hafta sonu masal saatleri düzenlemeye başladı.",
	"Emlak piyasasında kiralık konut fiyatları son üç ayda belirgin şekilde yükseldi.",
	"Voleybol takımı, kupada yarı finale yükselerek taraftarlarını sevindirdi.",
	"Ormanlık alanlarda mangal yakılması ekim ayı sonuna kadar yasaklandı.",
	"Akaryakıt fiyatlarına gece yarısından itibaren geçerli olmak üzere indirim yapıldı.",
	"Şehir tiyatrosu, yeni sezonda çocuk oyunlarına daha fazla yer vereceğini açıkladı.",
	"Arıcılar, kurak geçen yaz nedeniyle bal rekoltesinin düştüğünü belirtti.",
	"Maraton koşusu nedeniyle pazar sabahı bazı caddeler trafiğe kapatılacak.",
	"Uzmanlar, ekran başında uzun süre kalan çocuklarda göz sorunlarının arttığını söyledi.",
	"Sinema salonlarında bu hafta beş yeni film gösterime girdi.",
	"Balıkçılar, av yasağının sona ermesiyle birlikte denize açıldı.",
	"Hayvanat bahçesinde dünyaya gelen yavru zürafa çocukların ilgi odağı oldu.",
}

var ruDiplomatic = []string{
	"Министр иностранных дел Турции провёл переговоры с коллегой из Азербайджана и обсудил ситуацию в регионе.",
	"Стороны договорились о прекращении огня вдоль всей линии соприкосновения.",
	"Посол Германии заявил, что переговоры прошли в конструктивной атмосфере и будут продолжены.",
	"По итогам встречи министры иностранных дел приняли совместное заявление.",
	"Совет Безопасности ООН проведёт экстренное заседание по вопросу перемирия.",
	"МИД Польши вызвал посла Белоруссии для объяснений в связи с последними заявлениями.",
	"Делегации начали новый раунд переговоров при посредничестве третьей стороны.",
	"Министр иностранных дел подчеркнул, что режим прекращения огня должен соблюдаться всеми сторонами.",
	"На переговорах обсуждались двусторонние отношения и вопросы региональной безопасности.",
	"Посольство сообщило, что дипломатические контакты продолжатся в ближайшие дни.",
	"Накануне саммита прошли консультации на уровне заместителей министров иностранных дел.",
	"Посредники из Египта сообщили, что стороны приблизились к договорённости о перемирии.",
	"Замминистра иностранных дел России провёл политические консультации с коллегой из Индии.",
	"В совместном заявлении стороны подтвердили приверженность переговорному процессу.",
	"Члены Совета Безопасности призвали к немедленному гуманитарному прекращению огня.",
	"Дипломатические источники сообщили, что переговоры продолжатся на следующей неделе в Женеве.",
	"Посол вручил верительные грамоты и провёл пресс-конференцию для журналистов.",
	"Министр иностранных дел в ходе официального визита провёл двустороннюю встречу с коллегой.",
	"Подписанный меморандум предусматривает регулярные консультации министерств иностранных дел.",
	"Стороны обсудили на переговорах детали соглашения об обмене пленными.",
	"Министры иностранных дел России и Турции согласовали механизм наблюдения за соблюдением перемирия.",
	"Переговорщики всю ночь работали над текстом совместной декларации.",
	"Официальный представитель МИД сообщил, что посол прямо изложил позицию своей страны.",
	"Генеральный секретарь ООН призвал стороны соблюдать перемирие и вернуться к переговорам.",
	"В рамках дипломатических усилий министры иностранных дел Китая и Японии встретились второй раз за три дня.",
	"Посредник предложил дату следующего раунда мирных переговоров.",
	"Министр иностранных дел заявил, что вопрос о снятии санкций стоит на повестке переговоров.",
	"Консульство сообщило, что после переговоров возобновится выдача виз.",
	"Глава делегации заявил, что для контроля за прекращением огня будет создан совместный механизм.",
	"На совещании послов обсуждались приоритеты внешней политики и дипломатические контакты.",
	"В совместной декларации Армения и Азербайджан подтвердили уважение территориальной целостности.",
	"Министры иностранных дел обсудили подготовку договора, который планируется подписать на саммите.",
	"На закрытом заседании Совета Безопасности обсуждались перемирие и гуманитарные коридоры.",
	"Дипломат отметил прогресс на переговорах, но признал, что по ряду вопросов разногласия сохраняются.",
	"Стороны решили повысить уровень дипломатических отношений до посольств.",
	"Министр иностранных дел сообщил, что предложение о посредничестве встречено сторонами положительно.",
	"В совместном заявлении по итогам переговоров говорится, что перемирие распространяется на весь фронт.",
	"Посол отметил, что дипломатические отношения двух стран вступают в новый этап.",
	"На консультациях заместители министров иностранных дел согласовали график переговоров.",
	"Посредники провели отдельные встречи со сторонами, чтобы переговоры не были прерваны.",
}

var ruOther = []string{
	"Синоптики прогнозируют на выходных сильный ветер и мокрый снег.",
	"Мэрия сообщила, что реставрация старого рынка в центре города завершится к концу лета.",
	"Лидер чемпионата продлил контракт с главным тренером ещё на два сезона.",
	"Пробные поездки по новой линии метро начнутся в следующем месяце.",
	"Театральный фестиваль в этом году покажет зрителям тридцать спектаклей.",
	"Врачи советуют в жару пить больше воды и не выходить на улицу в полдень.",
	"Фондовый индекс по итогам дня вырос на один процент, лидерами роста стали банки.",
	"Приём заявлений от выпускников на вступительные экзамены завершается в пятницу.",
	"Фермеры ожидают, что урожай пшеницы в этом году будет выше прошлогоднего.",
	"Фотовыставку в городском музее в первые выходные посетили тысячи человек.",
	"Из-за ремонта моста две полосы движения будут закрыты до конца месяца.",
	"Баскетбольный клуб одержал победу на выезде и сохранил шансы на плей-офф.",
	"В поликлиниках заработало новое мобильное приложение для записи к врачу.",
	"Рост цен на продукты заметен и на рыночных прилавках.",
	"С начала месяца для грузовиков становится обязательной зимняя резина.",
	"Новый роман известного писателя в первую же неделю возглавил список бестселлеров.",
	"Пожарные потушили возгорание на складе в промышленной зоне за два часа.",
	"Второе полугодие в школах начнётся в понедельник, ученики получили табели.",
	"Энергетики предупредили о плановом отключении света в нескольких районах.",
	"Юная пловчиха установила два рекорда и выиграла золото на национальном первенстве.",
	"На набережной открылась новая велодорожка протяжённостью пять километров.",
	"Студенты консерватории исполнили классические произведения на итоговом концерте.",
	"Горздрав напомнил, что записаться на прививку от гриппа можно в поликлинике по месту жительства.",
	"Пассажиропоток аэропорта за месяц вырос на двенадцать процентов.",
	"С приходом осени на улицах появились продавцы жареных каштанов.",
	"Матч тура в футбольном первенстве завершился нулевой ничьей.",
	"Из-за снегопада несколько сельских дорог оказались закрыты для движения.",
	"Местные производители представили фермерскую продукцию на субботней ярмарке.",
	"Городская библиотека начала проводить по выходным чтения сказок для детей.",
	"Стоимость аренды жилья за последние три месяца заметно выросла.",
	"Волейбольная команда вышла в полуфинал кубка и порадовала болельщиков.",
	"Разводить костры в лесопарках запрещено до конца октября.",
	"Цены на бензин снижаются с полуночи на всех заправках города.",
	"Городской театр в новом сезоне уделит больше внимания детским спектаклям.",
	"Пчеловоды говорят, что из-за засушливого лета сбор мёда сократился.",
	"В воскресенье утром из-за марафона будут перекрыты несколько улиц.",
	"Офтальмологи отмечают, что у детей, много времени проводящих у экранов, чаще портится зрение.",
	"На этой неделе в кинотеатрах вышли пять новых фильмов.",
	"Рыбаки вышли в море после окончания запрета на вылов.",
	"Родившийся в зоопарке детёныш жирафа стал любимцем посетителей.",
}

// Titles, by language and kind.
var trDiplomaticTitles = []string{
	"Azerbaycan ve Ermenistan dışişleri bakanları ateşkes için bir araya geldi",
	"Fransa Büyükelçisi görüşmelerin süreceğini açıkladı",
	"Rusya ile Ukrayna arasındaki barış görüşmelerinde yeni tur başladı",
	"BM Güvenlik Konseyi ateşkes çağrısını görüşecek",
	"Türkiye ve Irak ortak bildiri yayımladı",
	"Dışişleri Bakanı Yunan mevkidaşıyla görüştü",
	"Katar'ın arabulucu heyeti mutabakat için yoğun mesai harcıyor",
	"İran ile AB arasındaki müzakerelerde ilerleme kaydedildi",
}

var trOtherTitles = []string{
	"Hafta sonu için fırtına uyarısı",
	"Tarihi çarşının restorasyonu sürüyor",
	"Lider takım teknik direktörüyle sözleşme uzattı",
	"Yeni metro hattında test sürüşleri başlıyor",
	"Tiyatro festivali perdelerini açıyor",
	"Borsa günü yükselişle kapattı",
	"Kentte bisiklet yolu hizmete açıldı",
	"Sinemalarda bu hafta beş yeni film",
}

var ruDiplomaticTitles = []string{
	"Министры иностранных дел Азербайджана и Армении договорились о прекращении огня",
	"Посол Франции заявил о продолжении переговоров",
	"Начался новый раунд мирных переговоров России и Украины",
	"Совет Безопасности ООН обсудит перемирие",
	"Турция и Ирак приняли совместное заявление",
	"Министр иностранных дел провёл переговоры с греческим коллегой",
	"Посредники из Катара приблизили стороны к договорённости",
	"На переговорах Ирана и ЕС наметился прогресс",
}

var ruOtherTitles = []string{
	"Синоптики обещают ветер и мокрый снег",
	"Реставрация старого рынка продолжается",
	"Лидер чемпионата продлил контракт с тренером",
	"На новой линии метро начнутся пробные поездки",
	"Театральный фестиваль открывает сезон",
	"Фондовый индекс закрыл день ростом",
	"На набережной открылась велодорожка",
	"В кинотеатрах вышли пять новых фильмов",
}

// Places, for datelines, and bylines.
var (
	trCities = []string{"Ankara", "İstanbul", "İzmir", "Bursa", "Antalya", "Trabzon", "Eskişehir", "Konya"}
	ruCities = []string{"Москва", "Санкт-Петербург", "Казань", "Новосибирск", "Екатеринбург", "Самара", "Сочи", "Калининград"}
	trNames  = []string{"Ayşe Demir", "Mehmet Kaya", "Zeynep Çelik", "Ahmet Yıldız", "Elif Şahin", "Mustafa Arslan"}
	ruNames  = []string{"Анна Смирнова", "Игорь Волков", "Мария Кузнецова", "Дмитрий Соколов", "Елена Попова", "Сергей Лебедев"}
)

// Syllables and endings of the surnames that paragraphs are attributed to.
// None starts with i or ı, whose capitals depend on the language.
var (
	trSyllables = []string{"ka", "ra", "de", "mir", "al", "tun", "ay", "han", "ö", "zer", "ya", "vuz", "er", "gin", "so", "yer", "ba", "kır", "te", "kin"}
	trEndings   = []string{"oğlu", "er", "can", "han"}
	ruSyllables = []string{"ка", "ра", "во", "ло", "ми", "ре", "ту", "ша", "бе", "ли", "зо", "на", "гу", "се", "да", "ко", "пе", "ти", "мо", "жу"}
	ruEndings   = []string{"ов", "ин", "ев", "ский"}
)
