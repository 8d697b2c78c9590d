"""Synthetic news reports for the store tests: short, varied, and coded into events.

Each report is built from a template in French or English with a pair of countries, a city and
a date, so a few hundred of them code quickly and give many distinct events.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

# (French adjective, English adjective, capital)
COUNTRIES = [
    ("marocain", "Moroccan", "Rabat"), ("mauritanien", "Mauritanian", "Nouakchott"),
    ("algérien", "Algerian", "Alger"), ("tunisien", "Tunisian", "Tunis"),
    ("sénégalais", "Senegalese", "Dakar"), ("malien", "Malian", "Bamako"),
    ("nigérien", "Nigerien", "Niamey"), ("tchadien", "Chadian", "N'Djamena"),
    ("français", "French", "Paris"), ("espagnol", "Spanish", "Madrid"),
]
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

FR = ("Le ministre {a} des Affaires étrangères s'est rendu le {d} {mois} 2024 à {city}, où il a "
      "rencontré le président {b}. Les deux responsables ont évoqué la coopération économique.")
FR_ACCUSE = ("Le gouvernement {a} a accusé le {d} {mois} 2024 l'armée {b} d'avoir violé la "
             "frontière commune.")
EN = ("The {a} foreign minister visited {city} on {month} {d}, 2024, where he met the {b} "
      "president. The two officials discussed trade and security.")
EN_ACCUSE = "The {a} government accused the {b} army on {month} {d}, 2024 of violating the border."


def synthetic_articles(count: int, *, seed: int = 7) -> list[dict[str, str]]:
    rng = random.Random(seed)
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    while len(out) < count:
        n = len(out)
        (fa, ea, _), (fb, eb, city) = rng.sample(COUNTRIES, 2)
        month = rng.randrange(12)
        day = rng.randint(1, 28)
        lang = "fr" if n % 2 == 0 else "en"
        accuse = n % 3 == 0
        if lang == "fr":
            text = (FR_ACCUSE if accuse else FR).format(a=fa, b=fb, city=city, d=day, mois=MOIS[month])
        else:
            text = (EN_ACCUSE if accuse else EN).format(a=ea, b=eb, city=city, d=day,
                                                        month=MONTHS[month])
        if text in seen:
            continue  # the same text twice would be one article (a duplicate)
        seen.add(text)
        out.append({"id": f"syn-{n:04d}", "lang": lang, "published": f"2024-{month + 1:02d}-{day:02d}",
                    "url": f"https://news{n % 5}.example/{n}", "text": text})
    return out


def write_corpus(path: Path, count: int, *, seed: int = 7) -> Path:
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n"
                            for a in synthetic_articles(count, seed=seed)), encoding="utf-8")
    return path
