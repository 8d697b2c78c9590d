"""A synthetic corpus for the runner tests: short reports in French and English that code
quickly into events, plus inputs that must be stored as rejections."""

from __future__ import annotations

import json
import random
from pathlib import Path

COUNTRIES = [  # (French adjective, English adjective, capital)
    ("marocain", "Moroccan", "Rabat"), ("mauritanien", "Mauritanian", "Nouakchott"),
    ("algérien", "Algerian", "Alger"), ("tunisien", "Tunisian", "Tunis"),
    ("sénégalais", "Senegalese", "Dakar"), ("malien", "Malian", "Bamako"),
    ("français", "French", "Paris"), ("espagnol", "Spanish", "Madrid"),
]
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
TEMPLATES = {
    "fr": ["Le ministre {a} des Affaires étrangères s'est rendu le {d} {mois} 2024 à {city}, où il "
           "a rencontré le président {b}.",
           "Le gouvernement {a} a accusé le {d} {mois} 2024 l'armée {b} d'avoir violé la frontière.",
           "Le {d} {mois} 2024, le Maroc et la Mauritanie ont signé à {city} un accord de coopération."],
    "en": ["The {a} foreign minister visited {city} on {month} {d}, 2024, where he met the {b} "
           "president.",
           "The {a} government accused the {b} army on {month} {d}, 2024 of violating the border.",
           "On {month} {d}, 2024 the {a} and {b} governments signed a trade agreement in {city}."],
}


def write_corpus(path: Path, count: int, *, seed: int = 11) -> Path:
    """``count`` distinct articles, then a broken line, a German report and a duplicate text."""
    rng = random.Random(seed)
    lines: list[str] = []
    seen: set[str] = set()
    while len(lines) < count:
        n = len(lines)
        (fa, ea, _), (fb, eb, city) = rng.sample(COUNTRIES, 2)
        lang = "fr" if n % 2 == 0 else "en"
        month, day = rng.randrange(12), rng.randint(1, 28)
        template = rng.choice(TEMPLATES[lang])
        text = template.format(a=fa if lang == "fr" else ea, b=fb if lang == "fr" else eb,
                               city=city, d=day, mois=MOIS[month], month=MONTHS[month])
        if text in seen:
            continue
        seen.add(text)
        lines.append(json.dumps({"id": f"r{n:04d}", "lang": lang, "text": text,
                                 "published": f"2024-{month + 1:02d}-{day:02d}"}, ensure_ascii=False))
    lines.insert(count // 2, '{"id": "broken", "text": ')
    lines.insert(count // 3, json.dumps({"id": "de-1", "text": "Der deutsche Außenminister "
                                         "besuchte am Montag Paris und traf seinen Amtskollegen."}))
    first = json.loads(lines[0])
    lines.append(json.dumps({**first, "id": "copy-of-r0000"}, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
