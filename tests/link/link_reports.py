"""Short reports written for the linking tests: one visit told in French and in English, and
another visit by the same delegation a week later."""

from __future__ import annotations

import json
from pathlib import Path

VISIT_FR = {
    "id": "fr-visite", "lang": "fr", "published": "2025-03-05",
    "url": "https://www.journal-nouakchott.example/defense/visite-marocaine",
    "title": "Une délégation militaire marocaine reçue à Nouakchott",
    "text": "Une délégation militaire marocaine reçue à Nouakchott\n\nUne délégation des Forces "
            "armées royales marocaines, conduite par le général Mohammed Berrid, s'est rendue le "
            "4 mars 2025 à Nouakchott, où elle a été reçue par le chef d'état-major de l'armée "
            "mauritanienne. Les deux parties ont examiné les moyens de renforcer la coopération "
            "militaire entre le Maroc et la Mauritanie.",
}
VISIT_EN = {
    "id": "en-visit", "lang": "en", "published": "2025-03-06",
    "url": "https://news.sahel-wire.example/2025/03/moroccan-delegation",
    "title": "Moroccan military delegation visits Mauritania",
    "text": "Moroccan military delegation visits Mauritania\n\nA delegation of the Royal Moroccan "
            "Armed Forces, led by General Mohammed Berrid, visited Nouakchott on March 4, 2025, "
            "where it was received by the chief of staff of the Mauritanian army. The two sides "
            "discussed ways to strengthen military cooperation between Morocco and Mauritania.",
}
SECOND_VISIT = {
    "id": "en-second-visit", "lang": "en", "published": "2025-03-12",
    "url": "https://news.sahel-wire.example/2025/03/second-visit",
    "title": "Moroccan officers back in Nouakchott",
    "text": "Moroccan officers back in Nouakchott\n\nA delegation of the Royal Moroccan Armed "
            "Forces visited Nouakchott on March 11, 2025, where it was received by officers of "
            "the Mauritanian army's engineering corps. The talks covered joint training "
            "programmes for military engineers.",
}


def write_reports(folder: Path, *reports: dict[str, str]) -> list[str]:
    """One JSONL file per report (in the order given); returns their paths."""
    paths = []
    for n, report in enumerate(reports):
        path = folder / f"{n:02d}-{report['id']}.jsonl"
        path.write_text(json.dumps(report, ensure_ascii=False) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths
