"""Downloads of the current selection: ``/download.csv`` (the flat columns of ``communique
export --format csv``) and ``/download.jsonl`` (PLOVER event records, one a line), with the
filters of the pages. At most ``MAX_ROWS`` events, oldest first; the header
``X-Communique-Truncated: true`` says when the selection held more."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from communique.export.tables import CSV_COLUMNS, flat_row
from communique.store.query import iter_events
from communique.web.answers import filter_of, params_of
from communique.web.params import FILTER_KEYS
from communique.web.state import store_of

MAX_ROWS = 50_000


def _download(request: Request, kind: str) -> Response:
    flt = filter_of(request, params_of(request, FILTER_KEYS))
    out = io.StringIO()
    # Read in the request's own thread: a store connection belongs to one thread.
    items = list(iter_events(store_of(request), replace(flt, limit=MAX_ROWS + 1)))
    truncated = len(items) > MAX_ROWS
    if kind == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for event, prov in items[:MAX_ROWS]:
            writer.writerow(flat_row(event, prov))
        media = "text/csv; charset=utf-8"
    else:
        for event, _ in items[:MAX_ROWS]:
            out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        media = "application/x-ndjson"
    return Response(out.getvalue(), media_type=media, headers={
        "content-disposition": f'attachment; filename="communique-events.{kind}"',
        "x-communique-truncated": "true" if truncated else "false"})


def _csv(request: Request) -> Response:
    return _download(request, "csv")


def _jsonl(request: Request) -> Response:
    return _download(request, "jsonl")


def routes() -> list[Route]:
    return [Route("/download.csv", _csv), Route("/download.jsonl", _jsonl)]
