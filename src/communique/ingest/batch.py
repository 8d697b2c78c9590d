"""One article per id within a batch: a second article under an id already read is rejected.

Two different articles under one id would otherwise overwrite each other in the store (and
every re-ingest would flip the stored text back and forth). The first one read wins, so that
the result does not depend on how often the batch is run. The second becomes a rejection
under ``ID@SOURCE`` (``n1@batch.jsonl:7``): its own record, which neither replaces the first
nor is replaced by it, and which a re-run finds unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from communique.model import Article, CodedArticle, Rejection

Item = Article | CodedArticle


def distinct_ids(items: Iterable[Item]) -> Iterator[Item]:
    """The items, with any later article under an id already used by another one rejected.

    The same article twice (same title and text) passes: storing it again changes nothing.
    Memory: one id and an 8-byte digest per article of the batch.
    """
    first: dict[str, int] = {}
    for item in items:
        article = item.article if isinstance(item, CodedArticle) else item
        digest = int(article.content_hash[:16], 16)
        known = first.setdefault(article.id, digest)
        if known == digest:
            yield item
            continue
        where = article.source or "the input"
        reason = (f"{where}: id {article.id!r} is already used in this batch by another article "
                  "(the first one read is kept); give each article its own id")
        copy = Article(id=f"{article.id}@{where}", text="", title=article.title,
                       published=article.published, url=article.url, lang=article.lang,
                       source=article.source)
        yield CodedArticle(article=copy, rejected=Rejection(stage="ingest", reason=reason))
