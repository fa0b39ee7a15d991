"""Place names, demonyms and a few unambiguous other clues for ``silkwire.core.gazetteer``.

Term syntax (kept small so the lists stay readable):

- ``Tashkent``: a literal. A space or hyphen inside matches a space, no-break space or any
  hyphen (``Alma-Ata`` = ``Alma Ata``); an apostrophe matches any apostrophe-like mark
  (``O'zbekiston`` = ``Oʻzbekiston``). Latin literals also match with a plural ``s``.
- ``Ташкент*``: a stem followed by any letters (Russian case endings and derived adjectives:
  Ташкента, Ташкенте, ташкентский). Use it only where no unrelated word shares the stem.
- ``!China``: case-sensitive, for names that are also common words ("fine china", "OSH").
- ``re:...``: a raw regular expression, for names that need a look-around ("Fergana" but not
  "Fergana Valley", "Badakhshan" but not "Gorno-Badakhshan").

Matching is case-insensitive otherwise and always on whole words. Each list has a kind whose
weight is in ``WEIGHTS``: a country name or capital alone is enough to tag a country, so is a
city, demonym, head of state, national company or institution (0.75); a weak clue (a currency,
a mountain range) needs a second clue (see ``gazetteer.THRESHOLD``).
"""

from __future__ import annotations

WEIGHTS: dict[str, float] = {
    "name": 1.0,
    "capital": 1.0,
    "city": 0.75,
    "demonym": 0.75,
    "person": 0.75,
    "company": 0.75,
    "institution": 0.75,
    "weak": 0.5,
}

# slug -> [(kind, terms)]. Kept compact on purpose, so ruff format leaves it alone.
# fmt: off
GAZETTEER: dict[str, list[tuple[str, list[str]]]] = {
    "kazakhstan": [
        ("institution", [
            "Mazhilis", "Majilis", "Akorda", "Ak Orda", "Мажилис*", "Акорд*",
        ]),
        ("name", [
            "Kazakhstan", "Kazakstan", "Qazaqstan*", "Казахстан*", "Қазақстан*",
            "Qozog'iston*", "Казакстан*", "Қозоғистон*", "Қазоқистон*",
        ]),
        ("capital", [
            "Astana", "Nur-Sultan", "Астан*", "Нур-Султан*",
        ]),
        ("city", [
            "Almaty", "Alma-Ata", "Shymkent", "Chimkent", "Karaganda", "Karagandy",
            "Qaraghandy", "Aktobe", "Aqtobe", "Atyrau", "Aktau", "Aqtau", "Pavlodar", "Semey",
            "Semipalatinsk", "Oskemen", "Ust-Kamenogorsk", "Kostanay", "Qostanay", "Taraz",
            "Kyzylorda", "Qyzylorda", "Petropavl", "Uralsk", "Ekibastuz", "Zhezkazgan",
            "Baikonur", "Baykonur", "Tengiz", "Karachaganak", "Kashagan",
            "re:(?<![Ee]ast )(?<![Ee]astern )Turkestan(?!\\w)", "Turkistan", "Алматы",
            "Алма-Ат*", "Шымкент*", "Чимкент*", "Караганд*", "Актобе", "Атырау", "Актау",
            "Павлодар*", "Семипалатинск*", "Усть-Каменогорск*", "Өскемен", "Костана*",
            "Тараз*", "Кызылорд*", "Петропавловск*", "Уральск*", "Экибастуз*", "Жезказган*",
            "Байконур*", "Тенгиз*", "Карачаганак*", "Кашаган*", "Туркестан*", "Akmola",
            "Kokshetau", "Zhambyl", "Jambyl", "Zhetysu", "Jetisu", "Taldykorgan",
            "Taldyqorgan", "Mangystau", "Mangistau", "Ulytau", "Konaev", "Qonaev", "Kapchagay",
            "Kapshagay", "Temirtau", "Zhanaozen", "Janaozen", "Balkhash", "Burabay", "Rudny",
            "Aralsk", "Kurchatov", "Abai region", "Акмолинск*", "Кокшетау", "Жамбылск*",
            "Жетысу*", "Талдыкорган*", "Мангистау*", "Мангыстау*", "Улытау*", "Конаев*",
            "Капшага*", "Темиртау", "Жанаозен*", "Балхаш*", "Бурабай*",
            "re:Аральск(?:а|е|ом)?(?!\\w)", "Курчатов*", "алматинц*", "астанчан*", "шымкентц*",
            "карагандинц*",
        ]),
        ("demonym", [
            "Kazakh*", "Qazaq*", "Казах*", "Қазақ*",
        ]),
        ("person", [
            "Tokayev", "Токаев*",
        ]),
        ("company", [
            "KazMunayGas", "Kazatomprom", "KazTransOil", "KazTransGas", "Kazpost", "KEGOC",
            "Samruk-Kazyna", "Казмунайгаз*", "Казатомпром*", "Самрук-Казын*",
        ]),
        ("weak", [
            "tenge", "тенге", "теңге",
        ]),
    ],
    "kyrgyzstan": [
        ("institution", [
            "Jogorku Kenesh", "Жогорку Кенеш*",
        ]),
        ("name", [
            "Kyrgyzstan", "Kirghizstan", "Kirgizstan", "Kyrgyz Republic", "Kirghizia",
            "Kirgizia", "Kyrgyzia", "Qyrgyzstan*", "Кыргызстан*", "Киргизи*", "Кыргызия*",
            "Qirg'iziston*", "Қырғызстан*", "Қирғизистон*",
        ]),
        ("capital", [
            "Bishkek", "Бишкек*",
        ]),
        ("city", [
            "!Osh", "Jalal-Abad", "Jalal-Abat", "Karakol", "Naryn", "Talas", "Batken",
            "Tokmok", "Tokmak", "Kara-Balta", "Issyk-Kul", "Issyk Kul", "Ysyk-Kol",
            "Issyk-Kol", "Cholpon-Ata", "Kumtor", "Kambarata", "Uzgen", "Kara-Suu",
            "re:(?-i:Ош(?:а|е|у|ом|ск\\w*)?)(?!\\w)", "Джалал-Абад*", "Жалал-Абад*",
            "Каракол*", "Нарын*", "Талас*", "Баткен*", "Токмок*", "Токмак*", "Кара-Балт*",
            "Иссык-Кул*", "Ысык-Көл*", "Чолпон-Ат*", "Кумтор*", "Камбарат*", "Узген*",
            "Chui region", "Chuy region", "Chui valley", "Chuy valley", "Kyzyl-Kiya",
            "Balykchy", "Sulukta", "Kerben", "Чуйск*", "Кызыл-Ки*", "Балыкчы", "Сулюкт*",
            "бишкекчан*", "ошанц*",
        ]),
        ("demonym", [
            "Kyrgyz*", "Kirghiz*", "Kirgiz", "Кыргыз*", "Киргиз*",
        ]),
        ("person", [
            "Japarov", "Zhaparov", "Жапаров*",
        ]),
        ("company", [
            "Kyrgyzaltyn", "Кыргызалтын*",
        ]),
        ("weak", [
            "re:(?-i:som)(?=s? (?:to|per|against|a|an)\\b)", "сомов", "сом",
        ]),
    ],
    "tajikistan": [
        ("institution", [
            "Majlisi Oli", "Majlisi Namoyandagon", "Маджлиси Оли", "Маджлиси намояндагон",
        ]),
        ("name", [
            "Tajikistan", "Tadjikistan", "Tadzhikistan", "Tojikiston*", "Таджикистан*",
            "Тоҷикистон*", "Тәжікстан*", "Тажикстан*", "Тожикистон*",
        ]),
        ("capital", [
            "Dushanbe", "Душанбе",
        ]),
        ("city", [
            "Khujand", "Khodjent", "Khujant", "Kulob", "Kulyab", "Bokhtar", "Bohtar",
            "Qurghonteppa", "Kurgan-Tyube", "Khorog", "Khorugh", "Istaravshan", "Penjikent",
            "Panjakent", "Gorno-Badakhshan", "GBAO", "Rogun", "Nurek", "Vahdat", "Sughd",
            "Soghd", "Khatlon", "Isfara", "Tursunzoda", "Худжанд*", "Ходжент*", "Куляб*",
            "Кулоб*", "Бохтар*", "Курган-Тюб*", "Хорог*", "Истаравшан*", "Пенджикент*",
            "Горно-Бадахшан*", "ГБАО", "Рогун*", "Нурек*", "Вахдат*", "Согд*", "Хатлон*",
            "Исфар*", "Турсунзаде", "Konibodom", "Kanibadam", "Hisor", "Gissar", "Norak",
            "Levakant", "Danghara", "Канибадам*", "Конибодом*", "Гиссар*", "Хисор*", "Норак*",
            "Дангар*", "душанбинц*",
        ]),
        ("demonym", [
            "Tajik*", "Tadjik*", "Tadzhik*", "Tojik*", "Таджик*",
        ]),
        ("person", [
            "Rahmon", "Rakhmon", "Рахмон*",
        ]),
        ("company", [
            "TALCO", "Barqi Tojik", "Барки Точик*",
        ]),
        ("weak", [
            "somoni", "сомони", "Pamir", "Pamirs", "Памир*",
        ]),
    ],
    "turkmenistan": [
        ("name", [
            "Turkmenistan", "Türkmenistan*", "Turkmenia", "Туркмени*", "Туркменистан*",
            "Turkmaniston*", "Түрікменстан*", "Түркмөнстан*", "Туркманистон*",
        ]),
        ("capital", [
            "Ashgabat", "Ashkhabad", "Aşgabat", "Ashgabad", "Ашхабад*", "Ашгабат*",
        ]),
        ("city", [
            "Turkmenbashi", "Turkmenbashy", "Türkmenbaşy", "Krasnovodsk", "Turkmenabat",
            "Türkmenabat", "Chardzhou", "Dashoguz", "Daşoguz", "Dashhowuz",
            "re:Mary(?=[\\s-]+(?:province|region|velayat|welayat|oasis))", "Balkanabat",
            "Awaza", "Avaza", "Galkynysh", "Lebap", "Ahal", "Akhal", "Туркменбаши",
            "Туркменбашы", "Красноводск*", "Туркменабад*", "Чарджоу", "Дашогуз*",
            "re:(?-i:Мары)(?!\\w)", "Балканабад*", "Аваз*", "Галкыныш*", "Лебап*", "Ахал*",
            "Tejen", "Bayramaly", "Arkadag", "Balkan region", "Balkan province", "Теджен*",
            "Байрамал*", "Аркадаг*", "ашхабадц*",
        ]),
        ("demonym", [
            "Turkmen*", "Туркмен*",
        ]),
        ("person", [
            "Berdimuhamedov", "Berdymukhamedov", "Berdimuhamedow", "Бердымухамедов*",
        ]),
    ],
    "uzbekistan": [
        ("institution", [
            "Oliy Majlis", "Олий Мажлис*", "Oliy Majlis Senate",
        ]),
        ("name", [
            "Uzbekistan", "O'zbekiston*", "Ozbekiston*", "Узбекистан*", "Ўзбекистон*",
            "Өзбекстан*", "Ӯзбекистон*",
        ]),
        ("capital", [
            "Tashkent", "Toshkent", "Ташкент*", "Тошкент*",
        ]),
        ("city", [
            "Samarkand", "Samarqand", "Bukhara", "Buxoro", "Khiva", "Xiva", "Namangan",
            "Andijan", "Andijon", "re:(?:Fergana|Ferghana|Farg'ona)(?![\\s-]+Valley)(?!\\w)",
            "Nukus", "Karakalpakstan", "Qoraqalpog'iston", "Termez", "Termiz", "Navoi",
            "Navoiy", "Qarshi", "Karshi", "Jizzakh", "Jizzax", "Urgench", "Urganch", "Kokand",
            "Qo'qon", "Margilan", "Chirchiq", "Chirchik", "Almalyk", "Angren", "Muynak",
            "Moynaq", "Самарканд*", "re:Бухар(?:а|ы|е|у|ой|ск\\w*)(?!\\w)",
            "re:Хив(?:а|ы|е|у|ой|инск\\w*)(?!\\w)", "Наманган*", "Андижан*",
            "re:Ферган\\w*(?!\\s+долин)(?!\\w)", "Нукус*", "Каракалпак*", "Термез*", "Навои",
            "Карши", "Джизак*", "Ургенч*", "Коканд*", "Маргилан*", "Чирчик*", "Алмалык*",
            "Ангрен*", "Муйнак*", "Kashkadarya", "Qashqadaryo", "Khorezm", "Xorazm",
            "Surkhandarya", "Surxondaryo", "Syrdarya region", "Sirdaryo", "Shahrisabz",
            "Denau", "Karakalpak", "Qoraqalpoq", "Кашкадарь*", "Хорезм*", "Сурхандарь*",
            "Сырдарьинск*", "Шахрисабз*", "Денау",
        ]),
        ("demonym", [
            "Uzbek*", "O'zbek*", "Узбек*",
        ]),
        ("person", [
            "Mirziyoyev", "Mirziyaev", "Мирзиёев*",
        ]),
        ("company", [
            "Uzauto", "Uzatom",
        ]),
        ("weak", [
            "re:(?-i:so'm|soum)(?=s? (?:to|per|against)\\b)", "сумов",
        ]),
    ],
    "central-asia": [
        ("name", [
            "Central Asia", "Central Asian", "Centralasian", "C5+1", "C5 + 1",
            "re:Центральн\\w*\\s+Ази\\w*", "Центральноазиатск*", "re:Средн\\w*\\s+Ази\\w*",
            "re:(?:Fergana|Ferghana)[\\s-]+Valley", "re:Ферганск\\w*\\s+долин\\w*", "Aral Sea",
            "re:Аральск\\w*\\s+мор\\w*",
        ]),
    ],
    "afghanistan": [
        ("name", [
            "Afghanistan", "Афганистан*", "Afg'oniston*", "Ауғанстан*", "Афғонистон*",
            "Ооганстан*",
        ]),
        ("capital", [
            "Kabul", "Кабул*",
        ]),
        ("city", [
            "Kandahar", "Herat", "Mazar-i-Sharif", "Mazar-e-Sharif", "Mazar-e Sharif",
            "Jalalabad", "Kunduz", "Balkh", "Hairatan",
            "re:(?<!Gorno-)(?<!Gorno )Badakhshan(?!\\w)", "Wakhan", "Кандагар*", "Герат*",
            "Мазари-Шариф*", "Джелалабад*", "Джалалабад*", "Кундуз*", "Хайратон*",
            "re:(?<!Горно-)Бадахшан\\w*",
        ]),
        ("demonym", [
            "!Afghan", "Afghanistani", "Афган*",
        ]),
        ("person", [
            "Taliban", "Талибан*", "талиб*",
        ]),
    ],
    "russia": [
        ("name", [
            "Russia", "Russian Federation", "Росси*", "РФ", "Rossiya*", "Ресей*", "Орусия*",
            "Русия*",
        ]),
        ("capital", [
            "Moscow", "Kremlin", "Москв*", "Кремл*",
        ]),
        ("city", [
            "St Petersburg", "St. Petersburg", "Saint Petersburg", "Novosibirsk",
            "Yekaterinburg", "Ekaterinburg", "!Kazan", "Omsk", "Orenburg", "Astrakhan",
            "Chelyabinsk", "Samara", "Tyumen", "Barnaul", "Krasnoyarsk", "Sochi",
            "Novorossiysk", "Rostov-on-Don", "Volgograd", "Nizhny Novgorod", "Vladivostok",
            "Ufa", "!Perm", "Saratov", "Новороссийск*", "Ростов*", "Волгоград*",
            "re:Нижн\\w*\\s+Новгород\\w*", "Владивосток*", "re:Уф(?:а|ы|е|у|ой)(?!\\w)",
            "Петербург*", "Новосибирск*", "Екатеринбург*", "re:Казан(?:ь|и|ью)(?!\\w)",
            "Казанск*", "Омск*", "Оренбург*", "Астрахан*", "Челябинск*",
            "re:Самар(?:а|ы|е|у|ой|ск\\w*)(?!\\w)", "Тюмен*", "Барнаул*", "Красноярск*",
            "Сочи",
        ]),
        ("demonym", [
            "re:Russians?(?![\\s-](?:language|speaking|speaker|speakers))(?!\\w)",
        ]),
        ("person", [
            "Putin", "Путин*",
        ]),
        ("weak", [
            "ruble", "rouble", "рубл*",
        ]),
    ],
    "china": [
        ("name", [
            "re:(?<![Ff]ine )(?<![Bb]one )(?-i:China|CHINA)(?!\\w)", "PRC",
            "People's Republic of China", "re:(?-i:Кита[йяеюи]\\w*|кита[йяеюи]\\w*)", "КНР",
            "Xitoy*", "Қытай*", "Кытай*", "Хитой*",
        ]),
        ("capital", [
            "Beijing", "Peking", "Пекин*",
        ]),
        ("city", [
            "Shanghai", "Xinjiang", "Urumqi", "Kashgar", "Guangzhou", "Shenzhen", "Xi'an",
            "Chongqing", "Lanzhou", "Шанха*", "Синьцзян*", "Урумчи", "Кашгар*", "Гуанчжоу",
            "Шэньчжэнь", "Сиань", "Чунцин*", "Ланьчжоу",
        ]),
        ("demonym", [
            "!Chinese",
        ]),
        ("person", [
            "Xi Jinping", "Си Цзиньпин*",
        ]),
        ("weak", [
            "yuan", "юан*",
        ]),
    ],
    "iran": [
        ("name", [
            "Iran", "Islamic Republic of Iran", "Иран*", "Eron", "Эрон*",
        ]),
        ("capital", [
            "Tehran", "Teheran", "Тегеран*",
        ]),
        ("city", [
            "Mashhad", "Isfahan", "Tabriz", "Shiraz", "Bandar Abbas", "Chabahar", "Мешхед*",
            "Исфахан*", "Тебриз*", "Шираз*", "Бендер-Аббас*", "Чабахар*",
        ]),
        ("demonym", [
            "Iranian",
        ]),
        ("person", [
            "Pezeshkian", "Khamenei", "Пезешкиан*", "Хаменеи",
        ]),
        ("weak", [
            "rial", "риал*",
        ]),
    ],
    "azerbaijan": [
        ("name", [
            "Azerbaijan", "Azerbaidjan", "Азербайджан*", "Ozarbayjon*", "Әзірбайжан*",
            "Озарбойҷон*",
        ]),
        ("capital", [
            "Baku", "Баку",
        ]),
        ("city", [
            "!Ganja", "Sumgait", "Sumqayit", "Nakhchivan", "Nakhichevan", "Karabakh",
            "Гянджа*", "Гяндж*", "Сумгаит*", "Нахчыван*", "Нахичеван*", "Карабах*",
        ]),
        ("demonym", [
            "Azerbaijani", "Azeri", "Азербайджанц*", "азери",
        ]),
        ("person", [
            "Ilham Aliyev", "Ильхам* Алиев*",
        ]),
    ],
    "mongolia": [
        ("name", [
            "Mongolia", "Монголи*", "Mo'g'uliston*", "Моңғолия*",
        ]),
        ("capital", [
            "Ulaanbaatar", "Ulan Bator", "Ulan-Bator", "Улан-Батор*", "Улаанбаатар*",
        ]),
        ("city", [
            "Erdenet", "Darkhan", "Эрдэнэт*", "Дархан*",
        ]),
        ("demonym", [
            "Mongolian", "Mongol", "Монгол*",
        ]),
        ("weak", [
            "tugrik", "tögrög", "тугрик*",
        ]),
    ],
}
# fmt: on
