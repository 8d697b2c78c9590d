"""Score coded events against a gold set, with the project's matching rules.

The rules are those of the shared scorer (``eval/score.py`` beside the project): a predicted
record is expanded into dyads (one per actor–recipient pair, or per pair of actors when there is
no recipient); a dyad matches a gold event of the same article when the type is equal and the
gold participants' countries are among the predicted ones (direction may be swapped; it is
scored apart). Gold events marked ``background`` are optional. Matching is greedy one-to-one,
preferring directed matches, equal modes and shared contexts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

NON_STATE = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "NATO", "AU", "OTAN", "ECOWAS"}
SECTOR_ALIASES = {"DIP": "GOV", "POL": "COP", "OTHER": "UNK"}
COARSE_CONTEXT = {
    "cbrn": "military", "peacekeeping": "military", "cyber": "security", "human_security": "security",
    "misinformation": "political", "executive": "political", "legislative": "political",
    "election": "political", "political_institutions": "political", "pro_democracy": "political",
    "pro_autocracy": "political", "gender": "political", "lgbt": "political",
    "religion_ethnicity": "political", "inequality": "political", "territory": "border",
    "migration": "border", "asylum": "border", "reparations": "legal", "human_rights": "legal",
    "rights_freedoms": "legal", "repression": "legal", "crime": "legal", "corruption": "legal",
    "illegal_drugs": "legal", "trafficking": "legal", "natural_resource": "economic",
    "technology": "economic", "disasters": "humanitarian",
}


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def party_code(entity: Any) -> str | None:
    if not isinstance(entity, dict):
        return None
    code = entity.get("code", entity.get("country"))
    if code:
        code = str(code).upper()
        return "IGO" if code in NON_STATE else code
    return "IGO" if (entity.get("sector") or "").upper() == "IGO" else None


def party_sector(entity: Any) -> str | None:
    if not isinstance(entity, dict) or not entity.get("sector"):
        return None
    sector = str(entity["sector"]).upper()
    return SECTOR_ALIASES.get(sector, sector)


def _date_of(text: Any) -> tuple[date | None, str | None]:
    if not isinstance(text, str) or not text:
        return None, None
    parts = text[:10].split("-")
    try:
        if len(parts) == 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2])), "day"
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 1), "month"
        if len(parts) == 1 and len(parts[0]) == 4:
            return date(int(parts[0]), 1, 1), "year"
    except ValueError:
        pass
    return None, None


def dates_agree(gold: Any, pred: Any) -> bool:
    g, precision = _date_of(gold)
    p, _ = _date_of(pred)
    if g is None or p is None:
        return False
    if precision == "day":
        return abs(g - p) <= timedelta(days=1)
    if precision == "month":
        return (g.year, g.month) == (p.year, p.month)
    return g.year == p.year


def _words(text: Any) -> set[str]:
    return {w for w in "".join(c.lower() if c.isalnum() else " " for c in str(text or "")).split() if len(w) > 1}


def names_agree(gold: Any, preds: list[Any]) -> bool:
    g = _words(gold)
    return bool(g) and any(len(g & _words(p)) / len(g) >= 0.5 for p in preds if p)


@dataclass(slots=True)
class Dyad:
    raw: dict[str, Any]
    type: str
    mode: str | None
    contexts: set[str]
    actors: set[str | None]
    recipients: set[str | None]
    actor_sectors: set[tuple[str | None, str | None]]
    recipient_sectors: set[tuple[str | None, str | None]]
    date: Any
    loc_country: str | None
    loc_names: list[str]
    people: list[str]
    background: bool = False
    gold_actor: str | None = None
    gold_recipient: str | None = None
    has_recipient: bool = False


def _dyad(ev: dict[str, Any], *, gold: bool, actor: Any = None, recipient: Any = None) -> Dyad:
    kind = ev.get("type", ev.get("event"))
    kind = kind[0] if isinstance(kind, list) and kind else kind
    if gold:
        actor, recipient = ev.get("actor"), ev.get("recipient")
    loc = ev.get("location") if gold else (ev.get("event_loc") or ev.get("location"))
    loc_country, loc_names = None, []
    if isinstance(loc, dict):
        loc_country = loc.get("country") if gold else (loc.get("country_code") or loc.get("country"))
        loc_names = [loc[k] for k in ("name", "extracted_place", "resolved_place") if loc.get(k)]
    return Dyad(
        raw=ev, type=str(kind or "").upper(), mode=ev.get("mode"),
        contexts={COARSE_CONTEXT.get(c, c) for c in _as_list(ev.get("contexts", ev.get("context")))},
        actors={party_code(actor)} if isinstance(actor, dict) else set(),
        recipients={party_code(recipient)} if isinstance(recipient, dict) else set(),
        actor_sectors={(party_code(actor), party_sector(actor))} if isinstance(actor, dict) else set(),
        recipient_sectors={(party_code(recipient), party_sector(recipient))} if isinstance(recipient, dict) else set(),
        date=ev.get("date"), loc_country=loc_country, loc_names=loc_names,
        people=[p.get("name") for p in _as_list(ev.get("people")) if isinstance(p, dict)],
        background=bool(ev.get("background")) if gold else False,
        gold_actor=party_code(actor), gold_recipient=party_code(recipient) if recipient else None,
        has_recipient=bool(recipient) and party_code(recipient) is not None,
    )


def expand(ev: dict[str, Any]) -> list[Dyad]:
    """One dyad per actor–recipient pair of a predicted record."""

    def unique(parties: list[Any]) -> list[Any]:
        seen, out = set(), []
        for p in parties:
            if isinstance(p, dict) and party_code(p) not in seen:
                seen.add(party_code(p))
                out.append(p)
        return out

    actors, recipients = unique(_as_list(ev.get("actor"))), unique(_as_list(ev.get("recipient")))
    if recipients:
        pairs = [(a, r) for a in (actors or [None]) for r in recipients]
    elif len(actors) > 1:
        pairs = [(a, b) for i, a in enumerate(actors) for b in actors[i + 1:]]
    else:
        pairs = [(a, None) for a in (actors or [None])]
    return [_dyad(ev, gold=False, actor=a, recipient=r) for a, r in pairs]


def _participants(g: Dyad, p: Dyad) -> tuple[bool, bool]:
    def within(code: str | None, codes: set[str | None]) -> bool:
        return code in codes if code is not None else True

    directed = within(g.gold_actor, p.actors) and (not g.has_recipient or within(g.gold_recipient, p.recipients))
    pooled = p.actors | p.recipients
    swapped = within(g.gold_actor, pooled) and (not g.has_recipient or within(g.gold_recipient, pooled))
    return directed or swapped, directed


def match(golds: list[Dyad], preds: list[Dyad]) -> list[tuple[Dyad, Dyad, bool]]:
    scored = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if g.type != p.type:
                continue
            ok, directed = _participants(g, p)
            if ok:
                bonus = int(directed) + int(bool(g.mode) and g.mode == p.mode) + 0.1 * len(g.contexts & p.contexts)
                scored.append((-bonus, gi, pi, directed))
    scored.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi, directed in scored:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((golds[gi], preds[pi], directed))
    return pairs


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(slots=True)
class Report:
    event: Counts = field(default_factory=Counts)
    directed_tp: int = 0
    per_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    per_lang: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    attributes: dict[str, list[float]] = field(default_factory=lambda: defaultdict(lambda: [0.0, 0]))
    negatives_fp: int = 0
    articles: int = 0
    confidence_bins: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    # attribute -> gold event ("ARTICLE#N", N its index in the article's gold events) -> its hit,
    # for the matched gold events: what the accuracy gate compares run to run
    outcomes: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(dict))

    def to_dict(self) -> dict[str, Any]:
        ev = self.event
        directed = Counts(self.directed_tp, ev.fp + ev.tp - self.directed_tp, ev.fn + ev.tp - self.directed_tp)
        return {
            "event": ev.prf(), "event_directed": directed.prf(),
            "per_type": {k: v.prf() for k, v in sorted(self.per_type.items())},
            "per_lang": {k: v.prf() for k, v in sorted(self.per_lang.items())},
            "on_matched": {k: round(h / n, 4) for k, (h, n) in sorted(self.attributes.items()) if n},
            "on_matched_counts": {k: int(n) for k, (h, n) in sorted(self.attributes.items())},
            "precision_by_confidence": {k: {"correct": c, "predicted": n, "precision": round(c / n, 4) if n else None}
                                        for k, (c, n) in sorted(self.confidence_bins.items())},
            "false_events_on_negative_articles": self.negatives_fp, "articles": self.articles,
        }


def score(gold_rows: list[dict[str, Any]], pred_rows: list[dict[str, Any]], *,
          langs: dict[str, str] | None = None, count_background: bool = False) -> Report:
    preds: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in pred_rows:
        if isinstance(row.get("events"), list):
            preds[str(row.get("id") or row.get("article_id"))].extend(row["events"])
        else:
            preds[str(row.get("article_id"))].append(row)
    report = Report()
    for row in gold_rows:
        art = str(row["id"])
        report.articles += 1
        lang = (langs or {}).get(art, "all")
        gviews = [_dyad(e, gold=True) for e in row.get("events") or []]
        pviews = [d for e in preds.get(art, []) for d in expand(e)]
        core = [g for g in gviews if count_background or not g.background]
        optional = [] if count_background else [g for g in gviews if g.background]
        pairs = match(core, pviews)
        matched = {id(p) for _, p, _ in pairs}
        rest = [p for p in pviews if id(p) not in matched]
        excused = {id(p) for _, p, _ in match(optional, rest)}
        tp, fp, fn = len(pairs), len([p for p in rest if id(p) not in excused]), len(core) - len(pairs)
        for counts in (report.event, report.per_lang[lang]):
            counts.tp += tp
            counts.fp += fp
            counts.fn += fn
        if not gviews:
            report.negatives_fp += len(pviews)
        index_of = {id(g): n for n, g in enumerate(gviews)}
        for g, p, directed in pairs:
            report.directed_tp += directed
            report.per_type[g.type].tp += 1
            _attributes(report, g, p, key=f"{art}#{index_of[id(g)]}")
        matched_gold = {id(g) for g, _, _ in pairs}
        for g in core:
            if id(g) not in matched_gold:
                report.per_type[g.type].fn += 1
        for p in rest:
            if id(p) not in excused:
                report.per_type[p.type].fp += 1
        for p in pviews:
            if id(p) in excused:
                continue
            conf = float(p.raw.get("confidence") or 0.0)
            key = "≥0.8" if conf >= 0.8 else ("0.6–0.8" if conf >= 0.6 else "<0.6")
            report.confidence_bins[key][0] += id(p) in matched
            report.confidence_bins[key][1] += 1
    return report


def _attributes(report: Report, g: Dyad, p: Dyad, *, key: str) -> None:
    attr = report.attributes

    def add(name: str, hit: float) -> None:
        attr[name][0] += hit
        attr[name][1] += 1
        if name != "people_recall":  # one gold event has several people: not one outcome
            report.outcomes[name][key] = hit

    if g.mode:
        add("mode", float(g.mode == p.mode))
    sector = party_sector(g.raw.get("actor"))
    if sector:
        add("actor_sector", float((g.gold_actor, sector) in (p.actor_sectors | p.recipient_sectors)))
    if g.contexts:
        add("context_jaccard", len(g.contexts & p.contexts) / len(g.contexts | p.contexts))
    if g.loc_country:
        add("location_country", float((p.loc_country or "").upper() == g.loc_country.upper()))
    if g.loc_names:
        add("location_name", float(names_agree(g.loc_names[0], p.loc_names)))
    if g.date:
        add("date", float(dates_agree(g.date, p.date)))
    for name in g.people:
        add("people_recall", float(names_agree(name, p.people)))


def format_report(result: dict[str, Any]) -> str:
    lines = [f"articles {result['articles']}"]
    for key in ("event", "event_directed"):
        m = result[key]
        lines.append(f"{key:15s} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}  "
                     f"(tp {m['tp']} fp {m['fp']} fn {m['fn']})")
    for lang, m in result["per_lang"].items():
        lines.append(f"  language {lang:8s} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
    for k, v in result["on_matched"].items():
        lines.append(f"  on matched: {k:18s} {v:.3f}  (n={result['on_matched_counts'][k]})")
    for t, m in result["per_type"].items():
        lines.append(f"  {t:10s} P {m['precision']:.2f} R {m['recall']:.2f} F1 {m['f1']:.2f}  "
                     f"(tp {m['tp']} fp {m['fp']} fn {m['fn']})")
    for k, v in result["precision_by_confidence"].items():
        prec = "n/a" if v["precision"] is None else f"{v['precision']:.3f}"
        lines.append(f"  confidence {k:8s} precision {prec} ({v['correct']}/{v['predicted']})")
    lines.append(f"false events on no-event articles: {result['false_events_on_negative_articles']}")
    lines.append(f"event_f1 {result['event']['f1']:.4f}")
    return "\n".join(lines)
