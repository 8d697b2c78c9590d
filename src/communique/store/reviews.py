"""Reviews: what analysts say about the coder's events, kept apart from its output.

A review belongs to one event: ``confirmed``, ``rejected`` (with a reason from
``REJECT_REASONS``), ``corrected`` (type, mode, actor, recipient, place, date, context or
trigger changed) or ``added`` (an event the coder missed, its evidence selected in the text). The
``reviews`` row keeps the machine's event as coded; ``review_history`` keeps every action, who
took it and when.

The events tables hold the *effective* events, the machine's with the reviews applied: a rejected
event leaves them, a corrected one holds the reviewer's values, an added one sits there like any
other. So every reader (filters, counts, map, exports, the API) sees them without knowing about
reviews. Re-coding an article (``Store.put``) writes the machine's new events, then ``reattach``
applies the reviews again: each to the new event of the same machine type whose evidence
overlaps its own; a review that finds none is kept with ``needs_look`` set, for a second look.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from communique.errors import BadParameter, CommuniqueError
from communique.model import CodedArticle, Event, content_id
from communique.store.backend import Backend
from communique.store.records import read_events, write_events
from communique.store.review_edits import (CORRECTABLE, added_event, check_changes, effective,
                                           machine_trigger, reviewer_name, span_in)

__all__ = ["ACTIONS", "CORRECTABLE", "REJECT_REASONS", "VERDICTS", "NotReviewable", "Review",
           "add_event", "check_changes", "clear_review", "counts", "effective", "history",
           "machine_trigger", "next_unreviewed", "precision", "reattach", "review_event",
           "review_of", "reviewed_ids", "reviews", "verdicts"]

VERDICTS = ("confirmed", "rejected", "corrected", "added")
ACTIONS = ("confirm", "reject", "correct", "clear")
# Why an event is not one (coding-guidelines.md §3): short, so that a fast pass stays fast.
REJECT_REASONS = ("not_an_event", "planned", "hypothetical", "opinion", "generic",
                  "boilerplate", "duplicate", "too_old")
REVIEW_COLUMNS = ("id", "article_id", "event_id", "verdict", "reason", "changes", "machine",
                  "machine_type", "evidence_start", "evidence_end", "position", "coder_version",
                  "reviewer", "created", "updated", "needs_look")
HISTORY_COLUMNS = ("review_id", "position", "at", "reviewer", "action", "verdict", "reason",
                   "changes", "machine", "coder_version", "article_id", "event_id")


class NotReviewable(CommuniqueError):
    """The event or article to review is not in the store (a 404 on the web)."""


@dataclass(slots=True)
class Review:
    """The current state of one reviewed event."""

    id: str
    article_id: str
    event_id: str | None
    verdict: str
    reviewer: str
    changes: dict[str, Any] = field(default_factory=dict)
    reason: str | None = None
    machine: Event | None = None  # None for an added event
    position: int | None = None
    coder_version: str | None = None
    created: str = ""
    updated: str = ""
    needs_look: bool = False

    @property
    def machine_type(self) -> str | None:
        return self.machine.event if self.machine else None

    @property
    def evidence(self) -> tuple[int, int] | None:
        spans = self.machine.event_text if self.machine else _added(self).event_text
        return (spans[0].start, spans[-1].end) if spans else None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "article_id": self.article_id, "event_id": self.event_id,
                "verdict": self.verdict, "reason": self.reason, "changes": self.changes,
                "machine": self.machine.to_dict() if self.machine else None,
                "machine_type": self.machine_type, "coder_version": self.coder_version,
                "reviewer": self.reviewer, "created": self.created, "updated": self.updated,
                "needs_look": self.needs_look}


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


# -- reading --------------------------------------------------------------------------------------
def _row_review(r: Sequence[Any]) -> Review:
    return Review(id=r[0], article_id=r[1], event_id=r[2], verdict=r[3], reason=r[4],
                  changes=json.loads(r[5]), machine=Event.from_dict(json.loads(r[6])) if r[6] else None,
                  position=r[10], coder_version=r[11], reviewer=r[12], created=r[13],
                  updated=r[14], needs_look=bool(r[15]))


def reviews(backend: Backend, *, article_id: str | None = None,
            event_ids: Sequence[str] | None = None, needs_look: bool | None = None,
            verdict: str | None = None, limit: int | None = None) -> list[Review]:
    """Reviews, latest first, by article, event ids, flag or verdict (all that are given)."""
    clauses, params = [], []
    if article_id is not None:
        clauses.append("article_id = ?")
        params.append(article_id)
    if event_ids is not None:
        if not event_ids:
            return []
        clauses.append(f"event_id IN ({', '.join('?' for _ in event_ids)})")
        params.extend(event_ids)
    if needs_look is not None:
        clauses.append("needs_look = ?")
        params.append(int(needs_look))
    if verdict is not None:
        clauses.append("verdict = ?")
        params.append(verdict)
    sql = (f"SELECT {', '.join(REVIEW_COLUMNS)} FROM reviews WHERE {' AND '.join(clauses) or '1 = 1'}"
           " ORDER BY updated DESC, id")
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [_row_review(r) for r in backend.query(sql, params)]


def review_of(backend: Backend, event_id: str) -> Review | None:
    found = reviews(backend, event_ids=[event_id])
    return found[0] if found else None


def verdicts(backend: Backend, event_ids: Sequence[str]) -> dict[str, str]:
    """Event id → verdict, for the events of a list that are reviewed."""
    out: dict[str, str] = {}
    ids = list(event_ids)
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        for r in backend.query(f"SELECT event_id, verdict FROM reviews WHERE event_id IN "
                               f"({', '.join('?' for _ in part)})", part):
            out[r[0]] = r[1]
    return out


def reviewed_ids(backend: Backend) -> set[str]:
    """The ids of the stored events a reviewer has seen (confirmed, corrected or added)."""
    return {str(r[0]) for r in backend.query(
        "SELECT event_id FROM reviews WHERE event_id IS NOT NULL AND verdict <> 'rejected'")}


def history(backend: Backend) -> Iterator[dict[str, Any]]:
    """Every action ever taken, oldest first (the JSON fields decoded)."""
    for r in backend.stream(f"SELECT {', '.join(HISTORY_COLUMNS)} FROM review_history "
                            "ORDER BY at, review_id, position"):
        row = dict(zip(HISTORY_COLUMNS, r))
        row["changes"] = json.loads(row["changes"])
        row["machine"] = json.loads(row["machine"]) if row["machine"] else None
        yield row


def precision(backend: Backend) -> dict[str, dict[str, Any]]:
    """Per machine type: how many of its events reviewers confirmed, corrected (type kept),
    re-typed or rejected, and the machine's precision on them (kept type / reviewed). ``added``
    counts the events of that type the coder missed."""
    out: dict[str, dict[str, Any]] = {}

    def cell(kind: str) -> dict[str, Any]:
        return out.setdefault(kind, {"confirmed": 0, "corrected": 0, "retyped": 0, "rejected": 0,
                                     "added": 0})

    for verdict, machine_type, changes in backend.query(
            "SELECT verdict, machine_type, changes FROM reviews WHERE needs_look = 0"):
        if verdict == "added":
            added = json.loads(changes).get("added") or {}
            cell(str(added.get("event") or "?"))["added"] += 1
            continue
        kind = str(machine_type)
        if verdict == "corrected" and json.loads(changes).get("event", kind) != kind:
            cell(kind)["retyped"] += 1
        else:
            cell(kind)[verdict] += 1
    for row in out.values():
        row["reviewed"] = row["confirmed"] + row["corrected"] + row["retyped"] + row["rejected"]
        kept = row["confirmed"] + row["corrected"]
        row["precision"] = round(kept / row["reviewed"], 3) if row["reviewed"] else None
    return dict(sorted(out.items(), key=lambda kv: (-kv[1]["reviewed"], kv[0])))


def _added(review: Review) -> Event:
    return Event.from_dict(review.changes["added"])


# -- writing --------------------------------------------------------------------------------------
def _save(backend: Backend, review: Review) -> None:
    ev = review.evidence
    values = (review.id, review.article_id, review.event_id, review.verdict, review.reason,
              json.dumps(review.changes, ensure_ascii=False, sort_keys=True),
              json.dumps(review.machine.to_dict(), ensure_ascii=False) if review.machine else None,
              review.machine_type, ev[0] if ev else None, ev[1] if ev else None, review.position,
              review.coder_version, review.reviewer, review.created, review.updated,
              int(review.needs_look))
    updates = ", ".join(f"{c} = excluded.{c}" for c in REVIEW_COLUMNS[1:])
    backend.execute(f"INSERT INTO reviews ({', '.join(REVIEW_COLUMNS)}) VALUES "
                    f"({', '.join('?' for _ in REVIEW_COLUMNS)}) ON CONFLICT (id) DO UPDATE SET {updates}",
                    values)


def _log(backend: Backend, review: Review, *, action: str, reviewer: str, at: str) -> None:
    position = int(backend.query("SELECT count(*) FROM review_history WHERE review_id = ?",
                                 (review.id,))[0][0])
    backend.execute(f"INSERT INTO review_history ({', '.join(HISTORY_COLUMNS)}) VALUES "
                    f"({', '.join('?' for _ in HISTORY_COLUMNS)})",
                    (review.id, position, at, reviewer, action, review.verdict, review.reason,
                     json.dumps(review.changes, ensure_ascii=False, sort_keys=True),
                     json.dumps(review.machine.to_dict(), ensure_ascii=False) if review.machine else None,
                     review.coder_version, review.article_id, review.event_id))


def _article_facts(backend: Backend, article_id: str) -> tuple[str, str, str | None, str | None, str]:
    rows = backend.query("SELECT run_id, coder_version, published, lang, text FROM articles WHERE id = ?",
                         (article_id,))
    if not rows:
        raise NotReviewable(f"no article {article_id!r}")
    r = rows[0]
    return r[0], r[1], r[2], r[3], r[4]


def _rewrite(backend: Backend, event_id: str, event: Event | None, *, position: int | None,
             run_id: str) -> None:
    """Replace one stored event by ``event`` (None: remove it), keeping its story link and
    sentence vector (a corrected event is the same report of the same act)."""
    links = backend.query("SELECT story_id FROM story_events WHERE event_id = ?", (event_id,))
    vectors = backend.query("SELECT model, vector FROM event_vectors WHERE event_id = ?", (event_id,))
    backend.execute("DELETE FROM events WHERE id = ?", (event_id,))
    if event is None:
        return
    if position is None:
        position = int(backend.query("SELECT coalesce(max(position), -1) + 1 FROM events WHERE "
                                     "article_id = ?", (event.article_id,))[0][0])
    write_events(backend, [event], run_id=run_id)
    backend.execute("UPDATE events SET position = ? WHERE id = ?", (position, event.id))
    if event.id == event_id:
        backend.executemany("INSERT INTO story_events (event_id, story_id) VALUES (?, ?)",
                            [(event_id, r[0]) for r in links])
        backend.executemany("INSERT INTO event_vectors (event_id, model, vector) VALUES (?, ?, ?)",
                            [(event_id, r[0], r[1]) for r in vectors])


def _materialize(backend: Backend, review: Review, *, run_id: str, lang: str | None) -> None:
    """Make the stored event what the review says it is."""
    if review.event_id is None:
        return
    if review.verdict == "added":
        _rewrite(backend, review.event_id, _added(review), position=review.position, run_id=run_id)
    elif review.verdict == "rejected":
        _rewrite(backend, review.event_id, None, position=None, run_id=run_id)
    elif review.machine is not None:
        event = effective(review.machine, {k: v for k, v in review.changes.items() if k != "trigger"},
                          reviewer=review.reviewer, lang=lang)
        _rewrite(backend, review.event_id, event, position=review.position, run_id=run_id)


def review_event(backend: Backend, event_id: str, *, action: str, reviewer: str,
                 reason: str | None = None, changes: dict[str, Any] | None = None) -> Review | None:
    """Confirm, reject, correct or clear (undo) the review of one event, in one transaction.

    Returns the review as it now stands (None after ``clear``)."""
    reviewer = reviewer_name(reviewer)
    if action not in ACTIONS:
        raise BadParameter("action", f"want one of {', '.join(ACTIONS)}")
    if action == "reject" and reason not in REJECT_REASONS:
        raise BadParameter("reason", f"want one of {', '.join(REJECT_REASONS)}")
    at = now()
    with backend.transaction():
        review = review_of(backend, event_id)
        if review is None:
            found = read_events(backend, [event_id])
            if not found:
                raise NotReviewable(f"no event {event_id!r}")
            machine = found[0]
            position = backend.query("SELECT position FROM events WHERE id = ?", (event_id,))[0][0]
            run_id, version, *_ = _article_facts(backend, machine.article_id)
            review = Review(id=content_id("review", machine.article_id, event_id),
                            article_id=machine.article_id, event_id=event_id, verdict="confirmed",
                            reviewer=reviewer, machine=machine, position=int(position),
                            coder_version=version, created=at)
        run_id, _, _, lang, text = _article_facts(backend, review.article_id)
        if action == "clear":
            return _clear(backend, review, reviewer=reviewer, at=at, run_id=run_id)
        if review.verdict == "added":
            return _review_added(backend, review, action=action, reviewer=reviewer,
                                 changes=changes, at=at, run_id=run_id, lang=lang, text=text)
        if action == "correct":
            new = check_changes(changes, text=text)
            merged = {**review.changes, **new}
            review.changes = {k: v for k, v in merged.items() if not _same_as_machine(review.machine, k, v)}
            review.verdict = "corrected" if _corrects(review.changes) else "confirmed"
            review.reason = None
        elif action == "confirm":
            review.verdict = "corrected" if _corrects(review.changes) else "confirmed"
            review.reason = None
        else:
            review.verdict, review.reason = "rejected", reason
        review.reviewer, review.updated = reviewer, at
        _save(backend, review)
        _log(backend, review, action=action, reviewer=reviewer, at=at)
        _materialize(backend, review, run_id=run_id, lang=lang)
    return review


def _corrects(changes: dict[str, Any]) -> bool:
    return any(k != "trigger" for k in changes)


def _same_as_machine(machine: Event | None, key: str, value: Any) -> bool:
    if machine is None:
        return False
    if key in ("event", "mode", "date"):
        return getattr(machine, key) == value
    if key in ("actor", "recipient"):
        parties = getattr(machine, key)
        if value is None:
            return not parties
        return len(parties) == 1 and parties[0].code == value["code"] and \
            parties[0].sector == value["sector"] and "name" not in value
    if key == "context":
        return list(machine.context) == value
    return False


def clear_review(backend: Backend, review_id: str, *, reviewer: str) -> None:
    """Undo a review by its own id: also one that re-coding left without an event
    (``needs_look``), which no event id reaches any more."""
    reviewer = reviewer_name(reviewer)
    with backend.transaction():
        found = backend.query(f"SELECT {', '.join(REVIEW_COLUMNS)} FROM reviews WHERE id = ?", (review_id,))
        if not found:
            raise NotReviewable(f"no review {review_id!r}")
        review = _row_review(found[0])
        run_id, *_ = _article_facts(backend, review.article_id)
        _clear(backend, review, reviewer=reviewer, at=now(), run_id=run_id)


def _clear(backend: Backend, review: Review, *, reviewer: str, at: str, run_id: str) -> None:
    """Undo a review: the machine's event comes back (an added event goes)."""
    backend.execute("DELETE FROM reviews WHERE id = ?", (review.id,))
    if review.event_id is not None:
        restored = None if review.verdict == "added" else review.machine
        _rewrite(backend, review.event_id, restored, position=review.position, run_id=run_id)
    _log(backend, review, action="clear", reviewer=reviewer, at=at)
    return None


def _review_added(backend: Backend, review: Review, *, action: str, reviewer: str,
                  changes: dict[str, Any] | None, at: str, run_id: str, lang: str | None,
                  text: str) -> Review | None:
    """An added event: rejecting it removes it, correcting it changes it, confirming keeps it."""
    if action == "reject":
        return _clear(backend, review, reviewer=reviewer, at=at, run_id=run_id)
    if action == "correct":
        new = check_changes(changes, text=text)
        event = effective(_added(review), {k: v for k, v in new.items() if k != "trigger"},
                          reviewer=reviewer, lang=lang)
        review.changes = {**review.changes, "added": event.to_dict(),
                          **({"trigger": new["trigger"]} if "trigger" in new else {})}
    review.reviewer, review.updated = reviewer, at
    _save(backend, review)
    _log(backend, review, action=action, reviewer=reviewer, at=at)
    _materialize(backend, review, run_id=run_id, lang=lang)
    return review


def add_event(backend: Backend, article_id: str, *, reviewer: str, changes: Any) -> Review:
    """Add an event the coder missed: ``changes`` holds its type, its ``evidence`` (the words
    selected in the text, with offsets), and any of actor, recipient, mode, place, date,
    context and trigger."""
    reviewer = reviewer_name(reviewer)
    if not isinstance(changes, dict):
        raise BadParameter("changes", "want an object: event, evidence, actor, recipient...")
    at = now()
    with backend.transaction():
        run_id, version, published, lang, text = _article_facts(backend, article_id)
        evidence = span_in("evidence", changes.get("evidence"), text=text)
        checked = check_changes({k: v for k, v in changes.items() if k != "evidence"}, text=text)
        trigger = checked.get("trigger")
        if trigger and not (evidence["start"] <= trigger["start"] and trigger["end"] <= evidence["end"]):
            raise BadParameter("trigger", "the trigger must lie inside the evidence")
        event = added_event(article_id, text, {**checked, "evidence": evidence}, reviewer=reviewer,
                            published=published, lang=lang)
        if review_of(backend, event.id) is not None:
            raise BadParameter("evidence", "this event is already added")
        review = Review(id=content_id("review", article_id, event.id), article_id=article_id,
                        event_id=event.id, verdict="added", reviewer=reviewer,
                        changes={"added": event.to_dict(), **({"trigger": trigger} if trigger else {})},
                        coder_version=version, created=at, updated=at)
        _save(backend, review)
        _log(backend, review, action="add", reviewer=reviewer, at=at)
        _materialize(backend, review, run_id=run_id, lang=lang)
    return review


# -- re-coding ------------------------------------------------------------------------------------
def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> int:
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _span_of(event: Event) -> tuple[int, int] | None:
    return (event.event_text[0].start, event.event_text[-1].end) if event.event_text else None


def reattach(backend: Backend, coded: CodedArticle, *, run_id: str, coder_version: str) -> None:
    """After the machine's events of an article are written again (inside that transaction):
    apply its reviews to the new events. A review goes to the new event of its machine type whose
    evidence overlaps its own the most (the same id first); one that finds none is flagged
    ``needs_look`` and applies to nothing until a reviewer looks again."""
    found = reviews(backend, article_id=coded.article.id)
    if not found:
        return
    at = now()
    lang = coded.article.lang
    fresh = {ev.id: (n, ev) for n, ev in enumerate(coded.events)}
    used: set[str] = set()
    for review in sorted(found, key=lambda r: (r.verdict == "added", r.created, r.id)):
        if review.verdict == "added":
            # Written again as it was. Should a newer coder find the same act too, the list
            # shows it twice until a reviewer rejects one as a duplicate: a guess that merged
            # them could lose an event nobody judged. An article now rejected (unreadable,
            # another language) holds no event: the added one waits, flagged.
            before = (review.event_id, review.needs_look)
            review.needs_look = coded.rejected is not None
            review.event_id = None if review.needs_look else _added(review).id
            if (review.event_id, review.needs_look) != before:
                review.updated = at
                _save(backend, review)
                _log(backend, review, action="unmatched" if review.needs_look else "reattached",
                     reviewer="(re-coding)", at=at)
            _materialize(backend, review, run_id=run_id, lang=lang)
            continue
        assert review.machine is not None
        match = _match(review.machine, fresh, used)
        before = (review.event_id, review.needs_look)
        if match is None:
            review.event_id, review.needs_look = None, True
            action = "unmatched"
        else:
            position, event = match
            used.add(event.id)
            review.event_id, review.machine, review.position = event.id, event, position
            review.needs_look = False
            action = "reattached"
        review.coder_version = coder_version
        review.updated = at if (review.event_id, review.needs_look) != before else review.updated
        _save(backend, review)
        if (review.event_id, review.needs_look) != before or action == "reattached":
            _log(backend, review, action=action, reviewer="(re-coding)", at=at)
        _materialize(backend, review, run_id=run_id, lang=lang)


def _match(machine: Event, fresh: dict[str, tuple[int, Event]], used: set[str]) -> tuple[int, Event] | None:
    same = fresh.get(machine.id)
    if same is not None and machine.id not in used and same[1].event == machine.event:
        return same
    span = _span_of(machine)
    best, score = None, 0
    for event_id, (position, event) in fresh.items():
        if event_id in used or event.event != machine.event:
            continue
        overlap = _overlap(span, _span_of(event))
        if overlap > score:
            best, score = (position, event), overlap
    return best


# -- a pass through a list ------------------------------------------------------------------------
def next_unreviewed(backend: Backend, clause: str, params: list[Any], *,
                    after: str | None = None) -> str | None:
    """The next event of a filtered list (``clause`` over ``events e``, in the list's order:
    newest first) that no one has reviewed, after ``after``; from the top when none follows."""
    base = (f"SELECT e.id FROM events e WHERE ({clause}) AND e.id NOT IN "
            "(SELECT event_id FROM reviews WHERE event_id IS NOT NULL)")
    order = " ORDER BY e.day DESC NULLS LAST, e.id DESC LIMIT 1"
    if after:
        rows = backend.query("SELECT coalesce(day, '') FROM events WHERE id = ?", (after,))
        if rows:
            day = rows[0][0]
            if day:
                keyset = " AND (e.day < ? OR (e.day = ? AND e.id < ?) OR e.day IS NULL)"
                found = backend.query(base + keyset + order, [*params, day, day, after])
            else:
                found = backend.query(base + " AND e.day IS NULL AND e.id < ?" + order, [*params, after])
            if found:
                return str(found[0][0])
    found = backend.query(base + order, params)
    return str(found[0][0]) if found else None


def counts(backend: Backend) -> dict[str, int]:
    """Reviews per verdict, and how many need a second look."""
    out = dict.fromkeys(VERDICTS, 0)
    for verdict, n in backend.query("SELECT verdict, count(*) FROM reviews GROUP BY verdict"):
        out[verdict] = int(n)
    out["needs_look"] = int(backend.query("SELECT count(*) FROM reviews WHERE needs_look = 1")[0][0])
    return out
