"""Downloads of the current selection: ``/download.csv`` (the flat columns of ``communique
export --format csv``) and ``/download.jsonl`` (PLOVER event records, one a line), with the
filters of the pages and the event table's ``sort`` (default ``date``: oldest first, undated
events last).

The whole selection is sent, however large, streamed: the store is read ``PAGE`` events at a
time by key (as the event table pages), each page written out before the next is read, so a
download of a million events holds one page in memory. Each page is read in whichever worker
thread Starlette gives the next chunk to, through that thread's own store connection (a
connection belongs to one thread), and the key makes each page a query of its own: no database
cursor is held between chunks.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from communique.export.tables import CSV_COLUMNS, flat_row
from communique.store.query import EventFilter
from communique.web import queries
from communique.web.answers import filter_of, params_of
from communique.web.params import FILTER_KEYS, sort_order
from communique.web.state import StorePool

PAGE = 1000  # events read and written at a time


def pages(pool: StorePool, flt: EventFilter, *, sort: str,
          size: int | None = None) -> Iterator[queries.EventPage]:
    """Every page of the selection in ``sort`` order (``size`` events each, default ``PAGE``),
    each read through the calling thread's store connection."""
    after = None
    while True:
        page = queries.event_page(pool.get(), flt, size=size or PAGE, sort=sort, after=after)
        yield page
        if page.next_cursor is None:
            return
        after = page.next_cursor


def csv_chunks(pool: StorePool, flt: EventFilter, *, sort: str, size: int | None = None) -> Iterator[str]:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for page in pages(pool, flt, sort=sort, size=size):
        for event, prov in page.items:
            writer.writerow(flat_row(event, prov))
        yield out.getvalue()
        out.seek(0)
        out.truncate()


def jsonl_chunks(pool: StorePool, flt: EventFilter, *, sort: str, size: int | None = None) -> Iterator[str]:
    for page in pages(pool, flt, sort=sort, size=size):
        yield "".join(json.dumps(event.to_dict(), ensure_ascii=False) + "\n"
                      for event, _ in page.items)


def _download(request: Request, kind: str) -> Response:
    # Parameters are checked here, before the answer starts: a bad one is still a 400.
    params = params_of(request, (*FILTER_KEYS, "sort"))
    flt = filter_of(request, params)
    sort = sort_order(params) if params.get("sort") else "date"
    pool: StorePool = request.app.state.pool
    chunks = (csv_chunks if kind == "csv" else jsonl_chunks)(pool, flt, sort=sort)
    media = "text/csv; charset=utf-8" if kind == "csv" else "application/x-ndjson"
    return StreamingResponse(chunks, media_type=media, headers={
        "content-disposition": f'attachment; filename="communique-events.{kind}"'})


def _csv(request: Request) -> Response:
    return _download(request, "csv")


def _jsonl(request: Request) -> Response:
    return _download(request, "jsonl")


def routes() -> list[Route]:
    return [Route("/download.csv", _csv), Route("/download.jsonl", _jsonl)]
