#!/usr/bin/env python3
"""The same corpus through spaCy, the library a user would most likely reach for instead.

    alternative.py --corpus FILE.jsonl --triggers triggers.tsv --gazetteer gazetteer.tsv [--model NAME]

Runs in the throwaway virtualenv made by bench/run. With --model (a trained pipeline installed in that
virtualenv, such as en_core_web_sm) the documents go through it; otherwise through spacy.blank("en")
with a rule-based sentencizer and two PhraseMatchers doing sitrep's first job: find trigger words
(sitrep's own triggers.tsv, inflected) and place names (sitrep's gazetteer), and print one JSON line per
sentence that has a trigger, with the places in it. Prints a JSON summary on stdout.
"""

import argparse
import json
import os
import sys
import time

import spacy
from spacy.matcher import PhraseMatcher


def trigger_phrases(path):
    """The phrases of triggers.tsv with the inflections sitrep adds (-s, -ed, -ing; plural -s)."""
    phrases = set()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            columns = line.rstrip("\n").split("\t")
            forms = [form.strip().lower() for form in columns[0].split("|") if form.strip()]
            pos = columns[2] if len(columns) > 2 else "x"
            for form in forms:
                phrases.add(form)
                if pos == "v" and form == forms[0]:
                    stem = form[:-1] if form.endswith("e") else form
                    phrases.update({form + "s", stem + "ed", stem + "ing"})
                elif pos == "n" and form == forms[0]:
                    phrases.add(form + "s")
    return sorted(phrases)


def place_names(path):
    names = set()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            columns = line.rstrip("\n").split("\t")
            if len(columns) > 1 and columns[1]:
                names.add(columns[1])
    return sorted(names)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--triggers", required=True)
    parser.add_argument("--gazetteer", required=True)
    parser.add_argument("--model", help="an installed trained pipeline (default: spacy.blank('en') + rules)")
    arguments = parser.parse_args()

    load_started = time.perf_counter()
    if arguments.model:
        nlp = spacy.load(arguments.model)
        pipeline = "%s %s (spaCy %s)" % (arguments.model, nlp.meta.get("version", "?"), spacy.__version__)
    else:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        pipeline = "spacy.blank('en') + sentencizer + PhraseMatcher (spaCy %s)" % spacy.__version__
    triggers = PhraseMatcher(nlp.vocab, attr="LOWER")
    triggers.add("TRIGGER", [nlp.make_doc(phrase) for phrase in trigger_phrases(arguments.triggers)])
    places = PhraseMatcher(nlp.vocab)
    places.add("PLACE", [nlp.make_doc(name) for name in place_names(arguments.gazetteer)])
    load_seconds = time.perf_counter() - load_started

    with open(arguments.corpus, "rb") as handle:
        raw = handle.read()
    records = [json.loads(line) for line in raw.splitlines() if line.strip()]
    texts = ((record["text"], record["id"]) for record in records)

    started = time.perf_counter()
    cpu_started = time.process_time()
    hits = 0
    with open(os.devnull, "w") as out:
        for doc, identifier in nlp.pipe(texts, as_tuples=True, batch_size=256):
            found_places = places(doc, as_spans=True)
            for span in triggers(doc, as_spans=True):
                sentence = span.sent
                where = [place.text for place in found_places
                         if sentence.start <= place.start < sentence.end]
                out.write(json.dumps({"doc": identifier, "trigger": span.text, "places": where,
                                      "sentence": sentence.text}) + "\n")
                hits += 1
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started

    json.dump({
        "pipeline": pipeline, "bytes": len(raw), "documents": len(records), "trigger_sentences": hits,
        "load_s": load_seconds, "wall_s": seconds, "cpu_s": cpu_seconds,
        "mb_per_s": len(raw) / 1e6 / seconds, "documents_per_s": len(records) / seconds,
    }, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
