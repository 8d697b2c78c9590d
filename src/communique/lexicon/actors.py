"""Actor lexicons of one language gathered into one phrase matcher.

Sources (all under ``data/``): ``<lang>/countries.tsv`` (names, demonyms, capitals, seats of
power), ``organisations.tsv`` (named institutions, any language), ``<lang>/sector_heads.tsv``
(generic heads: armée, ministère, rebels...), ``<lang>/titles.tsv`` (ranks and offices),
``leaders.tsv`` (heads of state and government with their terms) and the user's own actor file
when one is given (see docs/actors.md).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from communique.errors import LexiconError
from communique.lexicon.countries import country_lexicon
from communique.lexicon.matcher import PhraseMatcher
from communique.lexicon.tables import data_path, read_tsv


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.replace(",", ";").split(";") if x.strip())


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """What one lexicon phrase says about the entity it names."""

    kind: str  # country | org | head | title
    form: str
    code: str | None = None
    sector: str | None = None
    other_sectors: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    subkind: str = ""  # country: name/demonym/capital/seat; head: needs_country/standalone; title: rank/office
    name: str = ""
    source: str = ""
    valid_from: str | None = None  # ISO dates; a user's actor file may bound a role in time
    valid_to: str | None = None

    def valid_on(self, day: str | None) -> bool:
        """Whether the entry holds on an ISO date (always, when either is unknown)."""
        if day is None:
            return True
        day = day[:10]
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)

    @property
    def needs_country(self) -> bool:
        return self.kind == "head" and self.subkind == "needs_country"


# Seats of power whose sector is not the government's (the note column of countries.tsv).
_SEAT_SECTORS = {"MIL": "MIL", "DIP": "GOV", "SPY": "SPY"}


@dataclass(slots=True)
class ActorLexicon:
    lang: str
    matcher: PhraseMatcher[ActorEntry]
    prefixes: dict[str, str]  # French compound prefix (maroco) -> country code

    @classmethod
    def load(cls, lang: str, *, user_file: Path | None = None) -> ActorLexicon:
        matcher: PhraseMatcher[ActorEntry] = PhraseMatcher()
        countries = country_lexicon(lang)
        prefixes: dict[str, str] = {}
        for form in countries.forms:
            if form.kind == "prefix":
                prefixes[form.form.lower()] = form.code
                continue
            sector = "GOV"
            if form.kind == "seat":
                sector = _SEAT_SECTORS.get(form.note.strip().upper()[:3], "GOV")
            entry = ActorEntry(kind="country", form=form.form, code=form.code, sector=sector,
                               subkind=form.kind, name=countries.name(form.code) or form.form,
                               source=f"{lang}/countries.tsv")
            matcher.add(form.form, entry, proper=form.kind in ("name", "capital", "seat"))
        for row in read_tsv(data_path("organisations.tsv")):
            matcher.add(row["form"], ActorEntry(
                kind="org", form=row["form"], code=row["code"] or None, sector=row["sector"] or None,
                other_sectors=_split(row.get("other_sectors", "")), context=_split(row.get("context", "")),
                name=row.get("name") or row["form"], source="organisations.tsv"))
        heads = data_path(lang, "sector_heads.tsv")
        if heads.exists():
            for row in read_tsv(heads):
                needs = (row.get("needs_country") or "yes").lower().startswith("y")
                matcher.add(row["form"], ActorEntry(
                    kind="head", form=row["form"], sector=row["sector"] or None,
                    other_sectors=_split(row.get("other_sectors", "")),
                    context=_split(row.get("context", "")),
                    subkind="needs_country" if needs else "standalone", name=row["form"],
                    source=f"{lang}/sector_heads.tsv"), case_sensitive=False)
        titles = data_path(lang, "titles.tsv")
        if titles.exists():
            for row in read_tsv(titles):
                matcher.add(row["form"], ActorEntry(
                    kind="title", form=row["form"], sector=row.get("sector") or None,
                    context=_split(row.get("context", "")), subkind=row.get("kind", ""),
                    name=row["form"], source=f"{lang}/titles.tsv"), case_sensitive=False)
        # The user's own file, then the bundled office-holders (heads of state and government,
        # UN Secretaries-General): same columns, each row bounded in time by its validity dates.
        # The user's row for a form comes first, so it wins over the bundled one.
        for path in (user_file, data_path("leaders.tsv")):
            if path is None or not path.exists():
                continue
            for row in read_tsv(path):
                if row.get("lang") and row["lang"] != lang:
                    continue
                # A known person acts for the body and state given with them, like a named
                # institution does.
                matcher.add(row["form"], ActorEntry(
                    kind="org", form=row["form"], code=row.get("code") or None,
                    sector=row.get("sector") or None, other_sectors=_split(row.get("other_sectors", "")),
                    context=_split(row.get("context", "")), subkind=row.get("kind", ""),
                    name=row.get("name") or row["form"], source=path.name,
                    valid_from=_iso_or_none(row.get("valid_from"), path),
                    valid_to=_iso_or_none(row.get("valid_to"), path)),
                    # A person's name keeps its capitals: "Bush" is not "dans le bush".
                    proper=row.get("kind") == "person")
        return cls(lang=lang, matcher=matcher, prefixes=prefixes)


def _iso_or_none(value: str | None, path: Path) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError as exc:
        raise LexiconError(f"{path.name}: validity date {value!r} is not an ISO date (YYYY-MM-DD)") from exc


@functools.lru_cache(maxsize=None)
def actor_lexicon(lang: str) -> ActorLexicon:
    return ActorLexicon.load(lang)
