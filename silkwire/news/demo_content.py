"""Demo content loaded by ``silkwire demo`` into an empty site.

Everything here is invented for demonstration: the events, the people and the quotes.
Public officials are referred to by title only.
"""

from __future__ import annotations

DEMO_NOTICE = "Demo content: invented stories for trying Silkwire out. Not real news."

AUTHORS = [
    {
        "name": "Aigerim Sadykova",
        "slug": "aigerim-sadykova",
        "role": "Almaty correspondent",
        "bio": "Aigerim covers Kazakhstan’s economy, energy and the grain belt from Almaty. She previously worked on a regional business desk and still keeps a spreadsheet of every wheat tender since 2015.",
    },
    {
        "name": "Timur Rakhimov",
        "slug": "timur-rakhimov",
        "role": "Tashkent correspondent",
        "bio": "Timur reports on Uzbekistan’s reforms, trade and cities from Tashkent. He translates from Uzbek, Russian and Tajik and has a soft spot for stories about old crafts in new economies.",
    },
    {
        "name": "Elnura Toktosunova",
        "slug": "elnura-toktosunova",
        "role": "Bishkek correspondent",
        "bio": "Elnura covers Kyrgyzstan’s politics, migration and mountains from Bishkek. She spent three winters reporting from Naryn and knows more about snow leopard camera traps than she expected to.",
    },
    {
        "name": "Farrukh Nazarov",
        "slug": "farrukh-nazarov",
        "role": "Dushanbe correspondent",
        "bio": "Farrukh writes about water, hydropower and the Pamirs from Dushanbe. He trained as a civil engineer before moving into journalism and still reads dam feasibility studies for fun.",
    },
    {
        "name": "Helen Marsh",
        "slug": "helen-marsh",
        "role": "Regional editor",
        "bio": "Helen edits Silkwire’s regional coverage and writes about Turkmenistan, the Caspian and the trade routes that cross Central Asia. She has covered the region for more than a decade.",
    },
]

ARTICLES = [
    # ---------------------------------------------------------------- Kazakhstan
    {
        "slug": "aktau-port-new-container-berth",
        "title": "Aktau port adds container berth as Middle Corridor traffic climbs",
        "country": "kazakhstan",
        "other_countries": [],
        "kind": "news",
        "topics": ["economy"],
        "tags": ["middle-corridor", "caspian", "ports", "trade"],
        "authors": ["aigerim-sadykova"],
        "byline": "",
        "dateline": "AKTAU",
        "standfirst": "A new berth at Kazakhstan’s main Caspian port is meant to cut the queues of containers waiting for ferries to Baku, but shippers say the sea crossing is only half the problem.",
        "days_ago": 1,
        "hour": 9,
        "image": {
            "caption": "Cranes stand over the container yard at a Caspian port at dusk.",
            "credit": "Silkwire demo illustration",
        },
        "blocks": [
            {
                "type": "paragraph",
                "text": "Kazakhstan’s port of Aktau opened a new container berth on Tuesday, adding capacity its operators say will let the port handle roughly a third more boxes a year bound for Azerbaijan and, beyond it, Georgia and Turkey.",
            },
            {
                "type": "paragraph",
                "text": "The berth is the latest piece of a push to make the so-called Middle Corridor — the rail-and-ferry route that links China to Europe while bypassing Russia — fast and predictable enough to win long-term contracts from freight forwarders.",
            },
            {
                "type": "quote",
                "text": "Last spring we had containers sitting here for eleven days waiting for a vessel. If this berth gets that down to three, customers will notice.",
                "attribution": "Marat Yesenov, operations manager at a freight forwarding company in Aktau",
            },
            {
                "type": "paragraph",
                "text": "Port officials said the berth would be served by two new mobile cranes and a rail spur that allows wagons to be unloaded directly beside the quay. The deputy transport minister, who attended the opening, told reporters the government expected cargo on the route to keep growing “as long as the sea and the railways move at the same speed”.",
            },
            {
                "type": "paragraph",
                "text": "That caveat matters. Freight forwarders interviewed by Silkwire said the bottlenecks have shifted inland: single-track sections of railway in western Kazakhstan, a shortage of flat wagons and customs paperwork that still has to be repeated at each border. Low water levels in the northern Caspian have also forced some ferries to sail lighter than planned.",
            },
            {
                "type": "factbox",
                "title": "The route in brief",
                "html": "<p>The Middle Corridor links western China to Europe without crossing Russia.</p><ul><li>Rail across Kazakhstan to Aktau or Kuryk</li><li>Ferry across the Caspian to Baku</li><li>Rail through Azerbaijan and Georgia to Black Sea ports or Turkey</li></ul>",
            },
            {
                "type": "paragraph",
                "text": "The port said a second phase, including a grain terminal, is due to be tendered next year.",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "kostanay-wheat-farmer-dry-spring-interview",
        "title": "‘We plant for the weather we used to have’: a Kostanay wheat farmer on a dry spring",
        "country": "kazakhstan",
        "other_countries": [],
        "kind": "interview",
        "topics": ["economy", "environment"],
        "tags": ["wheat", "drought", "agriculture", "climate"],
        "authors": ["aigerim-sadykova"],
        "byline": "Interview conducted in Kazakh and Russian; translated by Aigerim Sadykova",
        "dateline": "KOSTANAY",
        "standfirst": "Yerlan Mukhametov farms 4,000 hectares of spring wheat in northern Kazakhstan. After the driest April his district can remember, he explains how farmers are adapting — and what worries him most.",
        "days_ago": 4,
        "hour": 11,
        "image": {
            "caption": "A seed drill crosses a dry field on the northern Kazakh steppe.",
            "credit": "Silkwire demo illustration",
        },
        "blocks": [
            {
                "type": "paragraph",
                "text": "Kostanay region is one of the heartlands of Kazakhstan’s wheat belt, which makes the country one of the world’s largest exporters of flour. This interview has been edited for length and clarity.",
            },
            {
                "type": "turn",
                "speaker": "Silkwire",
                "paragraphs": ["How dry has this spring been?"],
            },
            {
                "type": "turn",
                "speaker": "Yerlan Mukhametov",
                "paragraphs": [
                    "We had almost no rain in April and very little snow over the winter, so the soil started dry. My father kept notebooks going back to the 1980s, and I cannot find a spring like it in there.",
                    "The wheat has come up, but thinly. The next three weeks decide everything.",
                ],
            },
            {
                "type": "turn",
                "speaker": "Silkwire",
                "paragraphs": ["What have you changed on the farm?"],
            },
            {
                "type": "turn",
                "speaker": "Yerlan Mukhametov",
                "paragraphs": [
                    "We stopped ploughing about eight years ago. Now we drill straight into last year’s stubble, which keeps moisture in the ground. Five years ago my neighbours laughed at me. This year three of them asked to borrow the seed drill."
                ],
            },
            {
                "type": "turn",
                "speaker": "Silkwire",
                "paragraphs": ["Exporters say prices are weak. How does that affect you?"],
            },
            {
                "type": "turn",
                "speaker": "Yerlan Mukhametov",
                "paragraphs": [
                    "It is the combination that hurts. If the harvest is small and prices are also low, there is nothing left for new machinery or for wages. Fuel went up again in March.",
                    "People in Almaty talk about the Middle Corridor and new markets in China and Iran. That is good, but for me the question is whether a wagon arrives at the elevator in September or in November.",
                ],
            },
            {"type": "turn", "speaker": "Silkwire", "paragraphs": ["What would help most?"]},
            {
                "type": "turn",
                "speaker": "Yerlan Mukhametov",
                "paragraphs": [
                    "Crop insurance that pays out in weeks, not a year later. And honest weather data. We still plant for the weather we used to have."
                ],
            },
        ],
        "corrections": [],
    },
    {
        "slug": "almaty-winter-smog-policy-choice",
        "title": "Almaty’s winter smog is a policy choice, not a weather event",
        "country": "kazakhstan",
        "other_countries": [],
        "kind": "opinion",
        "topics": ["environment", "society"],
        "tags": ["air-pollution", "almaty", "coal", "energy"],
        "authors": ["aigerim-sadykova"],
        "byline": "",
        "dateline": "ALMATY",
        "standfirst": "Every January the city blames the mountains and the still air. The mountains are not going anywhere; the coal is a decision.",
        "days_ago": 12,
        "hour": 8,
        "image": None,
        "blocks": [
            {
                "type": "paragraph",
                "text": "Anyone who has flown into Almaty on a January morning knows the view: a brown lid over the city, the peaks of the Zailiysky Alatau floating above it like a postcard pinned to a dirty wall. Every winter the explanation is the same. The city sits in a bowl, the air does not move, the inversion traps what we breathe.",
            },
            {
                "type": "paragraph",
                "text": "All of that is true. None of it is an excuse. The geography has been the same for as long as there has been a city here. What has changed is what we burn.",
            },
            {
                "type": "paragraph",
                "text": "The largest combined heat and power plant serving the city still runs mostly on coal. Tens of thousands of private houses on the outskirts heat with coal stoves because connecting them to gas costs more than a family can pay up front. Traffic has roughly doubled in a decade. Each of these is the result of a choice about money, and each can be changed by another choice.",
            },
            {
                "type": "quote",
                "text": "We measure the smog very well now. What we do not do is act on the measurements.",
                "attribution": "An air-quality researcher at an Almaty university, speaking to Silkwire last winter",
            },
            {
                "type": "paragraph",
                "text": "The plan to switch the plant to gas has been announced more than once. It needs to be finished, with a date and a public progress report. Subsidised connections for households in the lower districts would do more for children’s lungs than any number of new monitoring stations. And the city should stop widening roads into the centre while promising cleaner air.",
            },
            {
                "type": "paragraph",
                "text": "None of this is cheap. But the bill is already being paid — in hospital visits, in lost school days, in young professionals who quietly move to Astana or abroad. Almaty should decide to pay it in pipes and buses instead.",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "aralsk-fishing-boats-return",
        "title": "In Aralsk, the fishing boats are back — and so is the argument about the sea",
        "country": "kazakhstan",
        "other_countries": ["uzbekistan"],
        "kind": "feature",
        "topics": ["environment", "society"],
        "tags": ["aral-sea", "fishing", "water", "syr-darya"],
        "authors": ["aigerim-sadykova", "helen-marsh"],
        "byline": "",
        "dateline": "ARALSK",
        "standfirst": "Two decades after a dike began to refill the northern Aral, a Kazakh town that once watched the sea disappear is catching fish again. How much further the water can come is another question.",
        "days_ago": 20,
        "hour": 14,
        "image": {
            "caption": "Small fishing boats pulled up on the shore of the northern Aral Sea.",
            "credit": "Silkwire demo illustration",
        },
        "blocks": [
            {
                "type": "paragraph",
                "text": "At six in the morning the road out of Aralsk is already busy with motorbikes towing trailers of nets. Bolat, 58, who asked that only his first name be used, remembers when there was no reason to take this road at all. “When I was a boy the sea was right here,” he says, pointing at a line of rusting hulls stranded in the sand. “Then it walked away from us.”",
            },
            {
                "type": "paragraph",
                "text": "Now it has partly walked back. A dike across the narrow strait that once connected the northern and southern parts of the sea holds water from the Syr Darya in the smaller, northern basin. Salinity has dropped, native fish have returned, and the shoreline is within twenty kilometres of town again instead of a hundred.",
            },
            {"type": "heading", "text": "Zander, bream and a processing plant", "level": 2},
            {
                "type": "paragraph",
                "text": "The local fish processing plant buys zander and bream from about two hundred registered fishermen and exports fillets as far as Europe. Young people who had left for Kyzylorda or Almaty are coming back for the season. A café by the old harbour has reopened and sells fried fish to visitors who come to photograph the ship graveyard.",
            },
            {
                "type": "quote",
                "text": "The ships are a museum now. The fish are the economy.",
                "attribution": "Gulnar Abenova, who runs the café by the old harbour",
            },
            {
                "type": "paragraph",
                "text": "The argument in town is about whether to raise the dike higher. Doing so could bring the water closer still, but it would also mean less water flowing south towards the Uzbek part of the basin, where the sea is still retreating. Every extra metre of water in the north depends on how much the Syr Darya carries — and on how much is taken out upstream for cotton and rice.",
            },
            {
                "type": "paragraph",
                "text": "Bolat is unsentimental about it. “The sea will not come back as it was,” he says. “But a town needs a reason to exist. For now, we have one.”",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "pavlodar-regulator-fines-power-plant-ash-pond",
        "title": "Pavlodar regulator fines power plant operator over ash pond leak",
        "country": "kazakhstan",
        "other_countries": [],
        "kind": "news",
        "topics": ["environment", "economy"],
        "tags": ["coal", "pollution", "energy", "irtysh"],
        "authors": ["aigerim-sadykova"],
        "byline": "",
        "dateline": "PAVLODAR",
        "standfirst": "Environmental inspectors say water from a coal-fired plant’s ash storage pond seeped into a drainage channel that flows towards the Irtysh.",
        "days_ago": 7,
        "hour": 16,
        "image": None,
        "blocks": [
            {
                "type": "paragraph",
                "text": "Environmental regulators in Kazakhstan’s Pavlodar region have fined the operator of a coal-fired power plant 214 million tenge after finding that water from its ash storage pond leaked into a drainage channel that feeds a tributary of the Irtysh river.",
            },
            {
                "type": "paragraph",
                "text": "Inspectors from the regional ecology department said samples taken downstream of the pond in March showed elevated levels of sulphates and suspended solids. The department said there was no evidence that drinking water supplies had been affected, but ordered the operator to line the damaged section of the pond and install monitoring wells within six months.",
            },
            {
                "type": "paragraph",
                "text": "The company, which is privately owned, said in a statement that it would appeal the size of the fine but had already begun repairs. It blamed an unusually rapid snowmelt for raising water levels in the pond.",
            },
            {
                "type": "quote",
                "text": "Every spring we hear that the snow was unusual. The ponds were built in Soviet times and nobody has invested in them properly since.",
                "attribution": "Asel Nurmagambetova, coordinator of a Pavlodar environmental group",
            },
            {
                "type": "paragraph",
                "text": "Pavlodar is one of the centres of Kazakhstan’s coal and metals industry, and residents have long complained about air and water quality. Coal still generates most of the country’s electricity, though the government has pledged to cut its share over the coming decades.",
            },
            {
                "type": "paragraph",
                "text": "The ecology department said it would publish the full inspection report on its website.",
            },
        ],
        "corrections": [
            {
                "kind": "correction",
                "text": "An earlier version of this article said the fine was 241 million tenge. It was 214 million tenge.",
                "hours_after": 5,
            },
        ],
    },
    {
        "slug": "kazakhstan-nuclear-plant-balkhash-water",
        "title": "Why Kazakhstan’s nuclear plant debate keeps coming back to Lake Balkhash",
        "country": "kazakhstan",
        "other_countries": [],
        "kind": "analysis",
        "topics": ["environment", "economy", "politics"],
        "tags": ["nuclear", "energy", "balkhash", "water"],
        "authors": ["aigerim-sadykova"],
        "byline": "",
        "dateline": "ALMATY",
        "standfirst": "Supporters see a cure for power shortages and coal dependence. Critics point to a shallow, half-salty lake that is already under strain.",
        "days_ago": 26,
        "hour": 10,
        "image": {
            "caption": "The shore of Lake Balkhash on a windy autumn day.",
            "credit": "Silkwire demo illustration",
        },
        "blocks": [
            {
                "type": "paragraph",
                "text": "Kazakhstan mines more uranium than any other country, yet it has no working nuclear power plant. Plans to build one on the shore of Lake Balkhash have moved forward, and the arguments over it have narrowed to a surprisingly local question: what happens to the lake?",
            },
            {"type": "heading", "text": "The case for", "level": 2},
            {
                "type": "paragraph",
                "text": "The south of the country regularly imports electricity in winter, and ageing coal plants break down more often each year. Officials argue that a large, steady source of low-carbon power would stabilise the grid and help meet climate pledges without relying on neighbours.",
            },
            {"type": "heading", "text": "The worries", "level": 2},
            {
                "type": "paragraph",
                "text": "Balkhash is shallow and fed mostly by the Ili river, which rises in China, where water use along the river has grown rapidly. Environmental groups fear that cooling water will warm the lake and that any drop in inflow will magnify the effect.",
            },
            {
                "type": "list",
                "ordered": False,
                "items": [
                    "How much water would the plant withdraw and return, and at what temperature?",
                    "What guarantees exist on Ili river flows from upstream?",
                    "Who will store spent fuel, and where?",
                    "How will the cost compare with wind and solar plus storage by the time the plant is finished?",
                ],
            },
            {"type": "heading", "text": "What to watch", "level": 3},
            {
                "type": "paragraph",
                "text": "The environmental impact assessment is due for public hearings. Its water modelling — and whether independent scientists are allowed to check it — will say more about the project’s prospects than any ministerial speech.",
            },
        ],
        "corrections": [],
    },
    # ---------------------------------------------------------------- Kyrgyzstan
    {
        "slug": "naryn-snow-leopard-researcher-interview",
        "title": "‘The cats are telling us where the herders go’: tracking snow leopards in Naryn",
        "country": "kyrgyzstan",
        "other_countries": [],
        "kind": "interview",
        "topics": ["environment", "society"],
        "tags": ["snow-leopards", "wildlife", "naryn", "conservation"],
        "authors": ["elnura-toktosunova"],
        "byline": "Reported and translated by Elnura Toktosunova",
        "dateline": "NARYN",
        "standfirst": "Aizada Mamytova has spent six winters checking camera traps in the mountains of Naryn region. She talks about what the photographs show, and why herders matter more than fences.",
        "days_ago": 9,
        "hour": 13,
        "image": {
            "caption": "A camera trap strapped to a rock on a high mountain ridge.",
            "credit": "Silkwire demo illustration",
        },
        "blocks": [
            {
                "type": "paragraph",
                "text": "Aizada Mamytova is a field biologist with a small Kyrgyz conservation group that runs camera traps across three valleys in Naryn region. The interview has been condensed.",
            },
            {
                "type": "turn",
                "speaker": "Silkwire",
                "paragraphs": ["How many snow leopards are in your study area?"],
            },
            {
                "type": "turn",
                "speaker": "Aizada Mamytova",
                "paragraphs": [
                    "This season we identified fourteen individual adults from their spot patterns, plus two females with cubs. That is up from nine when we started, but some of that is because we have more cameras and know the trails better."
                ],
            },
            {
                "type": "turn",
                "speaker": "Silkwire",
                "paragraphs": ["What is the biggest threat to them?"],
            },
            {
                "type": "turn",
                "speaker": "Aizada Mamytova",
                "paragraphs": [
                    "Direct poaching has fallen. The bigger pressure now is on their prey. When herds of sheep and goats grow, they push ibex and argali higher and further away, and the leopards follow, or they start taking livestock.",
                    "Then a herder loses ten sheep in one night inside a stone corral, and you can understand why he is angry.",
                ],
            },
            {
                "type": "turn",
                "speaker": "Silkwire",
                "paragraphs": ["How do you work with herders?"],
            },
            {
                "type": "turn",
                "speaker": "Aizada Mamytova",
                "paragraphs": [
                    "We help them put mesh roofs on night corrals, which almost stops the attacks. Several families now keep the memory cards for us and send us photographs on WhatsApp. One grandmother names every cat she sees."
                ],
            },
            {
                "type": "turn",
                "speaker": "Silkwire",
                "paragraphs": ["What surprised you most in the data?"],
            },
            {
                "type": "turn",
                "speaker": "Aizada Mamytova",
                "paragraphs": [
                    "How closely the cats follow the herders’ calendar. When the flocks move up to summer pastures, the leopards shift to the next ridge. The cats are telling us where the herders go.",
                    "It means conservation here is really about grazing policy, not just about protected areas on a map.",
                ],
            },
        ],
        "corrections": [],
    },
    {
        "slug": "toktogul-reservoir-low-winter-power",
        "title": "Toktogul reservoir enters winter below average, raising fears of power cuts",
        "country": "kyrgyzstan",
        "other_countries": ["uzbekistan", "kazakhstan"],
        "kind": "news",
        "topics": ["economy", "environment"],
        "tags": ["hydropower", "toktogul", "energy", "water-sharing"],
        "authors": ["elnura-toktosunova"],
        "byline": "",
        "dateline": "BISHKEK",
        "standfirst": "Kyrgyzstan’s largest reservoir holds less water than usual heading into the cold months, and the energy ministry has asked residents to save electricity.",
        "days_ago": 3,
        "hour": 18,
        "image": None,
        "blocks": [
            {
                "type": "paragraph",
                "text": "Water in the Toktogul reservoir on the Naryn river stood well below its seasonal average at the start of October, Kyrgyzstan’s energy ministry said on Wednesday, warning that scheduled power cuts could be needed in January if the winter is cold.",
            },
            {
                "type": "paragraph",
                "text": "The reservoir feeds a cascade of hydropower plants that provide most of the country’s electricity. A dry summer, low snowfall last winter and heavy releases for irrigation downstream in Uzbekistan and Kazakhstan have all reduced the volume, officials said.",
            },
            {
                "type": "paragraph",
                "text": "The deputy energy minister told a press conference that the government was negotiating to import electricity from neighbouring countries and asked households not to use electric heaters during the evening peak.",
            },
            {
                "type": "quote",
                "text": "Every winter we are told to save power, and every winter the flats in our building are heated with electric radiators because the district heating does not work.",
                "attribution": "Nurlan Asanov, a resident of Bishkek’s Jal district",
            },
            {
                "type": "paragraph",
                "text": "The trade-off at Toktogul is old: Kyrgyzstan wants to store water in summer and release it to generate power in winter, while farmers downstream need it in summer for cotton and wheat. Regional agreements swapping water for coal, gas or electricity have been revived in recent years but are renegotiated annually.",
            },
            {
                "type": "factbox",
                "title": "Toktogul at a glance",
                "html": "<p>The reservoir was completed in the 1970s on the Naryn river.</p><ul><li>One of the largest reservoirs in Central Asia</li><li>Supplies a cascade of hydropower plants</li><li>Releases affect irrigation in the Fergana Valley</li></ul>",
            },
        ],
        "corrections": [
            {
                "kind": "update",
                "text": "This article was updated with the energy ministry’s announcement that electricity imports from Kazakhstan had been agreed for November and December.",
                "hours_after": 20,
            },
        ],
    },
    {
        "slug": "kyrgyz-remittances-weaker-ruble-analysis",
        "title": "What a weaker ruble means for Kyrgyz families living on remittances",
        "country": "kyrgyzstan",
        "other_countries": ["tajikistan", "uzbekistan"],
        "kind": "analysis",
        "topics": ["economy", "society"],
        "tags": ["remittances", "migration", "ruble", "labour"],
        "authors": ["elnura-toktosunova"],
        "byline": "",
        "dateline": "BISHKEK",
        "standfirst": "Money sent home by migrants is equal to roughly a fifth of Kyrgyzstan’s economy. When the ruble slides, kitchens in Osh and Naryn feel it within weeks.",
        "days_ago": 15,
        "hour": 7,
        "image": {
            "caption": "A queue outside a money transfer office in a Kyrgyz town.",
            "credit": "Silkwire demo illustration",
        },
        "blocks": [
            {
                "type": "paragraph",
                "text": "Hundreds of thousands of Kyrgyz citizens work in Russia, mostly in construction, delivery and services. They are paid in rubles, and their families at home spend in soms. When the exchange rate moves, household budgets move with it.",
            },
            {"type": "heading", "text": "How the squeeze works", "level": 2},
            {
                "type": "paragraph",
                "text": "A migrant earning the same wage in Moscow can send home noticeably fewer soms after a sharp fall in the ruble. Many respond by working longer hours or sending money less often; some decide the trip is no longer worth it.",
            },
            {
                "type": "list",
                "ordered": True,
                "items": [
                    "Transfers fall in som terms within one or two months.",
                    "Spending on food and school costs is cut first; construction of family houses stops.",
                    "Demand for consumer credit rises, often from microlenders with high rates.",
                    "Some migrants look for work in Kazakhstan, South Korea or the Gulf instead.",
                ],
            },
            {"type": "heading", "text": "Signs of diversification", "level": 2},
            {
                "type": "paragraph",
                "text": "Bankers in Bishkek say a growing share of transfers now comes from outside Russia, and that more migrants use mobile apps rather than cash couriers. That helps, but the numbers remain small compared with the Russian flow.",
            },
            {
                "type": "paragraph",
                "text": "An economist at a Bishkek think tank told Silkwire that the country’s dependence on remittances is “a cushion and a trap at the same time”: it keeps poverty down, but it also keeps the most energetic workers abroad.",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "osh-bazaar-at-dawn",
        "title": "Osh bazaar at dawn: the traders who keep the Fergana Valley fed",
        "country": "kyrgyzstan",
        "other_countries": ["uzbekistan"],
        "kind": "feature",
        "topics": ["society", "culture", "economy"],
        "tags": ["osh", "bazaar", "trade", "fergana-valley"],
        "authors": ["elnura-toktosunova"],
        "byline": "",
        "dateline": "OSH",
        "standfirst": "Long before the city wakes, one of Central Asia’s oldest markets is already weighing, haggling and drinking its first tea.",
        "days_ago": 33,
        "hour": 6,
        "image": {
            "caption": "Stacks of flatbread on a stall at a Central Asian bazaar in early morning light.",
            "credit": "Silkwire demo illustration",
        },
        "blocks": [
            {
                "type": "paragraph",
                "text": "At four-thirty in the morning, the first trucks of tomatoes arrive from Uzbekistan, their drivers stamping their feet against the cold while porters with long metal carts shout for space. By five, the bread sellers have laid out their round lepyoshka on cloths, and the smell of cumin and smoke from the samsa ovens is drifting over the stalls.",
            },
            {
                "type": "paragraph",
                "text": "The bazaar in Osh has been a crossroads for centuries, sitting near the foot of the Sulaiman-Too mountain on routes that linked the Fergana Valley to Kashgar. Today it is a maze of container stalls and corrugated roofs where Kyrgyz, Uzbek and Tajik are spoken interchangeably, often in the same sentence.",
            },
            {
                "type": "quote",
                "text": "The border opened properly again and suddenly my cousins in Andijan are my suppliers, not just my relatives.",
                "attribution": "Zulfiya Tashieva, who sells dried apricots and nuts",
            },
            {
                "type": "paragraph",
                "text": "Traders say the easing of border crossings with Uzbekistan has transformed the market. Fruit and vegetables flow in from the Uzbek side in summer; in autumn, Kyrgyz potatoes and honey travel the other way. Prices are set by phone before sunrise and change by the hour.",
            },
            {
                "type": "paragraph",
                "text": "Not everything is easy. City plans to move parts of the market to a new site outside the centre worry stallholders, who fear losing the foot traffic of shoppers who come for the old bazaar’s atmosphere as much as for its prices.",
            },
            {
                "type": "paragraph",
                "text": "By eight, the wholesale rush is over. The porters sit on their empty carts eating soup, the tourists start to arrive with cameras, and the bazaar shifts, without fuss, from one economy to another.",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "issyk-kul-early-bookings-kazakh-tourists",
        "title": "Issyk-Kul resorts report record early bookings from Kazakhstan",
        "country": "kyrgyzstan",
        "other_countries": ["kazakhstan"],
        "kind": "news",
        "topics": ["economy"],
        "tags": ["tourism", "issyk-kul", "trade"],
        "authors": ["elnura-toktosunova"],
        "byline": "",
        "dateline": "CHOLPON-ATA",
        "standfirst": "Hotel owners on the northern shore say summer is filling up earlier than ever, helped by new flights and a smoother border crossing.",
        "days_ago": 41,
        "hour": 12,
        "image": {
            "caption": "A pier on the shore of a mountain lake with snow-capped peaks behind.",
            "credit": "Silkwire demo illustration",
        },
        "blocks": [
            {
                "type": "paragraph",
                "text": "Guesthouses and sanatoriums on the northern shore of Issyk-Kul say bookings for July and August are running well ahead of last year, with visitors from Kazakhstan accounting for most of the increase.",
            },
            {
                "type": "paragraph",
                "text": "An association representing about ninety hotels around Cholpon-Ata said members had sold roughly 70 percent of their peak-season rooms by the end of April, compared with about half at the same point a year earlier.",
            },
            {
                "type": "paragraph",
                "text": "Owners credited a new weekly flight from Astana to Tamchy airport, improved queues at the Kordai border crossing and the strength of the tenge against the som, which makes a lakeside holiday comparatively cheap for Kazakh families.",
            },
            {
                "type": "quote",
                "text": "Ten years ago our guests came from Novosibirsk and Yekaterinburg. Now the cars in the car park have Almaty plates.",
                "attribution": "Bermet Kasymova, who manages a family guesthouse in Bosteri",
            },
            {
                "type": "paragraph",
                "text": "The boom has a downside. Residents complain of traffic jams on the single road along the shore and of sewage systems that were not designed for the summer crowds. Local environmental groups have called for stricter checks on new hotels built close to the water.",
            },
            {
                "type": "paragraph",
                "text": "The regional tourism department said it would add extra traffic police on weekends and was preparing a plan to upgrade treatment plants in the main resort towns.",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "bishkek-electric-bus-pilot",
        "title": "Bishkek pilots electric buses on three routes",
        "country": "kyrgyzstan",
        "other_countries": [],
        "kind": "news",
        "topics": ["society", "environment"],
        "tags": ["transport", "air-pollution", "bishkek", "energy"],
        "authors": ["elnura-toktosunova"],
        "byline": "",
        "dateline": "BISHKEK",
        "standfirst": "City hall hopes the buses will ease smog and replace ageing minibuses, but drivers worry about winter range and charging time.",
        "days_ago": 0,
        "hour": 15,
        "image": None,
        "blocks": [
            {
                "type": "paragraph",
                "text": "Twenty electric buses went into service in Bishkek on Monday on three routes crossing the city from the southern residential districts to the centre, in a pilot that city officials hope will lead to a wider replacement of the capital’s ageing fleet.",
            },
            {
                "type": "paragraph",
                "text": "The buses were bought with a loan from a development bank and will be charged overnight at a depot in the east of the city. Fares are the same as on conventional buses, and passengers can pay by card or QR code.",
            },
            {
                "type": "paragraph",
                "text": "Bishkek has some of the worst winter air quality in the region, driven by coal-fired heating, household stoves and heavy traffic. Thousands of privately run marshrutka minibuses, many more than twenty years old, carry most of the city’s commuters.",
            },
            {
                "type": "quote",
                "text": "It is quiet, it is warm inside, and nobody is smoking next to the driver. I hope they keep it.",
                "attribution": "Kanykei Omurbekova, a student who rode the first bus on route 7",
            },
            {
                "type": "paragraph",
                "text": "Drivers trained for the new vehicles were more cautious. Several said they were unsure how far the batteries would last in January, when temperatures can drop below minus twenty and heating is switched on all day.",
            },
            {
                "type": "embed",
                "url": "https://example.org/demo/bishkek-electric-bus-route-map",
                "caption": "Route map of the three pilot lines, published by the city transport department (demo link).",
            },
            {
                "type": "paragraph",
                "text": "City hall said it would publish passenger numbers and reliability figures after six months before deciding whether to order more buses.",
            },
        ],
        "corrections": [],
    },
    # ---------------------------------------------------------------- Tajikistan
    {
        "slug": "rogun-next-turbine-money-river-neighbours",
        "title": "Rogun’s next turbine: the money, the river and the neighbours",
        "country": "tajikistan",
        "other_countries": ["uzbekistan", "turkmenistan"],
        "kind": "analysis",
        "topics": ["economy", "environment", "politics"],
        "tags": ["rogun", "hydropower", "water-sharing", "vakhsh"],
        "authors": ["farrukh-nazarov"],
        "byline": "",
        "dateline": "DUSHANBE",
        "standfirst": "Tajikistan’s giant dam on the Vakhsh is generating power, but finishing it will take years and billions more. Three questions will decide how it ends.",
        "days_ago": 6,
        "hour": 10,
        "image": {
            "caption": "A river gorge in the mountains of central Tajikistan with construction roads cut into the slopes.",
            "credit": "Silkwire demo illustration",
        },
        "blocks": [
            {
                "type": "paragraph",
                "text": "The Rogun dam, planned in Soviet times and revived as a national project after independence, is meant to become one of the tallest dams in the world. Its first turbines already feed the grid. The government says the finished plant will end winter shortages and turn Tajikistan into a power exporter to Afghanistan, Pakistan and its Central Asian neighbours.",
            },
            {"type": "heading", "text": "1. The money", "level": 2},
            {
                "type": "paragraph",
                "text": "Much of the construction so far has been financed from the state budget and from a eurobond, with international lenders joining more recently under conditions on transparency and resettlement. Each delay increases the cost of the debt.",
            },
            {"type": "heading", "text": "2. The river", "level": 2},
            {
                "type": "paragraph",
                "text": "The Vakhsh is one of the main tributaries of the Amu Darya. How fast the reservoir is filled, and how water is released each season, matters for farmers downstream in Uzbekistan and Turkmenistan and for what little still reaches the Aral Sea.",
            },
            {"type": "heading", "text": "3. The neighbours", "level": 2},
            {
                "type": "paragraph",
                "text": "Uzbekistan once opposed the dam outright. Its tone has softened, and Uzbek companies have even bid for contracts. But the goodwill rests on a filling schedule that has not been fully published.",
            },
            {
                "type": "list",
                "ordered": False,
                "items": [
                    "An agreed, public filling and release schedule",
                    "Sediment management — the Vakhsh carries huge volumes of silt",
                    "Resettlement and compensation for families in the flooding zone",
                    "Firm export contracts for summer electricity",
                ],
            },
            {
                "type": "paragraph",
                "text": "An engineer who worked on the project’s early studies summed it up for Silkwire: “The concrete is the easy part. The rules are the hard part.”",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "khorog-hydrologist-glaciers-interview",
        "title": "‘Our glaciers are a savings account we are spending’: a Khorog hydrologist on the melting Pamirs",
        "country": "tajikistan",
        "other_countries": ["kyrgyzstan", "uzbekistan", "turkmenistan"],
        "kind": "interview",
        "topics": ["environment"],
        "tags": ["glaciers", "pamir", "khorog", "water", "climate"],
        "authors": ["farrukh-nazarov"],
        "byline": "Reported and translated by Farrukh Nazarov",
        "dateline": "KHOROG",
        "standfirst": "Parvina Sharipova measures rivers in the Gorno-Badakhshan region. She explains what faster melting means for the valleys — and for farmers a thousand kilometres downstream.",
        "days_ago": 18,
        "hour": 9,
        "image": {
            "caption": "A meltwater stream below a glacier tongue in the Pamir mountains.",
            "credit": "Silkwire demo illustration",
        },
        "blocks": [
            {
                "type": "paragraph",
                "text": "Parvina Sharipova is a hydrologist who runs a network of river gauges in the Pamirs for a university research station in Khorog. This interview has been edited for length.",
            },
            {
                "type": "turn",
                "speaker": "Silkwire",
                "paragraphs": ["What are your gauges showing?"],
            },
            {
                "type": "turn",
                "speaker": "Parvina Sharipova",
                "paragraphs": [
                    "Summer flows in the rivers fed by glaciers have been high for several years, and the peak is coming earlier, sometimes in June instead of July.",
                    "People think high water is good news. In fact it means the glaciers are shrinking faster. We are spending a savings account.",
                ],
            },
            {
                "type": "turn",
                "speaker": "Silkwire",
                "paragraphs": ["What does that mean for people in the valleys?"],
            },
            {
                "type": "turn",
                "speaker": "Parvina Sharipova",
                "paragraphs": [
                    "More mudflows and glacial lake outbursts. Villages are built on the fans where side valleys meet the river, exactly where debris comes down. We now have sirens in several villages and schoolchildren practise evacuations."
                ],
            },
            {"type": "turn", "speaker": "Silkwire", "paragraphs": ["And downstream?"]},
            {
                "type": "turn",
                "speaker": "Parvina Sharipova",
                "paragraphs": [
                    "The Panj and the Vakhsh form the Amu Darya. For a few decades there may be more water in summer. After that, when many smaller glaciers are gone, there will be less in the driest months, exactly when the cotton and wheat fields need it.",
                    "That is why data sharing with Uzbekistan and Turkmenistan matters. We are all reading the same river.",
                ],
            },
            {"type": "turn", "speaker": "Silkwire", "paragraphs": ["What do you need most?"]},
            {
                "type": "turn",
                "speaker": "Parvina Sharipova",
                "paragraphs": [
                    "Reliable funding for the stations. A gauge that stops working for two years leaves a hole in the record that no model can fill."
                ],
            },
        ],
        "corrections": [],
    },
    {
        "slug": "khorog-rubab-makers",
        "title": "The rubab makers of Khorog keep a Pamiri sound alive",
        "country": "tajikistan",
        "other_countries": [],
        "kind": "feature",
        "topics": ["culture", "society"],
        "tags": ["pamir", "music", "khorog", "crafts"],
        "authors": ["farrukh-nazarov"],
        "byline": "",
        "dateline": "KHOROG",
        "standfirst": "In a workshop above the Gunt river, two generations of instrument makers carve lutes from apricot and mulberry wood — and teach the teenagers who will play them.",
        "days_ago": 37,
        "hour": 17,
        "image": {
            "caption": "A half-finished long-necked lute on a workbench covered in wood shavings.",
            "credit": "Silkwire demo illustration",
        },
        "blocks": [
            {
                "type": "paragraph",
                "text": "The workshop smells of apricot wood and glue. On the bench lies the body of a Pamiri rubab, hollowed from a single block, its neck still rough. Davlat Shohzodaev, 67, runs his thumb along the grain and shakes his head. “Two more weeks,” he says. “The wood decides, not me.”",
            },
            {
                "type": "paragraph",
                "text": "Shohzodaev has made instruments in Khorog for more than forty years: the six-stringed Pamiri rubab with its skin-covered belly and curved horn at the base of the neck, the larger setor, and the daf frame drums that accompany devotional songs across Gorno-Badakhshan.",
            },
            {
                "type": "quote",
                "text": "When I started, every family had an old man who played. Then came the nineties, and nobody had money for music. Now the young ones come back to it through the internet, which I did not expect.",
                "attribution": "Davlat Shohzodaev, instrument maker",
            },
            {
                "type": "paragraph",
                "text": "His son Farhod, 34, handles the orders that come through social media, from diaspora families in Moscow and from music schools in Dushanbe. He has started to use a small electric router for the rough work but insists that the final carving and fitting stay by hand.",
            },
            {
                "type": "paragraph",
                "text": "Three evenings a week the workshop turns into a classroom. A dozen teenagers sit on cushions along the wall, tuning, listening, trying the quick ornamental runs that mark the regional style. One of them, fifteen-year-old Nigina, already performs at weddings.",
            },
            {
                "type": "embed",
                "url": "https://example.org/demo/khorog-rubab-workshop-recording",
                "caption": "A short recording of students playing in the workshop (demo link).",
            },
            {
                "type": "paragraph",
                "text": "Outside, the Gunt runs loud and grey with meltwater. Inside, someone is playing the same phrase for the tenth time, getting it a little closer each time.",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "khatlon-farmers-shift-from-cotton",
        "title": "Khatlon farmers shift land from cotton to wheat and orchards",
        "country": "tajikistan",
        "other_countries": [],
        "kind": "news",
        "topics": ["economy", "society"],
        "tags": ["cotton", "wheat", "agriculture", "khatlon"],
        "authors": ["farrukh-nazarov"],
        "byline": "",
        "dateline": "BOKHTAR",
        "standfirst": "Officials in Tajikistan’s main farming region say cotton acreage has fallen for a third year as growers chase better returns from food crops.",
        "days_ago": 22,
        "hour": 14,
        "image": None,
        "blocks": [
            {
                "type": "paragraph",
                "text": "Farmers in Tajikistan’s southern Khatlon region planted cotton on about 12 percent less land this spring than last year, the regional agriculture department said, as growers continued to switch to wheat, vegetables and fruit orchards.",
            },
            {
                "type": "paragraph",
                "text": "Cotton has been the backbone of the Vakhsh valley’s economy since Soviet times, and farmers were long pressured to meet state targets. Since those requirements were relaxed, many family farms have decided that food crops sold in local bazaars or exported to Russia and Kazakhstan pay better.",
            },
            {
                "type": "quote",
                "text": "With cotton I wait a year to be paid by the gin. With apricots and lemons I am paid in the market the same week.",
                "attribution": "Sherali Qodirov, who farms 18 hectares near Bokhtar",
            },
            {
                "type": "paragraph",
                "text": "The department said average cotton yields had risen on the land that remains in production, partly because of better seed and drip irrigation on some farms. Officials want the remaining cotton to be processed into yarn and fabric inside the country rather than exported as raw fibre.",
            },
            {
                "type": "paragraph",
                "text": "Agricultural economists caution that the shift is uneven. Farmers with access to cold storage and trucks benefit most, while smaller households still depend on seasonal work in cotton fields and on remittances from relatives abroad.",
            },
            {
                "type": "factbox",
                "title": "Khatlon in numbers",
                "html": "<p>Khatlon is Tajikistan’s most populous region.</p><ul><li>Main rivers: Vakhsh and Panj</li><li>Key crops: cotton, wheat, fruit, vegetables</li><li>Regional centre: Bokhtar</li></ul>",
            },
        ],
        "corrections": [
            {
                "kind": "correction",
                "text": "An earlier version of this article misnamed the valley where most of the region’s cotton is grown. It is the Vakhsh valley.",
                "hours_after": 3,
            },
        ],
    },
    {
        "slug": "tajikistan-remittances-new-routes",
        "title": "Tajik remittances rise as migrants find work beyond Russia",
        "country": "tajikistan",
        "other_countries": ["kyrgyzstan"],
        "kind": "news",
        "topics": ["economy", "society"],
        "tags": ["remittances", "migration", "labour"],
        "authors": ["farrukh-nazarov"],
        "byline": "",
        "dateline": "DUSHANBE",
        "standfirst": "Central bank figures show money transfers grew in the first half of the year, with a rising share coming from Kazakhstan, Turkey and the Gulf.",
        "days_ago": 29,
        "hour": 11,
        "image": {
            "caption": "Passengers with luggage queue at a departure gate in Dushanbe airport.",
            "credit": "Silkwire demo illustration",
        },
        "blocks": [
            {
                "type": "paragraph",
                "text": "Money sent home by Tajik migrant workers grew in the first six months of the year, Tajikistan’s central bank said, with transfers from countries other than Russia growing fastest.",
            },
            {
                "type": "paragraph",
                "text": "Russia remains by far the biggest source of remittances, which are equivalent to more than a third of Tajikistan’s economic output. But bankers and recruitment agencies in Dushanbe say tighter rules for migrants in Russia have pushed more workers to look elsewhere.",
            },
            {
                "type": "quote",
                "text": "Five years ago everyone asked about Moscow. Now half the people who come to us ask about Almaty, Istanbul or Dubai, and whether they need English.",
                "attribution": "Manager of a licensed recruitment agency in Dushanbe",
            },
            {
                "type": "paragraph",
                "text": "Kazakhstan has become a popular option because it is close, Russian is widely spoken and workers can travel by bus. Construction firms in Turkey and logistics companies in the Gulf have also begun recruiting through agencies licensed by Tajikistan’s labour ministry.",
            },
            {
                "type": "paragraph",
                "text": "Migration researchers say the shift brings risks as well as opportunities. Workers going to new destinations often lack networks of relatives to help them find housing and may be more vulnerable to unscrupulous middlemen.",
            },
            {
                "type": "paragraph",
                "text": "The labour ministry said it would open pre-departure training centres in Khujand and Kulob later this year, offering language courses and briefings on workers’ rights.",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "isfara-border-water-points-talks",
        "title": "Tajik and Kyrgyz officials hold talks on shared water points near Isfara",
        "country": "tajikistan",
        "other_countries": ["kyrgyzstan"],
        "kind": "news",
        "topics": ["security", "politics"],
        "tags": ["border", "water-sharing", "fergana-valley"],
        "authors": ["farrukh-nazarov", "elnura-toktosunova"],
        "byline": "",
        "dateline": "ISFARA",
        "standfirst": "Local administrators from both sides agreed on a rota for an irrigation canal that has been a source of friction between neighbouring villages.",
        "days_ago": 45,
        "hour": 19,
        "image": None,
        "blocks": [
            {
                "type": "paragraph",
                "text": "District officials from Tajikistan and Kyrgyzstan met near Isfara on Thursday and agreed on a schedule for sharing water from an irrigation canal that serves villages on both sides of the border, local administrations said in matching statements.",
            },
            {
                "type": "paragraph",
                "text": "Under the arrangement, water will be diverted to each side on alternating days during the summer months, with a joint committee of village elders and water engineers meeting weekly to settle disputes. Both sides also agreed to repair a damaged gate on the canal before the irrigation season.",
            },
            {
                "type": "paragraph",
                "text": "Access to water, pasture and roads in this part of the Fergana Valley, where the border twists between enclaves and villages, has led to repeated clashes in the past. The two governments have since signed agreements on the demarcation of their border, and officials describe the water talks as part of efforts to turn that political settlement into everyday cooperation.",
            },
            {
                "type": "quote",
                "text": "People here have relatives on both sides. What they want is to know when the water comes, so they can plan their fields.",
                "attribution": "A member of the joint village committee",
            },
            {
                "type": "paragraph",
                "text": "Residents reached by phone welcomed the deal but said they would judge it by whether the rota holds in July, when demand for water peaks and the canal runs lowest.",
            },
            {
                "type": "paragraph",
                "text": "The officials said they planned to meet again before the harvest to review how the arrangement had worked.",
            },
        ],
        "corrections": [],
    },
    # -------------------------------------------------------------- Turkmenistan
    {
        "slug": "turkmen-gas-china-pipeline-silences",
        "title": "Turkmen gas and the next pipeline to China: reading the silences",
        "country": "turkmenistan",
        "other_countries": ["uzbekistan", "kyrgyzstan", "tajikistan"],
        "kind": "analysis",
        "topics": ["economy", "politics"],
        "tags": ["gas", "china", "pipelines", "galkynysh"],
        "authors": ["helen-marsh"],
        "byline": "",
        "dateline": "ASHGABAT",
        "standfirst": "Turkmenistan sells most of its gas to one customer. A long-promised new pipeline would deepen that dependence — which may be why both sides say so little about it.",
        "days_ago": 11,
        "hour": 8,
        "image": {
            "caption": "Pipeline sections stacked in a desert storage yard.",
            "credit": "Silkwire demo illustration",
        },
        "blocks": [
            {
                "type": "paragraph",
                "text": "Turkmenistan holds some of the largest natural gas reserves on earth, concentrated in the giant Galkynysh field in the south-east. Since the first pipeline to China opened more than a decade ago, China has become its dominant buyer, taking gas across Uzbekistan and Kazakhstan.",
            },
            {"type": "heading", "text": "A line that keeps being announced", "level": 2},
            {
                "type": "paragraph",
                "text": "A further line, routed through Uzbekistan, Kyrgyzstan and Tajikistan, has been discussed for years. Official statements from Ashgabat regularly mention it, but details on financing, pricing and construction dates rarely follow.",
            },
            {"type": "heading", "text": "Why it moves slowly", "level": 2},
            {
                "type": "list",
                "ordered": False,
                "items": [
                    "Price: China has alternatives, including Russian gas and liquefied gas by sea, and negotiates hard.",
                    "Transit: three transit countries each want fees and a share of the gas.",
                    "Geography: the route crosses high mountains, raising costs.",
                    "Debt: Turkmenistan has repaid earlier loans with gas, limiting cash income.",
                ],
            },
            {"type": "heading", "text": "The other directions", "level": 2},
            {
                "type": "paragraph",
                "text": "Ashgabat also promotes a pipeline south through Afghanistan to Pakistan and India, and a link across the Caspian to Azerbaijan that would give it access to Europe. Both face obstacles of security, money and politics. In practice, the China route remains the only large one that works.",
            },
            {
                "type": "paragraph",
                "text": "A European energy analyst who follows the region put it simply: “Turkmenistan’s problem has never been gas. It has been customers.” The silence around the new line suggests that, on price, the customer is still winning.",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "turkmenbashi-port-ferries-to-baku",
        "title": "At Turkmenbashi, the ferries to Baku set the rhythm of the town",
        "country": "turkmenistan",
        "other_countries": ["kazakhstan"],
        "kind": "feature",
        "topics": ["economy", "society"],
        "tags": ["caspian", "middle-corridor", "ports", "ferries"],
        "authors": ["helen-marsh"],
        "byline": "",
        "dateline": "TURKMENBASHI",
        "standfirst": "Truck drivers wait days for a berth, cooks feed them at all hours, and nobody quite trusts the timetable. A portrait of Turkmenistan’s gateway on the Caspian.",
        "days_ago": 48,
        "hour": 20,
        "image": {
            "caption": "Lorries lined up on a quayside waiting to board a ferry on the Caspian Sea.",
            "credit": "Silkwire demo illustration",
        },
        "blocks": [
            {
                "type": "paragraph",
                "text": "The line of lorries starts at the port gate and stretches back along the shore road, past apartment blocks painted white and a row of cafés with plastic chairs. Drivers from Turkey, Iran, Georgia and Kazakhstan play cards on the bonnets of their cabs. Somewhere out on the grey water, a ferry to Baku is either coming or not.",
            },
            {
                "type": "paragraph",
                "text": "Turkmenbashi, a port town of white cliffs and wind, has rebuilt its harbour into a modern complex with ferry, container and passenger terminals. It is meant to be a key link in trade routes across the Caspian. For the people who use it, the experience comes down to one thing: waiting.",
            },
            {
                "type": "quote",
                "text": "The ship leaves when it is full, when the weather allows and when the paperwork is finished. You never get all three on the same day.",
                "attribution": "Mehmet, a Turkish truck driver on his ninth crossing",
            },
            {"type": "heading", "text": "A town that feeds the queue", "level": 2},
            {
                "type": "paragraph",
                "text": "Aynur, who runs a small café near the gate, says she opens at five and closes when the last driver goes to sleep. She serves plov, shashlik and endless pots of green tea, and keeps a notebook of drivers who are regulars. “Some of them I see every month,” she says. “They tell me about their children. I know the whole road to Istanbul from them.”",
            },
            {
                "type": "paragraph",
                "text": "The port authority says crossings are becoming more frequent as traffic on the trans-Caspian routes grows, and that new booking systems will cut waiting times. Drivers are polite about such promises and keep their card games going.",
            },
            {
                "type": "paragraph",
                "text": "At dusk a horn sounds from the harbour. A few men stand up, stretch, and start their engines. Most stay where they are. It is not their ship yet.",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "turkmenistan-visa-wall-tourists",
        "title": "Turkmenistan’s visa wall keeps out the tourists it says it wants",
        "country": "turkmenistan",
        "other_countries": [],
        "kind": "opinion",
        "topics": ["society", "politics"],
        "tags": ["tourism", "visas", "ashgabat", "darvaza"],
        "authors": ["helen-marsh"],
        "byline": "",
        "dateline": "ASHGABAT",
        "standfirst": "The country has marble, ruins and a burning crater in the desert. What it lacks is a visa process a curious traveller can survive.",
        "days_ago": 31,
        "hour": 21,
        "image": None,
        "blocks": [
            {
                "type": "paragraph",
                "text": "Turkmenistan wants tourists. Officials say so at travel fairs, new hotels have been built along the Caspian at Avaza, and the gas crater at Darvaza has become one of the most photographed sights in Central Asia. Ask any traveller who has tried to go, though, and you will hear the same story: the hardest part of the trip is getting permission to take it.",
            },
            {
                "type": "paragraph",
                "text": "Most visitors still need a letter of invitation arranged through a local agency, an itinerary fixed in advance and, for many, a guide for the whole stay. Applications can be refused without explanation. Compared with its neighbours, which have spent the past decade abolishing visas and launching e-visas, Turkmenistan looks like a country asking people to knock on a locked door.",
            },
            {
                "type": "quote",
                "text": "I sold Uzbekistan in an afternoon. For Turkmenistan I need three weeks and a lot of apologies.",
                "attribution": "A tour operator in Tashkent who arranges trips across the region",
            },
            {
                "type": "paragraph",
                "text": "There are reasons for caution that any government might cite. But caution has a price. Visitors who go to Samarkand and Bukhara are a short drive from Merv and Kunya-Urgench, two of the great ancient cities of the Silk Road. Most never cross the border because the paperwork is not worth it.",
            },
            {
                "type": "paragraph",
                "text": "A simple electronic visa for short stays, valid for the main heritage sites, would cost little and could be reversed if it caused problems. Turkmenistan would discover what its neighbours already know: tourists spend money, talk to their friends and come back.",
            },
            {
                "type": "paragraph",
                "text": "Until then, the burning crater will keep burning, mostly for the same few thousand people every year.",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "ashgabat-methane-monitoring-gas-fields",
        "title": "Turkmenistan announces methane monitoring at major gas fields",
        "country": "turkmenistan",
        "other_countries": [],
        "kind": "news",
        "topics": ["environment", "economy"],
        "tags": ["gas", "methane", "climate"],
        "authors": ["helen-marsh"],
        "byline": "Compiled from official statements and interviews by Helen Marsh",
        "dateline": "ASHGABAT",
        "standfirst": "The state gas company says it will install leak detection equipment after satellite studies flagged large releases from Turkmen facilities.",
        "days_ago": 2,
        "hour": 13,
        "image": {
            "caption": "A gas processing facility in the desert under a hazy sky.",
            "credit": "Silkwire demo illustration",
        },
        "blocks": [
            {
                "type": "paragraph",
                "text": "Turkmenistan’s state gas company said on Monday that it would begin continuous monitoring of methane leaks at its largest production sites and along main pipelines, a step that environmental researchers have urged for years.",
            },
            {
                "type": "paragraph",
                "text": "A statement carried by state media said sensors and drone-based surveys would be deployed first at fields in the Lebap and Mary regions, with results reported to the government monthly. It did not say whether the data would be published.",
            },
            {
                "type": "paragraph",
                "text": "Satellite studies by international research groups have repeatedly identified Turkmenistan as the source of some of the largest methane plumes detected anywhere, many linked to ageing pipelines and venting at compressor stations. Methane is a potent greenhouse gas that traps far more heat than carbon dioxide in the short term.",
            },
            {
                "type": "quote",
                "text": "If they really fix the leaks, this is one of the cheapest climate wins on the planet. The gas they stop losing can be sold.",
                "attribution": "Lena Vogt, a satellite analyst with an independent emissions research group",
            },
            {
                "type": "paragraph",
                "text": "The deputy chairman of the cabinet responsible for oil and gas said the programme was part of Turkmenistan’s commitments under an international pledge to cut methane emissions. Foreign companies would be invited to supply equipment, he said.",
            },
            {
                "type": "paragraph",
                "text": "Independent verification will be difficult. Foreign journalists and researchers have limited access to the country, and past announcements on environmental issues have not always been followed by public data.",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "dashoguz-dust-storms-aral-seabed",
        "title": "Dust storms from the dried Aral seabed sweep over Dashoguz fields",
        "country": "turkmenistan",
        "other_countries": ["uzbekistan"],
        "kind": "news",
        "topics": ["environment", "society"],
        "tags": ["aral-sea", "cotton", "dust-storms", "climate"],
        "authors": ["helen-marsh", "timur-rakhimov"],
        "byline": "",
        "dateline": "DASHOGUZ",
        "standfirst": "Farmers in northern Turkmenistan say a two-day storm of salty dust damaged young cotton and wheat, the latest in a series of storms blowing from the former seabed.",
        "days_ago": 52,
        "hour": 16,
        "image": None,
        "blocks": [
            {
                "type": "paragraph",
                "text": "A dust storm carrying salt and sand from the dried bed of the Aral Sea swept across the Dashoguz region of northern Turkmenistan over the weekend, reducing visibility to a few hundred metres and coating fields of young cotton and wheat, residents said.",
            },
            {
                "type": "paragraph",
                "text": "The storm began in the Aralkum desert — the new desert left behind as the sea shrank — and moved south through Uzbekistan’s Karakalpakstan region before reaching Turkmenistan. Schools in several districts kept children indoors, according to parents contacted by Silkwire.",
            },
            {
                "type": "quote",
                "text": "The plants were just up. Now the leaves are white with salt. We will have to flush the fields with water, and water is what we have least of.",
                "attribution": "A farmer in Gubadag district, who asked not to be named",
            },
            {
                "type": "paragraph",
                "text": "Scientists say such storms have become more frequent as the exposed seabed grows and as winds pick up fine particles laced with fertiliser and pesticide residues from decades of cotton farming. Uzbekistan has planted saxaul shrubs across large areas of the former seabed to hold the soil in place.",
            },
            {
                "type": "factbox",
                "title": "The Aralkum",
                "html": "<p>The Aralkum is the desert formed on the exposed bed of the Aral Sea.</p><ul><li>Covers tens of thousands of square kilometres</li><li>Soils contain salt and agrochemical residues</li><li>Storms can carry dust hundreds of kilometres</li></ul>",
            },
            {
                "type": "paragraph",
                "text": "Turkmen authorities have not commented publicly on the storm’s impact on crops.",
            },
        ],
        "corrections": [
            {
                "kind": "update",
                "text": "This article was updated to add that the regional hydrometeorology service issued a warning for a further storm later in the week.",
                "hours_after": 30,
            },
        ],
    },
    {
        "slug": "caspian-sturgeon-hatchery-hazar",
        "title": "Sturgeon hatchery opens on Turkmenistan’s Caspian coast",
        "country": "turkmenistan",
        "other_countries": ["kazakhstan"],
        "kind": "news",
        "topics": ["environment", "economy"],
        "tags": ["caspian", "sturgeon", "fishing", "wildlife"],
        "authors": ["helen-marsh"],
        "byline": "",
        "dateline": "HAZAR",
        "standfirst": "The hatchery aims to release young sturgeon into the Caspian, where wild stocks have collapsed from poaching, pollution and falling water levels.",
        "days_ago": 58,
        "hour": 10,
        "image": {
            "caption": "Young fish swimming in a hatchery tank.",
            "credit": "Silkwire demo illustration",
        },
        "blocks": [
            {
                "type": "paragraph",
                "text": "A sturgeon hatchery has opened near the town of Hazar on Turkmenistan’s Caspian coast, with plans to release hundreds of thousands of young fish into the sea each year, state media reported.",
            },
            {
                "type": "paragraph",
                "text": "The facility will breed Russian and stellate sturgeon from broodstock kept in tanks on site. Officials said the young fish would be released at the mouths of small rivers and along the coast once they reach a few grams in weight.",
            },
            {
                "type": "paragraph",
                "text": "Caspian sturgeon, the source of most of the world’s wild caviar, have declined dramatically since the collapse of the Soviet Union. Illegal fishing, dams on the Volga and Ural rivers that block spawning routes, oil pollution and a falling sea level have all played a part. Several species are listed as critically endangered.",
            },
            {
                "type": "quote",
                "text": "Hatcheries buy time. They cannot replace the rivers where sturgeon used to spawn, and they do not help if the young fish are caught before they grow up.",
                "attribution": "Dmitri Volkov, a fisheries biologist who has worked on Caspian sturgeon programmes",
            },
            {
                "type": "paragraph",
                "text": "All five Caspian states have hatchery programmes and have agreed in principle to coordinate quotas and enforcement, though cooperation has been patchy. A commercial moratorium on wild sturgeon fishing remains in place.",
            },
            {
                "type": "paragraph",
                "text": "The hatchery is also expected to supply farmed caviar for export, which officials said would help fund the release programme.",
            },
        ],
        "corrections": [],
    },
    # ---------------------------------------------------------------- Uzbekistan
    {
        "slug": "fergana-textile-entrepreneur-cotton-interview",
        "title": "‘Selling yarn, not fibre’: a Fergana textile entrepreneur on cotton after forced labour",
        "country": "uzbekistan",
        "other_countries": [],
        "kind": "interview",
        "topics": ["economy", "society"],
        "tags": ["cotton", "textiles", "labour", "fergana-valley"],
        "authors": ["timur-rakhimov"],
        "byline": "Interview conducted in Uzbek; translated by Timur Rakhimov",
        "dateline": "FERGANA",
        "standfirst": "Dilnoza Karimova runs a spinning and knitting company in the Fergana Valley. She talks about buyers’ audits, wages and why she wants her factory to be boring.",
        "days_ago": 14,
        "hour": 15,
        "image": {
            "caption": "Spools of white cotton yarn on a spinning machine.",
            "credit": "Silkwire demo illustration",
        },
        "blocks": [
            {
                "type": "paragraph",
                "text": "For years Uzbek cotton was boycotted by international brands because of state-organised forced labour in the harvest. After reforms ended that system, companies like the one Dilnoza Karimova runs began courting foreign buyers. The interview has been edited for length.",
            },
            {"type": "turn", "speaker": "Silkwire", "paragraphs": ["What does your company do?"]},
            {
                "type": "turn",
                "speaker": "Dilnoza Karimova",
                "paragraphs": [
                    "We buy cotton from a cluster of farms in the valley, spin it and knit it into fabric for T-shirts and underwear. We employ about 600 people, most of them women from nearby villages."
                ],
            },
            {"type": "turn", "speaker": "Silkwire", "paragraphs": ["How have buyers changed?"]},
            {
                "type": "turn",
                "speaker": "Dilnoza Karimova",
                "paragraphs": [
                    "European buyers now send auditors who want to see pickers’ contracts, payslips and even how the farms recruit. At first it felt like an exam we could not pass.",
                    "Now I think it is the best thing that happened to us. If the whole chain is clean, we can sell yarn and fabric at a premium instead of raw fibre at whatever price the market gives.",
                ],
            },
            {
                "type": "turn",
                "speaker": "Silkwire",
                "paragraphs": ["Are wages enough to keep workers?"],
            },
            {
                "type": "turn",
                "speaker": "Dilnoza Karimova",
                "paragraphs": [
                    "Not always. Young people can earn more in Russia or South Korea. We added a bus service and a kindergarten, which helps mothers more than a small raise would."
                ],
            },
            {"type": "turn", "speaker": "Silkwire", "paragraphs": ["What worries you?"]},
            {
                "type": "turn",
                "speaker": "Dilnoza Karimova",
                "paragraphs": [
                    "Water. Cotton needs a lot of it, and every summer the canals are lower. We are helping farms install drip irrigation, but it is expensive.",
                    "And I worry about scandals. One bad story about one farm, and buyers think of the old days. I want our factory to be boring. Boring is good for exports.",
                ],
            },
        ],
        "corrections": [],
    },
    {
        "slug": "aral-sea-needs-water-prices-not-conferences",
        "title": "The Aral Sea does not need another conference. It needs water prices.",
        "country": "uzbekistan",
        "other_countries": ["kazakhstan", "turkmenistan"],
        "kind": "opinion",
        "topics": ["environment", "economy"],
        "tags": ["aral-sea", "water", "irrigation", "cotton"],
        "authors": ["timur-rakhimov"],
        "byline": "",
        "dateline": "NUKUS",
        "standfirst": "As long as irrigation water is almost free, farmers upstream will waste it and Karakalpakstan will keep paying the bill.",
        "days_ago": 24,
        "hour": 19,
        "image": {
            "caption": "An irrigation canal running between cotton fields.",
            "credit": "Silkwire demo illustration",
        },
        "blocks": [
            {
                "type": "paragraph",
                "text": "Every year brings another gathering on the Aral Sea disaster: ministers, donors, a declaration, a photograph in front of rusting ships at Moynaq. The speeches are sincere. The sea keeps shrinking.",
            },
            {
                "type": "paragraph",
                "text": "The reason is not mysterious. The Amu Darya and the Syr Darya are drained long before they reach the sea, mostly to irrigate cotton, wheat and rice. Much of that water is lost: canals are unlined, fields are flooded rather than watered, and drainage carries salt back into the rivers. Farmers pay little or nothing for the water itself, so there is little reason to save it.",
            },
            {
                "type": "quote",
                "text": "We pay for diesel, we pay for seed, we pay for fertiliser. Water is the only thing nobody counts.",
                "attribution": "A farmer in Khorezm region, speaking to Silkwire",
            },
            {
                "type": "paragraph",
                "text": "Charging for water is politically hard, and it must not push small farmers into poverty. But a gradual, metered price, with the money reinvested in lined canals and drip irrigation on the same farms, would change behaviour far more than any declaration. Uzbekistan has already shown it can move fast on reform when it wants to: it ended forced labour in the cotton harvest and opened its borders within a few years.",
            },
            {
                "type": "paragraph",
                "text": "The planting of saxaul on the dried seabed is worthwhile and should continue. Wetlands in the Amu Darya delta can be restored. But these are treatments for symptoms. The disease is a system that treats the region’s scarcest resource as free.",
            },
            {
                "type": "paragraph",
                "text": "Karakalpakstan, where the dust storms and the illnesses are worst, has waited long enough. The next Aral conference should be short, and it should be about price.",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "samarkand-mulberry-paper-workshop",
        "title": "In a Samarkand village, paper is still made from mulberry bark",
        "country": "uzbekistan",
        "other_countries": [],
        "kind": "feature",
        "topics": ["culture", "economy"],
        "tags": ["samarkand", "crafts", "tourism", "silk-road"],
        "authors": ["timur-rakhimov"],
        "byline": "",
        "dateline": "SAMARKAND",
        "standfirst": "A craft that once supplied the scribes of the Silk Road was nearly lost in the twentieth century. A family workshop on the edge of Samarkand brought it back.",
        "days_ago": 39,
        "hour": 12,
        "image": {
            "caption": "Sheets of handmade paper drying on boards in a courtyard.",
            "credit": "Silkwire demo illustration",
        },
        "blocks": [
            {
                "type": "paragraph",
                "text": "A wooden waterwheel turns slowly beside a channel of the Siab stream, driving a row of hammers that thump rhythmically into a trough of soaked mulberry bark. Nearby, a young woman lifts a fine mesh frame out of a vat of pulp, shakes it gently, and lays the wet sheet on a board to dry in the sun.",
            },
            {
                "type": "paragraph",
                "text": "Samarkand paper was famous across the Islamic world in medieval times, prized by scribes for its smooth, durable surface. The craft faded after industrial paper arrived and had all but disappeared by the Soviet period. In the village where this workshop stands, a family of craftsmen rebuilt the process over several years from old descriptions and experiments.",
            },
            {
                "type": "quote",
                "text": "We had the mulberry trees, we had the water. What we did not have was anyone alive who remembered how it was done. So we made a lot of bad paper first.",
                "attribution": "Sardor Mirzaev, who manages the workshop",
            },
            {
                "type": "paragraph",
                "text": "The process is slow. Young branches are cut in spring, the bark is stripped and boiled, the inner fibres are pounded into pulp, and each sheet is polished by hand with a smooth stone or shell once it dries. A skilled worker can make a few dozen sheets a day.",
            },
            {"type": "heading", "text": "From scribes to souvenirs", "level": 3},
            {
                "type": "paragraph",
                "text": "Today most of the paper is sold to tourists as notebooks, fans and miniature paintings, and some goes to restorers and calligraphers. Visitor numbers have grown as Samarkand has become easier to reach by high-speed train from Tashkent.",
            },
            {
                "type": "paragraph",
                "text": "Mirzaev says the workshop now trains apprentices from other regions. “A craft that only one family knows is not safe,” he says. “It needs to be boring and ordinary again, like it was a thousand years ago.”",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "tashkent-metro-extension-southern-districts",
        "title": "Tashkent metro extension opens to southern districts",
        "country": "uzbekistan",
        "other_countries": [],
        "kind": "news",
        "topics": ["society", "economy"],
        "tags": ["tashkent", "transport", "urban-development"],
        "authors": ["timur-rakhimov"],
        "byline": "",
        "dateline": "TASHKENT",
        "standfirst": "Four new stations bring the city’s metro to neighbourhoods that until now relied on crowded buses and shared taxis.",
        "days_ago": 5,
        "hour": 8,
        "image": {
            "caption": "Passengers on the platform of a brightly lit metro station.",
            "credit": "Silkwire demo illustration",
        },
        "blocks": [
            {
                "type": "paragraph",
                "text": "Four new stations on the Tashkent metro opened to passengers on Saturday, extending the network to fast-growing residential districts in the south of the Uzbek capital.",
            },
            {
                "type": "paragraph",
                "text": "The stations are on an elevated section, built more cheaply than the deep tunnels of the Soviet-era lines. City officials said the extension would carry tens of thousands of passengers a day and cut journey times to the centre by up to half an hour at rush hour.",
            },
            {
                "type": "paragraph",
                "text": "Tashkent’s metro, opened in 1977, is known for ornate stations decorated with marble, ceramics and chandeliers. The new stations are plainer but include lifts and tactile paving, which older stations largely lack.",
            },
            {
                "type": "quote",
                "text": "Until today I spent an hour and a half a day in a shared taxi. If the trains keep running on time, I will take my life back.",
                "attribution": "Shahnoza Yusupova, a nurse who lives in the Sergeli district",
            },
            {
                "type": "list",
                "ordered": False,
                "items": [
                    "Four new elevated stations",
                    "Fares unchanged, payable by transport card or QR code",
                    "Trains every six minutes at peak times",
                ],
            },
            {
                "type": "paragraph",
                "text": "Urban planners welcomed the extension but said buses feeding the new stations would be crucial. Many residents live more than a kilometre from the line, along streets without pavements.",
            },
            {
                "type": "paragraph",
                "text": "The city’s transport department said new feeder bus routes would start next month.",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "bukhara-solar-plant-connects-to-grid",
        "title": "Large solar plant in Bukhara region connects to Uzbekistan’s grid",
        "country": "uzbekistan",
        "other_countries": [],
        "kind": "news",
        "topics": ["economy", "environment"],
        "tags": ["solar", "energy", "bukhara", "climate"],
        "authors": ["timur-rakhimov"],
        "byline": "",
        "dateline": "BUKHARA",
        "standfirst": "The plant is part of a push to reduce Uzbekistan’s heavy dependence on gas for electricity, which has left the country short of power in cold winters.",
        "days_ago": 35,
        "hour": 17,
        "image": None,
        "blocks": [
            {
                "type": "paragraph",
                "text": "A solar power plant in the desert of Bukhara region began supplying electricity to Uzbekistan’s national grid this week, the energy ministry said, the latest in a series of large renewable projects built by foreign investors.",
            },
            {
                "type": "paragraph",
                "text": "The plant, with several hundred megawatts of capacity, covers an area of desert about the size of a small town and includes a battery storage system designed to shift part of its output into the evening peak.",
            },
            {
                "type": "paragraph",
                "text": "Uzbekistan generates most of its electricity from natural gas, and domestic gas production has been falling. During a severe cold snap a few winters ago, shortages of gas and power left many households without heating. The government has since set targets for renewables to supply a much larger share of electricity by the end of the decade.",
            },
            {
                "type": "quote",
                "text": "Every kilowatt-hour from the sun is gas we can keep for heating in January.",
                "attribution": "The deputy energy minister, speaking at the launch",
            },
            {
                "type": "paragraph",
                "text": "Energy analysts say the country’s grid, built in the Soviet era, will need substantial upgrades to absorb large amounts of solar and wind power, much of it generated far from the big cities. Regional cooperation with neighbours, including sharing hydropower from Kyrgyzstan and Tajikistan, could help balance supply.",
            },
            {
                "type": "embed",
                "url": "https://example.org/demo/uzbekistan-renewables-map",
                "caption": "Interactive map of renewable energy projects in Uzbekistan (demo link).",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "uzbekistan-wto-bid-whats-left",
        "title": "Uzbekistan’s WTO bid: what is left on the table",
        "country": "uzbekistan",
        "other_countries": ["kazakhstan", "kyrgyzstan", "tajikistan"],
        "kind": "analysis",
        "topics": ["economy", "politics"],
        "tags": ["wto", "trade", "tariffs"],
        "authors": ["timur-rakhimov"],
        "byline": "",
        "dateline": "TASHKENT",
        "standfirst": "Tashkent wants to join the World Trade Organization soon. The remaining negotiations are about the less glamorous parts of the economy.",
        "days_ago": 44,
        "hour": 9,
        "image": None,
        "blocks": [
            {
                "type": "paragraph",
                "text": "Uzbekistan is the last large economy in Central Asia outside the World Trade Organization; Kazakhstan, Kyrgyzstan and Tajikistan are already members. Officials in Tashkent have said they want to finish accession talks quickly, and negotiators have signed a string of bilateral market-access deals.",
            },
            {"type": "heading", "text": "What has been done", "level": 2},
            {
                "type": "paragraph",
                "text": "The currency was made convertible, many export licences were abolished and import tariffs were cut across large categories of goods. Those reforms removed some of the biggest obstacles.",
            },
            {"type": "heading", "text": "What remains", "level": 2},
            {
                "type": "list",
                "ordered": True,
                "items": [
                    "State support for agriculture, including subsidies and price controls on wheat and cotton",
                    "Rules favouring state-owned enterprises in energy, mining and telecoms",
                    "Excise taxes that treat imported and domestic goods differently",
                    "Protection for local carmakers and their suppliers",
                ],
            },
            {"type": "heading", "text": "Who gains and who worries", "level": 3},
            {
                "type": "paragraph",
                "text": "Exporters of fruit, vegetables and textiles stand to gain predictable access to foreign markets. Domestic producers of cars, cement and processed food fear competition. A trade lawyer in Tashkent told Silkwire that membership would “lock in reforms so that they cannot be quietly reversed”, which is also why some officials remain cautious.",
            },
            {
                "type": "paragraph",
                "text": "The next working party meeting in Geneva will show how far the remaining gaps have narrowed.",
            },
        ],
        "corrections": [],
    },
    # -------------------------------------------------------------- Central Asia
    {
        "slug": "middle-corridor-bottlenecks-not-where-you-think",
        "title": "The Middle Corridor’s bottlenecks are not where you think",
        "country": "central-asia",
        "other_countries": ["kazakhstan", "turkmenistan", "uzbekistan"],
        "kind": "analysis",
        "topics": ["economy", "politics"],
        "tags": ["middle-corridor", "rail", "caspian", "trade", "ports"],
        "authors": ["helen-marsh", "aigerim-sadykova"],
        "byline": "",
        "dateline": "ALMATY",
        "standfirst": "New ports and ferries get the headlines. The delays that matter most are on land, in paperwork and in the timetables nobody coordinates.",
        "days_ago": 10,
        "hour": 7,
        "image": {
            "caption": "A freight train crossing the open steppe.",
            "credit": "Silkwire demo illustration",
        },
        "blocks": [
            {
                "type": "paragraph",
                "text": "Since trade with Europe through Russia became harder, freight companies have turned to the trans-Caspian route through Kazakhstan or Turkmenistan, across the sea to Azerbaijan and on through Georgia and Turkey. Volumes have grown quickly. So have complaints about how long a container takes to cross.",
            },
            {"type": "heading", "text": "Where the time goes", "level": 2},
            {
                "type": "paragraph",
                "text": "Forwarders interviewed by Silkwire estimate that a container can spend more time standing still than moving. The sea crossing itself takes less than a day; waiting for it can take much longer.",
            },
            {
                "type": "list",
                "ordered": True,
                "items": [
                    "Rail capacity: long single-track sections and too few locomotives in western Kazakhstan",
                    "Transshipment: moving boxes between rail, port and ferry several times",
                    "Ferry scheduling: vessels leave when full rather than to a timetable",
                    "Paperwork: customs and phytosanitary checks repeated at each border",
                    "Low Caspian water: ferries sailing lighter in the shallow north",
                ],
            },
            {"type": "heading", "text": "What would help", "level": 2},
            {
                "type": "paragraph",
                "text": "Railway operators in the corridor countries have agreed on joint tariffs and a single digital consignment note, but implementation is uneven. Analysts say a shared timetable for trains and ferries, plus electronic customs data that travels with the container, would cut more days than new concrete.",
            },
            {
                "type": "quote",
                "text": "Every country builds its own piece well. Nobody owns the whole journey.",
                "attribution": "A logistics consultant who advises freight companies on the route",
            },
            {
                "type": "paragraph",
                "text": "The corridor will never compete with the sea route round Asia on price for most goods. Its case rests on reliability. That is a coordination problem before it is an engineering one.",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "water-sharing-needs-trusted-referee",
        "title": "Water sharing in Central Asia needs a referee everyone trusts",
        "country": "central-asia",
        "other_countries": ["kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan"],
        "kind": "opinion",
        "topics": ["environment", "politics", "security"],
        "tags": ["water-sharing", "hydropower", "rogun", "toktogul", "climate"],
        "authors": ["farrukh-nazarov"],
        "byline": "",
        "dateline": "DUSHANBE",
        "standfirst": "Upstream countries want winter power, downstream countries want summer irrigation. Annual deals keep the peace, but a warming climate will break them unless someone independent holds the data.",
        "days_ago": 16,
        "hour": 20,
        "image": None,
        "blocks": [
            {
                "type": "paragraph",
                "text": "Central Asia’s water problem is often described as a shortage. More accurately, it is a timing problem. Kyrgyzstan and Tajikistan, where the rivers rise, need water in winter to spin the turbines at Toktogul and Nurek, and soon Rogun. Uzbekistan, Kazakhstan and Turkmenistan, where the fields are, need it in summer.",
            },
            {
                "type": "paragraph",
                "text": "Since the Soviet system that managed the whole basin collapsed, the countries have patched together annual swaps: water in summer in return for coal, gas or electricity in winter. The recent improvement in relations between the governments has made these deals smoother, and that deserves credit.",
            },
            {
                "type": "paragraph",
                "text": "But annual bargaining works only when everyone believes the same numbers. How much snow fell in the mountains? How much is in the reservoir? How much was actually released last month? Each country measures on its own side and treats the figures as a negotiating asset.",
            },
            {
                "type": "quote",
                "text": "We do not argue about water. We argue about whose numbers to believe.",
                "attribution": "A retired water official who took part in basin negotiations for two decades",
            },
            {
                "type": "paragraph",
                "text": "As glaciers shrink and droughts become more frequent, the margin for error is disappearing. A basin-wide monitoring body, with gauges and satellite data open to all five governments and to the public, would not solve every dispute. It would make the disputes about choices rather than facts.",
            },
            {
                "type": "paragraph",
                "text": "The region already has institutions that could do this, if they were funded and allowed to publish. The cheapest insurance against a future water crisis is a shared spreadsheet that no single capital controls.",
            },
        ],
        "corrections": [],
    },
    {
        "slug": "regional-ministers-share-snow-survey-data",
        "title": "Central Asian ministers agree to share snow survey data before irrigation season",
        "country": "central-asia",
        "other_countries": ["kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan"],
        "kind": "news",
        "topics": ["environment", "politics"],
        "tags": ["water-sharing", "glaciers", "snow", "climate"],
        "authors": ["aigerim-sadykova", "farrukh-nazarov"],
        "byline": "",
        "dateline": "ALMATY",
        "standfirst": "Water officials from five countries say they will publish a joint forecast of spring runoff each March, giving farmers earlier warning of dry years.",
        "days_ago": 27,
        "hour": 18,
        "image": {
            "caption": "Snow survey workers measuring snow depth on a mountain slope.",
            "credit": "Silkwire demo illustration",
        },
        "blocks": [
            {
                "type": "paragraph",
                "text": "Water ministers and deputy ministers from Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan agreed in Almaty on Friday to pool measurements of mountain snowpack and publish a joint forecast of spring river flows before each irrigation season.",
            },
            {
                "type": "paragraph",
                "text": "Under the plan, national hydrometeorological services will share readings from snow survey routes and automatic weather stations in the Tien Shan and Pamir mountains, combining them with satellite observations. The first joint forecast is due next March.",
            },
            {
                "type": "paragraph",
                "text": "Snow that falls in winter in the mountains supplies most of the water that reaches farms in the lowlands in spring and summer. Until now, each country has produced its own forecast, and the figures have not always been shared in time for planning.",
            },
            {
                "type": "quote",
                "text": "If a farmer knows in March that it will be a dry year, he can plant wheat instead of rice. If he finds out in June, it is too late.",
                "attribution": "A hydrologist at a regional research centre who helped design the plan",
            },
            {
                "type": "factbox",
                "title": "What will be shared",
                "html": "<p>The agreement covers data that was previously kept by each country.</p><ul><li>Snow depth and water content from survey routes</li><li>Readings from automatic mountain weather stations</li><li>Reservoir levels at the start of each season</li></ul>",
            },
            {
                "type": "paragraph",
                "text": "The agreement does not change how water is allocated between countries, which remains subject to separate annual negotiations. Environmental groups welcomed the move but urged governments to make the data available to the public as well.",
            },
        ],
        "corrections": [],
    },
]
