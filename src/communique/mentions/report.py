"""Every actor mention of an article and what decided it: the library behind ``communique actors``.

One row per mention: its text and character offsets, the kind of lexicon entry (country name,
demonym, capital, seat, compound, named institution, generic head, title) or a named person,
the code and sector it gives, and the entry that decided it (form, file, and other readings
of an ambiguous form). Named entities (``communique.mentions.entities``) can be listed too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from communique.lexicon.actors import ActorEntry, ActorLexicon
from communique.mentions.actors import Mention, MentionIndex, find_mentions
from communique.mentions.entities import named_entities
from communique.mentions.people import find_people
from communique.model import Article, CodedArticle, Rejection
from communique.parse import Parse

if TYPE_CHECKING:
    from communique.coder import Coder

# Which entry speaks for a mention whose form has several: a named institution is more
# specific than a country form, a country form than a generic head or a title.
_KIND_ORDER = {"org": 0, "country": 1, "head": 2, "title": 3}
_COUNTRY_ORDER = {"name": 0, "capital": 1, "seat": 2, "demonym": 3, "compound": 4}
_SPACES = re.compile(r"\s+")
COLUMNS = ("article", "start", "end", "text", "kind", "code", "sector", "decided_by")


@dataclass(frozen=True, slots=True)
class MentionRow:
    """One actor mention (or named person, or named entity) and why it means what it means."""

    article: str
    start: int
    end: int
    text: str
    kind: str  # country:<name|demonym|capital|seat>, compound, org, head, title, person, entity:<PER|LOC|ORG>
    code: str | None
    sector: str | None
    decided_by: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class ArticleMentions:
    article: str
    lang: str | None
    rows: list[MentionRow] = field(default_factory=list)
    rejected: Rejection | None = None


def _primary(entries: tuple[ActorEntry, ...]) -> ActorEntry:
    return min(entries, key=lambda e: (_KIND_ORDER.get(e.kind, 9), _COUNTRY_ORDER.get(e.subkind, 9)))


def _entry_text(entry: ActorEntry) -> str:
    # A head's subkind (needs_country/standalone) is said separately, in words.
    what = f"{entry.kind} {entry.subkind}" if entry.subkind and entry.kind != "head" else entry.kind
    return f"{what} '{entry.form}' ({entry.source})"


def _reading(entry: ActorEntry) -> str:
    what = f"{entry.kind} {entry.subkind}" if entry.subkind and entry.kind != "head" else entry.kind
    return f"{what}{' ' + entry.code if entry.code else ''} ({entry.source})"


def mention_row(article_id: str, mention: Mention, *, lang: str) -> MentionRow:
    """The row of one lexicon mention."""
    if len(mention.codes) == 2:
        entry = mention.entries[0]
        return MentionRow(article_id, mention.start, mention.end, mention.text, "compound",
                          "+".join(mention.codes), entry.sector,
                          f"compound of two countries: prefix + demonym or name ({lang}/countries.tsv)")
    entry = _primary(mention.entries)
    kind = f"country:{entry.subkind}" if entry.kind == "country" else entry.kind
    decided = _entry_text(entry)
    others = [e for e in mention.entries if e is not entry]
    if others:
        decided += f"; also {', '.join(sorted({_reading(e) for e in others}))}"
    if entry.needs_country:
        decided += "; names a party only with a country"
    if entry.valid_from or entry.valid_to:
        decided += f"; valid {entry.valid_from or '…'} to {entry.valid_to or '…'}"
    return MentionRow(article_id, mention.start, mention.end, mention.text, kind, entry.code,
                      entry.sector, decided)


def article_rows(article_id: str, parse: Parse, lexicon: ActorLexicon, *, published: str | None = None,
                 entities: bool = False) -> list[MentionRow]:
    """Lexicon mentions and named people of one parsed article (and its named entities), by offset.

    ``published`` drops the entries of the user's actor file that do not hold on that date, as
    the coder does.
    """
    index = MentionIndex(parse, find_mentions(parse, lexicon, on=published))
    rows = [mention_row(article_id, m, lang=lexicon.lang) for m in index.mentions]
    for person in find_people(parse, index):
        first, last = parse.tokens[person.first], parse.tokens[person.last]
        parts = ["name from the NER"]
        if person.title:
            parts.append(f"title '{person.title}'")
        if person.office:
            parts.append(f"office '{person.office}'")
        if person.reason:
            parts.append(person.reason)
        rows.append(MentionRow(article_id, first.idx, last.end, person.name, "person", person.country,
                               person.sector, "; ".join(parts)))
    if entities:
        for ent in named_entities(parse, index):
            rows.append(MentionRow(article_id, ent.start, ent.end, ent.text, f"entity:{ent.label}", None,
                                   None, f"{ent.source}: {ent.reason}"))
    rows.sort(key=lambda r: (r.start, -r.end, r.kind))
    return rows


def report_items(items: Iterable[Article | CodedArticle], *, coder: Coder, entities: bool = False
                 ) -> Iterator[ArticleMentions]:
    """Mentions of every input article, in input order; rejected inputs say why."""
    for item in coder.parse_items(items):
        if isinstance(item, CodedArticle):
            yield ArticleMentions(item.article.id, item.article.lang, rejected=item.rejected)
            continue
        article, parse = item
        rows = article_rows(article.id, parse, coder.actors(parse.lang), published=article.published,
                            entities=entities)
        yield ArticleMentions(article.id, parse.lang, rows)


def _cell(value: object) -> str:
    return "-" if value is None else _SPACES.sub(" ", str(value))


def format_table(report: ArticleMentions) -> list[str]:
    """Aligned lines for one article: a header comment, then one line per mention."""
    if report.rejected is not None:
        return [f"# {report.article}: rejected at {report.rejected.stage}: {report.rejected.reason}"]
    lines = [f"# {report.article} ({report.lang}): {len(report.rows)} mentions"]
    if not report.rows:
        return lines
    cells = [[_cell(getattr(row, c)) for c in COLUMNS] for row in report.rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(COLUMNS)]
    lines.append("  ".join(c.ljust(w) for c, w in zip(COLUMNS, widths)).rstrip())
    for r in cells:
        lines.append("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip())
    return lines


def jsonl_lines(report: ArticleMentions) -> list[str]:
    """One JSON object per mention; a rejected article gives one object with ``rejected``."""
    if report.rejected is not None:
        return [json.dumps({"article": report.article, "rejected": report.rejected.to_dict()}, ensure_ascii=False)]
    return [json.dumps(row.to_dict(), ensure_ascii=False) for row in report.rows]
