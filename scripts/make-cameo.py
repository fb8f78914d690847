#!/usr/bin/env python3
"""Regenerate Sources/SitrepExtraction/Resources/cameo.tsv: CAMEO code -> PLOVER 2021 type, mode,
context, Goldstein score and QuadClass.

    python3 scripts/make-cameo.py ONTOLOGY_DIR

ONTOLOGY_DIR holds cameo2plover_2021.txt (Open Event Data Alliance, PLOVER repository, CC BY-SA 4.0)
and cameo_goldstein_scale.tsv (GDELT's CAMEO.goldsteinscale table). The PLOVER draft table still
uses the older names ACCUSE and REQUEST: ACCUSE with mode investigate becomes INVESTIGATE, other
ACCUSE rows DISAPPROVE, REQUEST becomes DEMAND (the 2021 type names).
QuadClass (GDELT): 1 verbal cooperation (roots 01-05), 2 material cooperation (06-09),
3 verbal conflict (10-14), 4 material conflict (15-20).
"""
import os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'Sources', 'SitrepExtraction', 'Resources', 'cameo.tsv')


def quad(code):
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, '..', 'shared', 'docs', 'ontology')
    goldstein = {}
    for line in open(os.path.join(src, 'cameo_goldstein_scale.tsv')):
        parts = line.strip().split('\t')
        if len(parts) == 2 and parts[0].isdigit():
            goldstein[parts[0]] = float(parts[1])
    rows = {}
    for line in open(os.path.join(src, 'cameo2plover_2021.txt')):
        m = re.match(r'^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)#?\s*(.*)$', line.rstrip('\n'))
        if not m:
            continue
        code, plover, mode, context, desc = m.groups()
        mode, context = mode.strip(), ';'.join(c.strip() for c in context.split(';') if c.strip())
        if plover == 'ACCUSE':
            plover = 'INVESTIGATE' if mode == 'investigate' else 'DISAPPROVE'
        elif plover == 'REQUEST':
            plover = 'DEMAND'
        if code not in rows:
            rows[code] = (plover, mode, context, desc.strip())
    with open(OUT, 'w') as f:
        f.write('# CAMEO code -> PLOVER 2021 type, mode, context; Goldstein score; QuadClass.\n')
        f.write('# Sources: PLOVER CAMEO conversion table (Open Event Data Alliance, CC BY-SA 4.0);\n')
        f.write('# Goldstein scale as in GDELT CAMEO.goldsteinscale. Regenerate: scripts/make-cameo.py.\n')
        f.write('# cameo\tplover\tmode\tcontext\tgoldstein\tquad_class\tdescription\n')
        for code in sorted(rows):
            plover, mode, context, desc = rows[code]
            g = goldstein.get(code, goldstein.get(code[:3], goldstein.get(code[:2], 0.0)))
            f.write('%s\t%s\t%s\t%s\t%s\t%d\t%s\n' % (code, plover, mode, context, g, quad(code), desc))
    print('wrote %d codes to %s' % (len(rows), OUT))


if __name__ == '__main__':
    main()
