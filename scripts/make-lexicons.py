#!/usr/bin/env python3
"""Writes sitrep's lexicons taken from the established event coders' dictionaries:

    Resources/agents.tsv          generic actor nouns with their sector ("shopkeeper", "gunman")
    Resources/casualty-verbs.tsv  words that state deaths or injuries, every inflection ("murder",
                                  "murders", "assassinated", "slew")
    Resources/demonyms.tsv        demonyms and country names sitrep's countries.tsv lacks
    Resources/discards.tsv        phrases that mark sports, entertainment, disease and other stories
                                  that use the words of war without its harm

    python3 scripts/make-lexicons.py [--shared DIR]

Sources (../shared/data/dicts, see ../shared/data/README.md for the full credits):
  agents.tsv          petrarch2 Phoenix.agents.txt (MIT, (c) 2014 Open Event Data Alliance) and
                      NGEC-2025 PLOVER_agents.txt (MIT); sector mapping as given there
  casualty_verbs.tsv  petrarch2 CAMEO.2.0.txt KILL/ASSASSINATE/MASSACRE/DIE/HURT blocks (MIT),
                      inflections from verb_forms.tsv (lemminflect 0.2.3, MIT; NIH SPECIALIST
                      Lexicon, public domain)
  demonyms.tsv        NGEC-2025 countries.csv (MIT) and mordecai nat_df.csv (MIT, (c) 2017 Andy
                      Halterman, 2015 Caerus Associates)
  discards.tsv        petrarch2 Phoenix.discards.txt (MIT, (c) 2014 Open Event Data)

Only the columns sitrep reads are kept, and only the rows sitrep's own files do not already have.
Every output starts with a comment naming its source and licence.
"""
import argparse
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
RESOURCES = os.path.join(REPO, 'Sources', 'SitrepExtraction', 'Resources')

# Sectors sitrep knows (ActorSector in Swift); a row with another sector is not taken.
SECTOR_NAMES = {
    'GOV': 'Government', 'MIL': 'Military', 'COP': 'Police', 'REB': 'Rebels', 'CVL': 'Civilians',
    'OPP': 'Opposition', 'JUD': 'Judiciary', 'PTY': 'Party', 'CRM': 'Criminals', 'NGO': 'NGO',
}
# The coders' agent lists also hold institutions and things ("hospital", "capital", "settlement",
# "television") that in running text are places or objects, not the actor of an event; sitrep takes
# only the nouns for people, told by the ending of their last word.
PERSON_ENDINGS = re.compile(r'(man|men|woman|women|person|people|er|ers|or|ors|ist|ists|ian|ians|ee|ees|'
                            r'ant|ants|ent|ents|crat|crats|ite|ites|ster|sters|ive|ives)$')
NOT_PERSON_ENDINGS = re.compile(r'(ment|ments|ster|sters|liner|liners|ership|er\.)$')
# Discards that mark time, not a kind of story ("years ago", "months later"): PETRARCH drops such
# sentences as history; sitrep dates them instead.
TIME_WORDS = {'ago', 'later'}


def table(shared, name):
    """Rows of a dicts table as dicts, the `# source:` line skipped."""
    path = os.path.join(shared, 'data', 'dicts', name)
    header, rows = None, []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            cells = line.split('\t')
            if header is None:
                header = cells
                continue
            rows.append(dict(zip(header, cells + [''] * (len(header) - len(cells)))))
    return rows


def existing_phrases(name, column=0):
    """Every phrase (lower case) already listed in one of sitrep's own resource files."""
    phrases = set()
    with open(os.path.join(RESOURCES, name), encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            cells = line.rstrip('\n').split('\t')
            if len(cells) > column:
                phrases.update(p.strip().lower() for p in cells[column].split('|') if p.strip())
    return phrases


def write(name, header_lines, rows):
    path = os.path.join(RESOURCES, name)
    with open(path, 'w', encoding='utf-8') as f:
        for line in header_lines:
            f.write('# %s\n' % line)
        for row in rows:
            f.write('\t'.join(row) + '\n')
    print('wrote %s: %d rows' % (os.path.relpath(path, REPO), len(rows)))


def is_person_noun(phrase):
    last = phrase.split()[-1]
    return bool(PERSON_ENDINGS.search(last)) and not NOT_PERSON_ENDINGS.search(last)


def agents(shared):
    known = existing_phrases('sectors.tsv') | existing_phrases('cues.tsv')
    by_sector = {}
    for row in table(shared, 'agents.tsv'):
        sector = row['sitrep_sector'].strip()
        if sector not in SECTOR_NAMES or row['sitrep_now'].strip():
            continue
        forms = [f.strip().lower() for f in row['forms'].split('|') if f.strip()]
        forms = [f for f in forms if f not in known and len(f) > 2 and is_person_noun(f)]
        for form in forms:
            by_sector.setdefault(sector, set()).add(form)
    rows = []
    for sector in sorted(by_sector):
        # One row per phrase keeps the file easy to diff and to override.
        for phrase in sorted(by_sector[sector]):
            rows.append((phrase, sector, SECTOR_NAMES[sector]))
    write('agents.tsv', [
        'Generic actor nouns: phrase, sector, sector name. Generated by scripts/make-lexicons.py from',
        'petrarch2 Phoenix.agents.txt (MIT, (c) 2014 Open Event Data Alliance) and NGEC-2025',
        'PLOVER_agents.txt (MIT). Only nouns for people; phrases already in sectors.tsv or cues.tsv are left out.',
    ], rows)


def casualty_verbs(shared):
    known = existing_phrases('casualties.tsv')
    forms_of = {row['lemma'].strip().lower(): [f for f in row['forms'].lower().split('|') if f]
                for row in table(shared, 'verb_forms.tsv')}
    rows, seen = [], set()
    for row in table(shared, 'casualty_verbs.tsv'):
        caution = row['caution'].lower()
        # "hung a banner", "dying industry": forms the coders mark as often not a casualty.
        if 'non-violent' in caution or caution.startswith('weak'):
            continue
        what, form, lemma = row['what'].strip(), row['form'].strip(), row['cameo_lemma'].strip().lower()
        if what not in ('killed', 'injured') or form not in ('verb', 'state'):
            continue
        phrases = [row['phrase'].strip().lower()]
        # Every inflection of the lemma (a phrase inflects its first word: gun down -> gunned down).
        head, _, rest = lemma.partition(' ')
        for inflected in forms_of.get(head, []):
            phrases.append((inflected + ' ' + rest).strip())
        for phrase in phrases:
            # A participle ("assassinated") states what happened to a victim named before it.
            kind = 'state' if form == 'verb' and phrase.endswith('ed') and ' ' not in phrase else form
            if phrase in known or phrase in seen:
                continue
            seen.add(phrase)
            # A death stated is also a trigger of the kill class where triggers.tsv has none.
            rows.append((phrase, what, kind, 'kill' if what == 'killed' else ''))
    rows.sort()
    write('casualty-verbs.tsv', [
        'Words that state deaths or injuries: phrase, killed|injured, verb|state (as casualties.tsv), and',
        'the trigger class they are where triggers.tsv has none.',
        'Generated by scripts/make-lexicons.py from the CAMEO KILL/ASSASSINATE/MASSACRE/HURT blocks of',
        'petrarch2 CAMEO.2.0.txt (MIT, (c) 2015 Open Event Data Alliance), inflected with lemminflect',
        '0.2.3 (MIT; NIH SPECIALIST Lexicon, public domain). Phrases already in casualties.tsv are left out.',
    ], rows)


def demonyms(shared):
    known = existing_phrases('countries.tsv', 1) | existing_phrases('countries.tsv', 2)
    rows = []
    for row in table(shared, 'demonyms.tsv'):
        iso2 = row['iso2'].strip().upper()
        if len(iso2) != 2:
            continue
        extra = [d.strip() for d in row['not_in_sitrep'].split('|') if d.strip()]
        # Bracketed or misspelt variants ("Cocos [Keeling] Islands") are the coders' notes, not names.
        extra = [d for d in extra if '[' not in d and d.lower() not in known]
        if extra:
            rows.append((iso2, '', '|'.join(extra)))
    write('demonyms.tsv', [
        'Demonyms sitrep\'s countries.tsv lacks: iso2, names, demonyms (as countries.tsv). Generated by',
        'scripts/make-lexicons.py from NGEC-2025 countries.csv (MIT) and mordecai nat_df.csv (MIT,',
        '(c) 2017 Andy Halterman, 2015 Caerus Associates).',
    ], rows)


def discards(shared):
    rows, seen = [], set()
    for row in table(shared, 'discards.tsv'):
        phrase = ' '.join(row['phrase'].lower().split())
        words = set(phrase.split())
        if not phrase or phrase in seen or words & TIME_WORDS or any(c.isdigit() for c in phrase):
            continue
        seen.add(phrase)
        rows.append((phrase, 'discard'))
    rows.sort()
    write('discards.tsv', [
        'Phrases of sports, entertainment, disease and other stories that use the words of war without',
        'its harm: phrase, cue (as cues.tsv). Generated by scripts/make-lexicons.py from petrarch2',
        'Phoenix.discards.txt (MIT, (c) 2014 Open Event Data).',
    ], rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--shared', default=os.path.join(REPO, '..', 'shared'))
    args = ap.parse_args()
    agents(args.shared)
    casualty_verbs(args.shared)
    demonyms(args.shared)
    discards(args.shared)


if __name__ == '__main__':
    main()
