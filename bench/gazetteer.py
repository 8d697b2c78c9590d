"""Gazetteer figures: cold build, cached load, memory added, lookups per second.

    python bench/gazetteer.py [--cache-dir DIR] [--rounds N]

The cold build runs in a child process on an empty temporary cache directory (unless
--cache-dir is given and already holds the index), so this process measures a cached load
only. RSS is read from /proc/self/status (VmRSS). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NEWS_NAMES = """
Paris Londres London Bruxelles Genève Berlin Madrid Rome Moscou Kiev Kyiv Varsovie Washington
Pékin Beijing Tokyo Alger Algiers Tunis Rabat Tripoli Le\u00a0Caire Cairo Khartoum Nouakchott
Bamako Niamey Ouagadougou N'Djaména Dakar Abuja Addis-Abeba Nairobi Kinshasa Beyrouth Damas
Bagdad Téhéran Riyad Doha Sanaa Amman Ankara Istanbul Gaza Cisjordanie Golan Crimée Donbass
Sahel Liptako-Gourma Tombouctou Timbuktu Gao Kidal Ménaka Mopti Tillabéri Diffa Agadez Djibo
Bobo-Dioulasso Maiduguri Abéché Tindouf Tamanrasset Ouargla Oujda Laâyoune Dakhla Smara Sfax
Gabès Benghazi Misrata Sebha Alep Homs Idleb Mossoul Erbil Odessa Kharkiv Marioupol Kherson
France Mali Niger Algérie Maroc Tunisie Libye Égypte Syrie Irak Iran Israël Liban Russie
Ukraine États-Unis Royaume-Uni Chine Allemagne Turquie RDC Palestine Nouvelle-Zélande
Xqzvwk Nord ONU Otan Tessalit Valence Saint-Louis Alexandria Hamilton Córdoba La\u00a0Havane
""".replace("\u00a0", "_").split()
NEWS_NAMES = [n.replace("_", " ") for n in NEWS_NAMES]


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


COLD = """
import resource, sys, time
from pathlib import Path
t = time.perf_counter()
from communique.resolve.gazetteer import Gazetteer
g = Gazetteer.load(cache_dir=Path(sys.argv[1]))
print(time.perf_counter() - t, int(g.built), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache-dir", type=Path, default=None,
                    help="cache directory (default: a fresh temporary one)")
    ap.add_argument("--rounds", type=int, default=20, help="passes over the name list")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="gazetteer-bench-") as tmp:
        cache_dir = args.cache_dir or Path(tmp)
        out = subprocess.run([sys.executable, "-c", COLD, str(cache_dir)], check=True,
                             capture_output=True, text=True).stdout.split()
        cold_s, built, cold_peak = float(out[0]), out[1] == "1", float(out[2])
        print(f"cache dir            {cache_dir}")
        print(f"first load (child)   {cold_s:.2f} s, {'built the index' if built else 'cache hit'},"
              f" peak RSS {cold_peak:.0f} MB")

        rss0 = rss_mb()
        t0 = time.perf_counter()
        from communique.resolve.gazetteer import Gazetteer, cache_file

        gaz = Gazetteer.load(cache_dir=cache_dir)
        load_s = time.perf_counter() - t0
        rss1 = rss_mb()
        size = cache_file(cache_dir).stat().st_size / 1e6
        print(f"cached load          {load_s:.3f} s (import included), built={gaz.built}")
        print(f"RSS added            {rss1 - rss0:.1f} MB (VmRSS {rss0:.0f} -> {rss1:.0f} MB)")
        print(f"cache file           {size:.1f} MB, {len(gaz)} cities")

        # a few hundred names: news names plus a spread of GeoNames city names
        step = max(1, len(gaz) // 300)
        names = NEWS_NAMES + [gaz._city_name(i) for i in range(0, len(gaz), step)]
        found = sum(gaz.resolve(n) is not None for n in names)
        t0 = time.perf_counter()
        for _ in range(args.rounds):
            for n in names:
                gaz.resolve(n, lang="fr")
        dt = time.perf_counter() - t0
        total = args.rounds * len(names)
        print(f"lookups              {len(names)} names x {args.rounds} rounds: "
              f"{total / dt:,.0f} lookups/s ({dt / total * 1e6:.0f} us each), "
              f"{found}/{len(names)} resolved")
        ctx_t0 = time.perf_counter()
        for _ in range(args.rounds):
            for n in names:
                gaz.resolve(n, context_countries=("MLI", "FRA"), lang="fr")
        ctx_dt = time.perf_counter() - ctx_t0
        print(f"lookups with context {total / ctx_dt:,.0f} lookups/s")


if __name__ == "__main__":
    main()
