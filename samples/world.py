"""The cast of the sample stream: countries, organisations and news outlets (all written by us).

Each country carries the words a news story uses for it — name, demonym, capital, the title of
its leader — so templates can vary how they refer to the same actor.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Country:
    """A country as news English names it."""

    name: str
    """Short name as written mid-sentence, with its article if it takes one ("the Netherlands")."""
    code: str
    """ISO 3166-1 alpha-3 code (only used in the README statistics, never in article text)."""
    demonym: str
    """Adjective form: "French", "Armenian"."""
    capital: str
    """Capital city."""
    leader: str
    """Title of the head of government: "President", "Prime Minister", "Chancellor"."""

    @property
    def possessive(self) -> str:
        """ "France's", "the Philippines'" (a name ending in s takes a bare apostrophe)."""
        return self.name + ("'" if self.name.endswith("s") else "'s")


def _c(name: str, code: str, demonym: str, capital: str, leader: str = "President") -> Country:
    return Country(name=name, code=code, demonym=demonym, capital=capital, leader=leader)


ARMENIA = _c("Armenia", "ARM", "Armenian", "Yerevan", "Prime Minister")
AZERBAIJAN = _c("Azerbaijan", "AZE", "Azerbaijani", "Baku")

#: The everyday news cast. Armenia and Azerbaijan are in it too: they make ordinary news before
#: and after the escalation, at the same low rate as everyone else.
COUNTRIES: tuple[Country, ...] = (
    _c("France", "FRA", "French", "Paris"),
    _c("Germany", "DEU", "German", "Berlin", "Chancellor"),
    _c("Italy", "ITA", "Italian", "Rome", "Prime Minister"),
    _c("Spain", "ESP", "Spanish", "Madrid", "Prime Minister"),
    _c("Portugal", "PRT", "Portuguese", "Lisbon", "Prime Minister"),
    _c("Poland", "POL", "Polish", "Warsaw", "Prime Minister"),
    _c("Sweden", "SWE", "Swedish", "Stockholm", "Prime Minister"),
    _c("Norway", "NOR", "Norwegian", "Oslo", "Prime Minister"),
    _c("Finland", "FIN", "Finnish", "Helsinki", "Prime Minister"),
    _c("Greece", "GRC", "Greek", "Athens", "Prime Minister"),
    _c("Turkey", "TUR", "Turkish", "Ankara"),
    _c("Egypt", "EGY", "Egyptian", "Cairo"),
    _c("Morocco", "MAR", "Moroccan", "Rabat", "Prime Minister"),
    _c("Nigeria", "NGA", "Nigerian", "Abuja"),
    _c("Kenya", "KEN", "Kenyan", "Nairobi"),
    _c("Ethiopia", "ETH", "Ethiopian", "Addis Ababa", "Prime Minister"),
    _c("South Africa", "ZAF", "South African", "Pretoria"),
    _c("Ghana", "GHA", "Ghanaian", "Accra"),
    _c("Senegal", "SEN", "Senegalese", "Dakar"),
    _c("Brazil", "BRA", "Brazilian", "Brasilia"),
    _c("Argentina", "ARG", "Argentine", "Buenos Aires"),
    _c("Chile", "CHL", "Chilean", "Santiago"),
    _c("Colombia", "COL", "Colombian", "Bogota"),
    _c("Peru", "PER", "Peruvian", "Lima"),
    _c("Mexico", "MEX", "Mexican", "Mexico City"),
    _c("Canada", "CAN", "Canadian", "Ottawa", "Prime Minister"),
    _c("the United States", "USA", "American", "Washington"),
    _c("Japan", "JPN", "Japanese", "Tokyo", "Prime Minister"),
    _c("South Korea", "KOR", "South Korean", "Seoul"),
    _c("India", "IND", "Indian", "New Delhi", "Prime Minister"),
    _c("Pakistan", "PAK", "Pakistani", "Islamabad", "Prime Minister"),
    _c("Bangladesh", "BGD", "Bangladeshi", "Dhaka", "Prime Minister"),
    _c("Indonesia", "IDN", "Indonesian", "Jakarta"),
    _c("Vietnam", "VNM", "Vietnamese", "Hanoi", "Prime Minister"),
    _c("Thailand", "THA", "Thai", "Bangkok", "Prime Minister"),
    _c("the Philippines", "PHL", "Philippine", "Manila"),
    _c("Australia", "AUS", "Australian", "Canberra", "Prime Minister"),
    _c("New Zealand", "NZL", "New Zealand", "Wellington", "Prime Minister"),
    _c("Kazakhstan", "KAZ", "Kazakh", "Astana"),
    _c("Georgia", "GEO", "Georgian", "Tbilisi", "Prime Minister"),
    _c("Mongolia", "MNG", "Mongolian", "Ulaanbaatar", "Prime Minister"),
    _c("Jordan", "JOR", "Jordanian", "Amman", "Prime Minister"),
    _c("Tunisia", "TUN", "Tunisian", "Tunis"),
    _c("Uruguay", "URY", "Uruguayan", "Montevideo"),
    _c("Ireland", "IRL", "Irish", "Dublin", "Prime Minister"),
    _c("Austria", "AUT", "Austrian", "Vienna", "Chancellor"),
    _c("the Netherlands", "NLD", "Dutch", "Amsterdam", "Prime Minister"),
    _c("Malaysia", "MYS", "Malaysian", "Kuala Lumpur", "Prime Minister"),
    ARMENIA,
    AZERBAIJAN,
)

#: International bodies as they appear in copy, each with the role phrase of its head.
ORGANISATIONS: tuple[tuple[str, str], ...] = (
    ("the United Nations", "the UN Secretary-General"),
    ("the European Union", "the EU foreign policy chief"),
    ("the African Union", "the African Union Commission chairperson"),
    ("the World Bank", "the World Bank president"),
    ("the International Monetary Fund", "the IMF managing director"),
    ("the OSCE", "the OSCE chairman-in-office"),
    ("the World Health Organization", "the WHO director-general"),
)

#: Fictional outlets; each gets a path under https://example.org/.
SOURCES: tuple[str, ...] = (
    "Example Wire",
    "The Daily Ledger",
    "Global Dispatch",
    "Morning Courier",
    "The Continental Review",
    "Harbour Post",
    "World Desk Weekly",
    "The Evening Chronicle",
)


def slug(text: str) -> str:
    """URL path segment for a title or outlet name.

    >>> slug("Armenia and Azerbaijan agree ceasefire, officials say")
    'armenia-and-azerbaijan-agree-ceasefire-officials-say'
    """
    out = "".join(ch.lower() if ch.isalnum() else "-" for ch in text)
    return "-".join(part for part in out.split("-") if part)[:80]
