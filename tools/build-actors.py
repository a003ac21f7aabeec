#!/usr/bin/env python3
"""Regenerates data/actors/people/world/*.tsv from the fact tables in ../shared/reference/actors-facts/.

Usage: python3 tools/build-actors.py [REFERENCE_DIR]   (default: ../shared/reference/actors-facts)

For every state of data/actors/states.tsv that no hand-written people file covers, the heads of
state and government with dated roles, in Dyad's people format (name, aliases, actor, role, from,
to), one file per state. Facts come from:
- CIA World Factbook 1990-2025 (public domain): the "chief of state" and "head of government"
  entries with their titles and "since" dates; a term ends where the next holder's begins.
- Archigos 4.1 (effective national leaders 1945-2015; via the CC BY 4.0 manystates package):
  exact start and end dates, full names where DBpedia gives them; a spell no Factbook term covers
  becomes a "Leader of <state>" term.
Where the two give the same person different start dates (more than 31 days apart) the more
specific date is kept (a full date over a month or year) and both are written to
data/actors/people/world/conflicts.txt; nothing is dropped silently. People already in a
hand-written file, single-word names under five letters and names that are common English words
are left out and listed there too.
"""
import glob
import os
import re
import sys
import unicodedata
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REF = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "reference", "actors-facts")
OUT = os.path.join(ROOT, "data", "actors", "people", "world")
MONTHS = {m: i + 1 for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july",
                                          "august", "september", "october", "november", "december"])}
LATEST_EDITION = 2025

# Factbook titles (as printed before the name) and the office they name; anything else that is
# not noise (Vice President, Governor, Administrator ...) is no head of state or government.
ROLES = {"President": "President", "Interim President": "President", "Transitional President": "President",
         "Prime Minister": "Prime Minister", "Interim Prime Minister": "Prime Minister", "Premier": "Prime Minister",
         "King": "King", "Queen": "Queen", "Amir": "Emir", "Emir": "Emir", "Sultan": "Sultan", "Grand Duke": "Grand Duke",
         "Prince": "Prince", "Chairman": "Chairman", "Chancellor": "Chancellor", "Captain Regent": "Captain Regent",
         "Supreme Leader": "Supreme Leader"}
NOISE = {"", "Dr.", "Gen.", "Sir", "Maj. Gen.", "Lt. Gen.", "Col.", "Brig. Gen.", "Lt. Col.", "Capt.", "Field Marshal"}
MONARCHS_OF_REALMS = {"Elizabeth II", "Charles III", "Queen Elizabeth II", "King Charles III"}


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


def read(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            cells = line.rstrip("\n").split("\t")
            yield dict(zip(header, cells + [""] * (len(header) - len(cells))))


def since(text, edition):
    """The date a "since" text gives, as (YYYY[-MM[-DD]], precision 0-3); else the year before the edition."""
    t = text.strip().lower().replace(",", " ")
    m = re.search(r"(\d{1,2})\s+([a-z]+)\s+(\d{4})", t)
    if m and m.group(2) in MONTHS:
        return "%s-%02d-%02d" % (m.group(3), MONTHS[m.group(2)], int(m.group(1))), 3
    m = re.search(r"([a-z]+)\s+(\d{4})", t)
    if m and m.group(1) in MONTHS:
        return "%s-%02d" % (m.group(2), MONTHS[m.group(1)]), 2
    m = re.search(r"(\d{4})", t)
    if m:
        return m.group(1), 1
    return str(int(edition) - 1), 0


# Lower-case words a person's name may hold ("Charles de Gaulle", "Abd al-Aziz", "Birendra of Nepal").
NAME_PARTICLES = {"de", "da", "das", "do", "dos", "du", "del", "della", "des", "di", "van", "von", "der", "den", "ter",
                  "bin", "ibn", "bint", "binti", "ben", "al", "el", "la", "le", "les", "los", "las", "y", "e", "ould",
                  "wa", "of", "dit", "und", "zu"}


def not_a_name(name):
    """A body or a description in a leader table ("Executive council", "anti-Noriega"): a lower-case word that is no particle."""
    for word in re.split(r"[ ]+", name):
        head = word.split("-")[0]
        if head and head[0].islower() and head not in NAME_PARTICLES:
            return True
    return False


def key(name):
    return fold(re.sub(r"[^\w\s'-]", " ", name)).split()


def surname(name):
    parts = key(name.split(",")[0])
    return parts[-1] if parts else ""


def same_person(a, b):
    """Two spellings of one name: the same surname, and one's words (initials aside) all in the other's."""
    wa = {w for w in key(a.split(",")[0]) if len(w.strip(".")) > 1}
    wb = {w for w in key(b.split(",")[0]) if len(w.strip(".")) > 1}
    return surname(a) == surname(b) and (wa <= wb or wb <= wa)


# ---- what Dyad already has ----------------------------------------------------------------------
states = {}
for line in open(os.path.join(ROOT, "data", "actors", "states.tsv"), encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    cells = line.rstrip("\n").split("\t")
    states.setdefault(cells[0], cells[1].split("|")[0])
known_names, covered = set(), set()
for path in glob.glob(os.path.join(ROOT, "data", "actors", "people", "*.tsv")):
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cells = line.rstrip("\n").split("\t")
        known_names.add(" ".join(key(cells[0])))
        for alias in cells[1].split("|"):
            if alias:
                known_names.add(" ".join(key(alias)))
        if len(cells) > 2 and re.match(r"^[A-Z]{3}", cells[2]):
            covered.add(cells[2][:3])
common = set()
for line in open(os.path.join(ROOT, "data", "actors", "lexicon", "words.tsv"), encoding="utf-8"):
    if line.startswith("common-surnames\t"):
        common = set(line.rstrip("\n").split("\t")[1].split("|"))
targets = sorted(c for c in states if c not in covered)

# ---- terms from the Factbook ----------------------------------------------------------------------
report = []
terms = defaultdict(list)  # iso3 -> [term]
for row in read(os.path.join(REF, "people", "factbook_people.tsv")):
    iso, field, role = row["iso3"], row["field"], row["role"].strip()
    if iso not in targets or not field.startswith("executive:") or ("chief of state" not in field and "head of government" not in field):
        continue
    if role in ROLES:
        office = ROLES[role]
    elif role in NOISE:
        office = "Head of State" if "chief of state" in field else "Head of Government"
    else:
        continue
    name = row["name"].strip().replace("`", "'")
    if name in MONARCHS_OF_REALMS or office in ("King", "Queen") and surname(name) in ("ii", "iii") and iso not in ("ESP", "NOR", "SWE", "DNK", "NLD", "BEL", "JOR", "MAR", "THA", "BTN", "LSO", "SWZ", "TON", "KHM", "BHR"):
        continue
    start, precision = since(row["since"], row["first_edition"])
    group = "state" if "chief of state" in field else "government"
    terms[iso].append(dict(name=name, office=office, start=start, precision=precision, group=group,
                           last=int(row["last_edition"] or LATEST_EDITION), aliases=set(), source="Factbook"))

# one term per person, office and start (chief of state and head of government often repeat)
for iso in terms:
    seen, unique = set(), []
    for t in sorted(terms[iso], key=lambda t: (t["start"], t["name"])):
        k = (fold(t["name"]), t["office"], t["start"][:4])
        if k in seen:
            continue
        seen.add(k)
        unique.append(t)
    terms[iso] = unique

# ---- spells from Archigos ---------------------------------------------------------------------------
for row in read(os.path.join(REF, "people", "archigos_leaders.tsv")):
    iso = row["iso3"]
    if iso not in targets:
        continue
    short = row["leader"].split(",")[0].strip()
    full = row["full_name_dbpedia"].strip()
    name = full or short
    spell = dict(name=name, office="Leader", start=row["start"], precision=3, end=row["end"], group="leader",
                 last=None, aliases={a for a in (short, full) if a and a != name and " " in a}, source="Archigos")
    # the Factbook term of the same person that overlaps the spell, if any
    match = None
    for t in terms[iso]:
        if t["group"] == "leader" or not same_person(t["name"], name):
            continue
        if abs(int(t["start"][:4]) - int(spell["start"][:4])) <= 1 or t["start"][:4] <= spell["end"][:4] and spell["start"][:4] <= str(t["last"]):
            match = t
            break
    if match is None:
        terms[iso].append(spell)
        continue
    match["aliases"] |= {a for a in (short, full) if a and fold(a) != fold(match["name"]) and " " in a}
    # overlapping start dates: the more specific wins, a disagreement is reported
    if match["start"][:4] == spell["start"][:4] or abs(int(match["start"][:4]) - int(spell["start"][:4])) <= 1:
        a, b = match["start"], spell["start"]
        if a != b and (len(a) < len(b) or abs((int(a[:4]) * 12 + int((a + "-01")[5:7])) - (int(b[:4]) * 12 + int(b[5:7]))) > 1):
            chosen = b if len(b) > len(a) else a
            report.append("%s\t%s\tstart\tFactbook %s\tArchigos %s\tkept %s" % (iso, match["name"], a, b, chosen))
            match["start"] = chosen

# a spell of someone the Factbook names in full under another term ("Jerry Rawlings" in 1979) takes that name
for iso in targets:
    full = [t for t in terms[iso] if t["source"] == "Factbook"]
    for t in terms[iso]:
        if t["source"] != "Archigos":
            continue
        for u in full:
            forms = {fold(u["name"])} | {fold(a) for a in u["aliases"]}
            if fold(t["name"]) in forms or same_person(u["name"], t["name"]):
                t["name"] = u["name"]
                break
    # spellings of one name across editions ("Festus Mogae", "Festus G. Mogae") become one person under the longest
    names = sorted({t["name"] for t in terms[iso]}, key=lambda n: (-len(n), n))
    for t in terms[iso]:
        longest = next(n for n in names if same_person(n, t["name"]))
        if longest != t["name"]:
            t["aliases"].add(t["name"])
            t["name"] = longest

# ---- write ----------------------------------------------------------------------------------------
os.makedirs(OUT, exist_ok=True)
for old in glob.glob(os.path.join(OUT, "*.tsv")):
    os.remove(old)
written = 0
for iso in targets:
    rows = []
    by_group = defaultdict(list)
    for t in terms[iso]:
        by_group[t["group"]].append(t)
    for group, ts in by_group.items():
        ts.sort(key=lambda t: (t["start"], t["name"]))
        for i, t in enumerate(ts):
            if t["source"] == "Archigos":
                end = t["end"] if t["end"] < "2015-12-31" else ""
            else:
                later = [u["start"] for u in ts[i + 1:] if fold(u["name"]) != fold(t["name"]) and u["start"] > t["start"]]
                end = later[0] if later else ("" if t["last"] >= LATEST_EDITION else str(t["last"]))
            rows.append((t, end))
    # one spelling per name as Dyad keys names ("Al-Khalifa" = "Al Khalifa"), the first met
    spelling, lines = {}, []
    for t, _ in rows:
        spelling.setdefault(" ".join(key(t["name"].replace("-", " "))), t["name"])
    for t, _ in rows:
        t["name"] = spelling[" ".join(key(t["name"].replace("-", " ")))]
    names = set(spelling)
    for t, _ in rows:
        t["aliases"] = {a for a in t["aliases"] if " ".join(key(a.replace("-", " "))) not in names}
    for t, end in sorted(rows, key=lambda r: (r[0]["start"], r[0]["name"])):
        words = key(t["name"])
        k = " ".join(words)
        if not words or not t["name"][0].isalpha():
            continue
        if k in known_names:
            report.append("%s\t%s\tleft out\talready in a hand-written people file" % (iso, t["name"]))
            continue
        if len(words) == 1 and (len(words[0]) < 5 or words[0] in common):
            report.append("%s\t%s\tleft out\ta single short or common word" % (iso, t["name"]))
            continue
        if not_a_name(t["name"]):
            report.append("%s\t%s\tleft out\ta body or a description, not a person's name" % (iso, t["name"]))
            continue
        role = "%s of %s" % (t["office"], states[iso])
        aliases = "|".join(sorted(a for a in t["aliases"] if " ".join(key(a)) not in known_names))
        lines.append("\t".join([t["name"], aliases, iso + "GOV", role, t["start"], end]))
    if not lines:
        report.append("%s\t-\tno heads of state or government in the reference tables" % iso)
        continue
    with open(os.path.join(OUT, iso.lower() + ".tsv"), "w", encoding="utf-8") as f:
        f.write("# name\taliases\tactor\trole\tfrom\tto\n")
        f.write("# %s: heads of state and government, generated by tools/build-actors.py from the CIA World\n" % states[iso])
        f.write("# Factbook 1990-2025 and Archigos 4.1 (../shared/reference/actors-facts); rerun the tool, do not edit.\n")
        # one row per office: a person with two offices has two rows, which the loader merges by name
        seen = set()
        for line in lines:
            cells = line.split("\t")
            if (cells[0], cells[4]) not in seen:  # a head of state and of government from the same day is one term
                f.write(line + "\n")
                seen.add((cells[0], cells[4]))
    written += 1

with open(os.path.join(OUT, "conflicts.txt"), "w", encoding="utf-8") as f:
    f.write("# What tools/build-actors.py did not take as it found it: state, name, what, and why.\n")
    for line in sorted(set(report)):
        f.write(line + "\n")
print("%d states written, %d report lines, %d states without a hand-written people file" % (written, len(set(report)), len(targets)))
