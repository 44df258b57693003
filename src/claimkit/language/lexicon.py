"""Word lists of the grammar of reporting, in one place.

Each list is general English news usage, not tuned to any one article.
"""

from __future__ import annotations

from typing import Final

# --- hedges and negation in the content -------------------------------------------------

HEDGE_WORDS: Final = frozenset(
    """may might could likely unlikely possibly probably perhaps maybe reportedly
    allegedly apparently unconfirmed presumably purportedly seemingly appears appeared
    seems seemed""".split()
)

#: Words that call an account false: "called the claims baseless", "her allegation is
#: senseless", "the government is telling lies". The cue "call" needs one of them, and a
#: content that says one of them of something denies it.
DISMISSAL_WORDS: Final = frozenset(
    """baseless false untrue unfounded lies lie lying absurd ridiculous nonsense
    senseless fabricated fabrication propaganda groundless slanderous""".split()
)

# --- words around speakers ----------------------------------------------------------------

DETERMINERS: Final = frozenset("the a an its their his her this that these those".split())
#: Possessive pronouns and the pronoun of their owner: "his claim" is a claim of "he".
POSSESSIVE_PRONOUNS: Final = {"his": "he", "her": "she", "its": "it", "their": "they"}
PRONOUN_KIND: Final[dict[str, str]] = {
    "he": "person",
    "she": "person",
    "it": "organization",
    "they": "group",
    "we": "group",
    "i": "person",
}
# Adverbs that sit between a speaker and its cue, or before a cue, without belonging to
# either ("the ministry also said", "was later confirmed").
ADVERBS: Final = frozenset(
    """also later earlier again previously separately repeatedly publicly officially
    initially subsequently then now further meanwhile however still recently already yet
    quickly immediately flatly strongly categorically firmly angrily reportedly
    privately openly late early rarely seldom often usually frequently sometimes never
    always once twice simply clearly explicitly swiftly first""".split()
)
# Titles of address before a name, whose abbreviation dot ends no sentence ("Mr. Tan").
HONORIFICS: Final = frozenset("mr mrs ms dr prof sir dame lord lady".split())
# Lower-case words that open a clause before the speaker's noun phrase ("After the
# vote, the party said").
CLAUSE_OPENERS: Final = frozenset(
    """after before when while as if but and in on at meanwhile however earlier later
    since during despite although though separately also yet still""".split()
)
# Capitalised words that start a new sentence after an abbreviation's dot ("... U.S. The
# ministry said").
SENTENCE_STARTERS: Final = frozenset(
    """The A An It He She They We I This That These Those There In On At But And However
    Meanwhile Officials Police""".split()
)
AUXILIARIES: Final = frozenset(
    """is are was were be been being am has have had will would shall should can could
    may might must do does did""".split()
)
# Lower-case words that may sit inside a speaker's noun phrase.
NP_CONNECTORS: Final = frozenset("of for at in to on and".split())

# Role nouns: what a person is ("spokesman", "Foreign Minister").
ROLE_WORDS: Final = frozenset(
    """spokesman spokeswoman spokesperson minister secretary president vice-president
    premier chancellor leader chief head director commander general colonel major
    captain lieutenant officer official envoy ambassador diplomat governor mayor
    senator lawmaker legislator mp deputy chairman chairwoman chair ceo executive
    founder analyst expert researcher lawyer attorney prosecutor judge coordinator
    representative adviser advisor aide negotiator manager superintendent inspector
    sheriff administrator emir king queen prince sheikh cleric imam pope bishop
    doctor physician surgeon nurse scientist economist activist organiser organizer
    commissioner consul counsel chief-of-staff delegate member professor""".split()
)
# Capitalised words that open a title before a person's name ("Foreign Minister X").
TITLE_WORDS: Final = frozenset(
    """foreign defense defence interior finance health prime deputy special senior
    chief vice acting former state general lieutenant brigadier major rear
    supreme""".split()
)
# Name particles that stay lower-case inside a name ("Naji al-Mustafa", "de Mistura").
NAME_PARTICLES: Final = frozenset(
    "al el bin ibn abu de da di du del della der van von le la ter ul".split()
)

# --- kinds of actors by the words of their names -----------------------------------------

KIND_KEYWORDS: Final[tuple[tuple[str, frozenset[str]], ...]] = (
    (
        "anonymous",
        frozenset(
            """sources source witnesses witness activists residents officials official
            diplomats insiders observers people someone locals eyewitnesses""".split()
        ),
    ),
    (
        "media",
        frozenset(
            """media agency television tv newspaper broadcaster radio outlet channel
            press daily gazette times post news reports reuters afp ap sana tass interfax
            xinhua ria bbc cnn""".split()
        ),
    ),
    (
        "international_org",
        frozenset(
            """un u.n. united nations nato eu european union who unhcr unicef ocha iaea
            imf icrc red cross crescent osce african asean interpol world""".split()
        ),
    ),
    (
        "armed_group",
        frozenset(
            """rebels rebel militants militant militia militias insurgents insurgent
            front brigade brigades battalion guerrillas jihadists fighters
            taliban hamas hezbollah tahrir sham islamic""".split()
        ),
    ),
    (
        "military",
        frozenset(
            """army military forces troops navy force guard command armed corps
            marines regiment pentagon""".split()
        ),
    ),
    (
        "government",
        frozenset(
            """government ministry ministries ministers cabinet kremlin presidency
            administration parliament authorities authority department office council
            senate congress police state municipality""".split()
        ),
    ),
    (
        "organization",
        frozenset(
            """company corporation corp inc ltd group union association federation
            committee commission hospital university institute foundation observatory
            watch international organisation organization bank party campaign
            charity network coalition league society trust firm airline operator
            board court labs lab systems technologies technology holdings partners
            industries energy airlines motors pharmaceuticals bank plc llc gmbh sa ag
            co shipping logistics group's alliance team forum mission bureau
            consortium initiative""".split()
        ),
    ),
)

# --- countries --------------------------------------------------------------------------

# Country -> (adjective, capital). A country or capital used as a speaker is the
# government of that country.
COUNTRIES: Final[dict[str, tuple[str, str]]] = {
    "Afghanistan": ("Afghan", "Kabul"),
    "Algeria": ("Algerian", "Algiers"),
    "Argentina": ("Argentine", "Buenos Aires"),
    "Armenia": ("Armenian", "Yerevan"),
    "Australia": ("Australian", "Canberra"),
    "Austria": ("Austrian", "Vienna"),
    "Azerbaijan": ("Azerbaijani", "Baku"),
    "Bahrain": ("Bahraini", "Manama"),
    "Bangladesh": ("Bangladeshi", "Dhaka"),
    "Belarus": ("Belarusian", "Minsk"),
    "Belgium": ("Belgian", "Brussels"),
    "Brazil": ("Brazilian", "Brasilia"),
    "Britain": ("British", "London"),
    "Bulgaria": ("Bulgarian", "Sofia"),
    "Cambodia": ("Cambodian", "Phnom Penh"),
    "Canada": ("Canadian", "Ottawa"),
    "Chad": ("Chadian", "N'Djamena"),
    "Chile": ("Chilean", "Santiago"),
    "China": ("Chinese", "Beijing"),
    "Colombia": ("Colombian", "Bogota"),
    "Cuba": ("Cuban", "Havana"),
    "Cyprus": ("Cypriot", "Nicosia"),
    "Denmark": ("Danish", "Copenhagen"),
    "Egypt": ("Egyptian", "Cairo"),
    "Eritrea": ("Eritrean", "Asmara"),
    "Estonia": ("Estonian", "Tallinn"),
    "Ethiopia": ("Ethiopian", "Addis Ababa"),
    "Finland": ("Finnish", "Helsinki"),
    "France": ("French", "Paris"),
    "Georgia": ("Georgian", "Tbilisi"),
    "Germany": ("German", "Berlin"),
    "Ghana": ("Ghanaian", "Accra"),
    "Greece": ("Greek", "Athens"),
    "Hungary": ("Hungarian", "Budapest"),
    "India": ("Indian", "New Delhi"),
    "Indonesia": ("Indonesian", "Jakarta"),
    "Iran": ("Iranian", "Tehran"),
    "Iraq": ("Iraqi", "Baghdad"),
    "Ireland": ("Irish", "Dublin"),
    "Israel": ("Israeli", "Jerusalem"),
    "Italy": ("Italian", "Rome"),
    "Japan": ("Japanese", "Tokyo"),
    "Jordan": ("Jordanian", "Amman"),
    "Kazakhstan": ("Kazakh", "Astana"),
    "Kyrgyzstan": ("Kyrgyz", "Bishkek"),
    "Tajikistan": ("Tajik", "Dushanbe"),
    "Uzbekistan": ("Uzbek", "Tashkent"),
    "Turkmenistan": ("Turkmen", "Ashgabat"),
    "Mongolia": ("Mongolian", "Ulaanbaatar"),
    "Sri Lanka": ("Sri Lankan", "Colombo"),
    "Malaysia": ("Malaysian", "Kuala Lumpur"),
    "Singapore": ("Singaporean", "Singapore"),
    "New Zealand": ("New Zealand", "Wellington"),
    "Mozambique": ("Mozambican", "Maputo"),
    "Zambia": ("Zambian", "Lusaka"),
    "Malawi": ("Malawian", "Lilongwe"),
    "Tanzania": ("Tanzanian", "Dodoma"),
    "Democratic Republic of Congo": ("Congolese", "Kinshasa"),
    "Senegal": ("Senegalese", "Dakar"),
    "Burkina Faso": ("Burkinabe", "Ouagadougou"),
    "Cameroon": ("Cameroonian", "Yaounde"),
    "Central African Republic": ("Central African", "Bangui"),
    "Haiti": ("Haitian", "Port-au-Prince"),
    "Bolivia": ("Bolivian", "La Paz"),
    "Ecuador": ("Ecuadorian", "Quito"),
    "Paraguay": ("Paraguayan", "Asuncion"),
    "Uruguay": ("Uruguayan", "Montevideo"),
    "Guatemala": ("Guatemalan", "Guatemala City"),
    "Honduras": ("Honduran", "Tegucigalpa"),
    "Nicaragua": ("Nicaraguan", "Managua"),
    "Croatia": ("Croatian", "Zagreb"),
    "Bosnia": ("Bosnian", "Sarajevo"),
    "Albania": ("Albanian", "Tirana"),
    "Czech Republic": ("Czech", "Prague"),
    "Slovakia": ("Slovak", "Bratislava"),
    "Latvia": ("Latvian", "Riga"),
    "Kenya": ("Kenyan", "Nairobi"),
    "Kosovo": ("Kosovar", "Pristina"),
    "Kuwait": ("Kuwaiti", "Kuwait City"),
    "Lebanon": ("Lebanese", "Beirut"),
    "Libya": ("Libyan", "Tripoli"),
    "Lithuania": ("Lithuanian", "Vilnius"),
    "Mali": ("Malian", "Bamako"),
    "Mexico": ("Mexican", "Mexico City"),
    "Moldova": ("Moldovan", "Chisinau"),
    "Morocco": ("Moroccan", "Rabat"),
    "Myanmar": ("Myanmar", "Naypyidaw"),
    "Nepal": ("Nepali", "Kathmandu"),
    "Netherlands": ("Dutch", "Amsterdam"),
    "Niger": ("Nigerien", "Niamey"),
    "Nigeria": ("Nigerian", "Abuja"),
    "North Korea": ("North Korean", "Pyongyang"),
    "Norway": ("Norwegian", "Oslo"),
    "Oman": ("Omani", "Muscat"),
    "Pakistan": ("Pakistani", "Islamabad"),
    "Peru": ("Peruvian", "Lima"),
    "Philippines": ("Philippine", "Manila"),
    "Poland": ("Polish", "Warsaw"),
    "Portugal": ("Portuguese", "Lisbon"),
    "Qatar": ("Qatari", "Doha"),
    "Romania": ("Romanian", "Bucharest"),
    "Russia": ("Russian", "Moscow"),
    "Rwanda": ("Rwandan", "Kigali"),
    "Saudi Arabia": ("Saudi", "Riyadh"),
    "Serbia": ("Serbian", "Belgrade"),
    "Somalia": ("Somali", "Mogadishu"),
    "South Africa": ("South African", "Pretoria"),
    "South Korea": ("South Korean", "Seoul"),
    "South Sudan": ("South Sudanese", "Juba"),
    "Spain": ("Spanish", "Madrid"),
    "Sudan": ("Sudanese", "Khartoum"),
    "Sweden": ("Swedish", "Stockholm"),
    "Switzerland": ("Swiss", "Bern"),
    "Syria": ("Syrian", "Damascus"),
    "Taiwan": ("Taiwanese", "Taipei"),
    "Thailand": ("Thai", "Bangkok"),
    "Tunisia": ("Tunisian", "Tunis"),
    "Turkey": ("Turkish", "Ankara"),
    "Uganda": ("Ugandan", "Kampala"),
    "Ukraine": ("Ukrainian", "Kyiv"),
    "United Arab Emirates": ("Emirati", "Abu Dhabi"),
    "United Kingdom": ("British", "London"),
    "United States": ("U.S.", "Washington"),
    "Venezuela": ("Venezuelan", "Caracas"),
    "Vietnam": ("Vietnamese", "Hanoi"),
    "Yemen": ("Yemeni", "Sanaa"),
    "Zimbabwe": ("Zimbabwean", "Harare"),
}
CAPITALS: Final[dict[str, str]] = {capital: country for country, (_, capital) in COUNTRIES.items()}
CAPITALS["Kiev"] = "Ukraine"
CAPITALS["Kremlin"] = "Russia"
CAPITALS["White House"] = "United States"
ADJECTIVES: Final[dict[str, str]] = {adj: country for country, (adj, _) in COUNTRIES.items()}
ADJECTIVES["American"] = "United States"
ADJECTIVES["US"] = "United States"
ADJECTIVES["UK"] = "United Kingdom"
ALIASES_OF_COUNTRY: Final[dict[str, str]] = {
    "U.S.": "United States",
    "US": "United States",
    "USA": "United States",
    "America": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
}

# --- numbers ----------------------------------------------------------------------------

NUMBER_WORDS: Final[dict[str, int]] = {
    word: value
    for value, word in enumerate(
        """zero one two three four five six seven eight nine ten eleven twelve thirteen
        fourteen fifteen sixteen seventeen eighteen nineteen""".split()
    )
}
NUMBER_WORDS.update(
    {
        word: 10 * (i + 2)
        for i, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
    }
)
SCALES: Final[dict[str, int]] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
# Vague amounts and the lower bound their words guarantee.
VAGUE_AMOUNTS: Final[dict[str, int]] = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2_000,
    "tens of thousands": 20_000,
    "hundreds of thousands": 200_000,
    "millions": 2_000_000,
    "tens of millions": 20_000_000,
    "hundreds of millions": 200_000_000,
    "billions": 2_000_000_000,
}
UP_TO: Final = (
    "up to",
    "as many as",
    "at most",
    "no more than",
    "fewer than",
    "less than",
    "under",
)
AT_LEAST: Final = (
    "at least",
    "more than",
    "over",
    "in excess of",
    "upwards of",
    "no fewer than",
    "no less than",
    "a minimum of",
)
APPROXIMATE: Final = (
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "some",
    "an estimated",
    "estimated",
    "close to",
    "just under",
    "just over",
    "some estimated",
)
#: Words that open a range of two numbers, with the word that joins them: "between 30
#: and 40", "from 30 to 40 people". A range without an opening word is joined by "to"
#: or a dash ("30 to 40 people", "30-40 people").
RANGE_OPENERS: Final[dict[str, str]] = {"between": "and", "from": "to"}
#: Verbs of change: "rose from 30 to 40" gives a count at two times, not a range.
CHANGE_VERBS: Final = frozenset(
    """rose risen rises rising fell fallen falls falling increased increases increasing
    decreased decreases decreasing climbed climbs climbing jumped jumps grew grown grows
    dropped drops dropping doubled tripled soared surged declined revised raised
    lowered""".split()
)

# Words that end the noun phrase after a number ("40 soldiers in ...").
NP_STOP: Final = frozenset(
    """in on at of to from and or but with by for as into during after before since
    than that which who whom whose while when where if because so was were is are be
    been being had has have will would could should may might must did do does said
    says say told the a an this these those there their its his her our according
    including near across against amid around over under per each every overnight more
    others
    today yesterday daily""".split()
)
TIME_UNITS: Final = frozenset(
    """second seconds minute minutes hour hours day days week weeks month months year
    years decade decades century centuries am pm a.m. p.m. o'clock""".split()
)
MONTHS: Final[dict[str, int]] = {
    name: i + 1
    for i, names in enumerate(
        (
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        )
    )
    for name in names.split()
}
WEEKDAYS: Final[dict[str, int]] = {
    name: i
    for i, name in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())
}
