#!/usr/bin/env python3
"""Builds predictions.json.gz: deterministic, deliberately imperfect predictions for every case of
tests/data/corpus, made from the gold itself, so that the scorer's every metric and every corner of
its input handling gets exercised (see tests/Winnow.Tests/Evaluation/ScorerParityTests.cs).

    python3 make_predictions.py                # rewrites predictions.json.gz
    python3 make_predictions.py --expand DIR   # writes its files under DIR (as the test does)

The output is one JSON object {"files": [{"path": relative path, "text" | "base64": content}, ...]}:
the test writes each file into a temporary prediction folder. Perturbations, per case (chosen by a
random generator seeded from the case's dataset and id, so a case's prediction never depends on the
others): body kept, reformatted, cut, padded with noise (including Unicode that tells Python's \\w and
\\s apart from other regex engines), or missing; snippets found, broken by whitespace, case or
zero-width characters; metadata exact, case/space/casefold variants, lists, numbers, wrong; comment
threads exact, partial, reworded, re-parented, with odd "parent" and "author" values, or malformed;
comment text leaked into the body; missing, unreadable (bad JSON, BOM, invalid UTF-8, a 5000-digit
integer), non-object and duplicated-key files; files at the three paths score.py looks at.
"""
import base64
import gzip
import hashlib
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "corpus")
OUT = os.path.join(HERE, "predictions.json.gz")

# Noise paragraphs: word characters Python's \w accepts or rejects (combining marks, connector
# punctuation, numerals of every category, astral letters), whitespace only Python's \s knows
# (U+001C-U+001F, U+0085), characters that are not whitespace to Python (U+200B, U+180E, U+FEFF).
NOISE = [
    "Subscribe to our newsletter and never miss a story again.",
    "Cafe\u0301 na\u0308ive re\u0301sume\u0301 with combining accents",
    "x\u00b2 + y\u00b2 = z\u00b2, \u00bd cup, chapter \u216b, \u2460 first",
    "snake_case tie\u203fbar under\u2040tie fullwidth \uff11\uff12\uff13",
    "\U0001d401\U0001d428\U0001d425\U0001d41d letters \U0001f600 emoji \U0001f44d\U0001f3fd",
    "\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8 and \u0e20\u0e32\u0e29\u0e32\u0e44\u0e17\u0e22 and \u0939\u093f\u0928\u094d\u0926\u0940",
    "\u0661\u0662\u0663 \u0664\u0665\u0666 arabic digits, \u0627\u0644\u0652\u0639\u064e\u0631\u064e\u0628\u0650\u064a\u0651\u0629 harakat",
    "sep\x1cara\x1dted\x1eby\x1funit separators and\x85next line",
    "zero\u200bwidth mongolian\u180evowel bom\ufeffinside",
    "\ufb01nance stra\u00dfe STRASSE \u017fhort \u03a3\u03bf\u03c6\u03af\u03b1 \u03c3\u03bf\u03c6\u03af\u03b1\u03c2",
    "Related: Top 10 things you should read next",
    "Share on Facebook Share on Twitter Share by email",
    "Cookies help us deliver our services. By using them you agree.",
]

# Whitespace a snippet may be re-spaced with (all \s to Python), and characters that break a match.
SPACES = ["\n", "  ", "\t", "\u00a0", "\u3000", "\x1c", "\u2009", "\r\n"]
BREAKERS = ["\u200b", "\u00ad"]


def case_rng(dataset, cid, salt=""):
    h = hashlib.sha256(f"{dataset}/{cid}/{salt}".encode("utf-8")).hexdigest()
    return random.Random(int(h[:16], 16))


def paragraphs(text):
    return [p for p in text.split("\n\n") if p.strip()]


def respace(text, rng):
    words = text.split(" ")
    out = words[0]
    for w in words[1:]:
        out += (rng.choice(SPACES) if rng.random() < 0.3 else " ") + w
    return out


def perturb_body(gold_body, rng):
    paras = paragraphs(gold_body)
    kind = rng.choices(["exact", "respaced", "drop", "noise", "drop+noise", "truncate", "empty",
                        "shuffle", "unicode"], [12, 10, 22, 18, 16, 6, 3, 5, 8])[0]
    if kind == "exact":
        return gold_body
    if kind == "respaced":  # same tokens, other whitespace and punctuation
        return respace(gold_body.replace(". ", " . ").replace(",", " ,"), rng)
    if kind == "empty":
        return ""
    if kind == "truncate":
        words = gold_body.split()
        return " ".join(words[: rng.randrange(0, max(1, len(words)))])
    if kind == "shuffle":
        rng.shuffle(paras)
        return "\n\n".join(paras)
    if kind in ("drop", "drop+noise") and len(paras) > 1:
        keep = [p for p in paras if rng.random() > 0.3] or paras[:1]
        paras = keep
    if kind in ("noise", "drop+noise", "unicode"):
        pool = NOISE if kind != "unicode" else NOISE[1:10]
        for _ in range(rng.randrange(1, 5)):
            paras.insert(rng.randrange(0, len(paras) + 1), rng.choice(pool))
    return "\n\n".join(paras)


def snippet_body(gold, rng):
    parts = []
    for w in gold.get("with") or []:
        r = rng.random()
        if r < 0.65:
            parts.append(w)
        elif r < 0.75:
            parts.append(respace(w, rng))  # still found: whitespace is normalised
        elif r < 0.82:
            parts.append(w.upper())  # missed: matching is case-sensitive
        elif r < 0.88 and " " in w:
            i = w.index(" ")
            parts.append(w[:i] + rng.choice(BREAKERS) + w[i:])  # missed: not whitespace to Python
    for w in gold.get("without") or []:
        if rng.random() < 0.25:
            parts.append(respace(w, rng) if rng.random() < 0.5 else w)
    for _ in range(rng.randrange(0, 3)):
        parts.append(rng.choice(NOISE))
    rng.shuffle(parts)
    joiner = rng.choice(["\n\n", " ", "\n", "\u00a0"])
    return joiner.join(parts)


def swap_sharp_s(text):
    return text.replace("\u00df", "ss") if "\u00df" in text else text.replace("ss", "\u00df", 1)


def perturb_text_field(value, rng, wrong):
    r = rng.random()
    if r < 0.35:
        return value
    if r < 0.45:
        return value.upper()  # casefold matches
    if r < 0.52:
        return "  " + value.replace(" ", " \n ") + "\u00a0"  # whitespace collapses
    if r < 0.57:
        return swap_sharp_s(value)  # casefold: "ß" == "ss"
    if r < 0.62:
        return [p.strip() for p in value.split(";")] if ";" in value else [value]
    if r < 0.70:
        return value + " | Example Site"
    if r < 0.75:
        return rng.choice([None, "", 0, 1.5, True, {"name": value}])
    if r < 0.80:
        return "MISSING"
    return wrong


def perturb_date(value, rng):
    r = rng.random()
    date = value[:10]
    y, m, d = date[:4], date[5:7], date[8:10]
    if r < 0.35:
        return value
    if r < 0.45:
        return f"{y}/{int(m)}/{int(d)}"
    if r < 0.52:
        return f"Published on {y}.{m}.{d} at noon"
    if r < 0.57:
        digits = {str(i): chr(0x0660 + i) for i in range(10)}  # Arabic-Indic digits: \d to Python
        return "".join(digits.get(c, c) for c in date)
    if r < 0.62:
        return f"{d}.{m}.{y}"  # no year-first date: no match
    if r < 0.67:
        return [date]
    if r < 0.72:
        return int(y + m + d)
    if r < 0.85:
        return f"{y}-{m}-{int(d) % 28 + 1:02d}T23:59:00+14:00"
    return None


def perturb_language(value, rng):
    return rng.choice([value, value.upper(), value + "-US", value.upper() + "_gb", "xx", "", None,
                       "-" + value, [value, "en"], value])


def perturb_comment_text(text, rng):
    words = text.split(" ")
    r = rng.random()
    if r < 0.5 or len(words) < 6:
        return text
    if r < 0.75:  # light edit: still matched (F1 >= 0.8)
        return " ".join(words[: max(1, len(words) - len(words) // 12)])
    if r < 0.9:  # heavy edit: not matched
        return " ".join(words[: len(words) // 2])
    return text.upper()  # tokens are case-sensitive: not matched


def perturb_thread(thread, rng):
    kind = rng.choice(["exact", "partial", "edited", "reparented", "reordered", "odd", "junk", "empty",
                       "malformed"])
    if kind == "empty":
        return []
    if kind == "malformed":
        return rng.choice(["not a list", {"0": thread[0]} if thread else {}, None, 42])
    out = [dict(c) for c in thread]
    if kind == "partial":
        out = [c for c in out if rng.random() > 0.35]  # parents now point at wrong places or past the end
    if kind == "edited":
        for c in out:
            c["text"] = perturb_comment_text(c["text"], rng)
            if rng.random() < 0.3:
                a = c.get("author")
                c["author"] = rng.choice([None, "", (a or "x").upper(), " " + (a or "") + " ", "Someone Else"])
    if kind == "reparented":
        for c in out:
            r = rng.random()
            if r < 0.3:
                c["parent"] = None
            elif r < 0.6 and len(out) > 1:
                c["parent"] = rng.randrange(0, len(out))
    if kind == "reordered":
        order = list(range(len(out)))
        rng.shuffle(order)
        new_pos = {old: new for new, old in enumerate(order)}
        moved = [dict(out[old]) for old in order]
        for c in moved:
            if isinstance(c.get("parent"), int):
                c["parent"] = new_pos.get(c["parent"])
        out = moved
    if kind == "odd":
        for c in out:
            c["parent"] = rng.choice([c.get("parent"), True, 1.0, -1, 10 ** 30, "0", c.get("parent")])
            if rng.random() < 0.2:
                c["author"] = rng.choice([5, ["a"], None])
        if out:
            out.insert(rng.randrange(0, len(out) + 1), "not a comment")
            out.insert(rng.randrange(0, len(out) + 1), {"author": "x"})  # no text
    if kind == "junk":
        for _ in range(rng.randrange(1, 4)):
            out.insert(rng.randrange(0, len(out) + 1),
                       {"author": "Spammer", "date": None, "text": rng.choice(NOISE), "parent": None})
        out.append({"author": None, "text": "\U0001f44d", "parent": None})
    return out


def prediction(gold, rng):
    pred = {}
    body = gold.get("body")
    if isinstance(body, str):
        pred["body"] = perturb_body(body, rng)
    else:
        pred["body"] = snippet_body(gold, rng)
    r = rng.random()
    if r < 0.03:  # the articleBody alias
        pred["articleBody"] = pred.pop("body")
    elif r < 0.05:
        pred["articleBody"] = pred["body"]
        pred["body"] = None
    elif r < 0.07:
        pred["body"] = rng.choice([12, ["a", "list"], {"text": "x"}])

    cw = [c for c in gold.get("comments_with") or [] if isinstance(c, str)]
    if cw:
        found = [c for c in cw if rng.random() < 0.6]
        r = rng.random()
        if r < 0.6:
            pred["comments"] = "\n\n".join(respace(c, rng) if rng.random() < 0.3 else c for c in found)
        elif r < 0.8:
            pred["comments"] = found
        elif r < 0.9:
            pred["comments"] = {"text": found[0] if found else ""}
        else:
            pred["comments"] = rng.choice([None, 0, True])

    wrong = {"title": "A Completely Different Headline", "author": "Jane Q. Public",
             "site_name": "Another Site"}
    for field in ("title", "author", "site_name"):
        v = gold.get(field)
        if isinstance(v, str) and v:
            pred[field] = perturb_text_field(v, rng, wrong[field])
        elif rng.random() < 0.2:
            pred[field] = "present although the gold lacks it"
    if isinstance(gold.get("date"), str) and len(gold["date"]) >= 10:
        pred["date"] = perturb_date(gold["date"], rng)
    if isinstance(gold.get("language"), str) and gold["language"]:
        pred["language"] = perturb_language(gold["language"], rng)

    thread = gold.get("thread")
    if isinstance(thread, list):
        pred["thread"] = perturb_thread(thread, rng)
        if rng.random() < 0.4:  # comment text leaked into the body
            leaked = [c["text"] for c in thread if rng.random() < 0.5]
            pred["body"] = (pred.get("body") if isinstance(pred.get("body"), str) else "") + "\n\n" + "\n\n".join(leaked)
    return pred


def encode(pred, rng):
    text = json.dumps(pred, ensure_ascii=rng.random() < 0.5, indent=rng.choice([None, 1, 2]))
    if rng.random() < 0.05:  # a repeated key: Python keeps the last value
        text = '{"body": "overridden by the later key", ' + text.lstrip()[1:]
    return text


UNREADABLE = [
    ("text", '{"body": "unterminated'),
    ("text", '{"body": "trailing comma",}'),
    ("text", ""),
    ("text", '{"body": "x", "n": ' + "7" * 5000 + "}"),  # over Python 3.11's 4300-digit int limit
    ("text", '{"body": "raw\tcontrol character"}'),
    ("bytes", b'\xef\xbb\xbf{"body": "behind a byte-order mark"}'),
    ("bytes", b'{"body": "invalid \xff utf-8"}'),
    ("text", "{'body': 'single quotes'}"),
]

ODD_BUT_READABLE = [
    '["a", "list", "is", "no", "object"]',
    '"just a string"',
    "null",
    '{"body": "NaN is fine for Python", "score": NaN, "other": -Infinity}',
    '{"body": "lone \\ud800 surrogate and \\ud83d\\ude00 pair and \\u0000 nul"}',
    '  \n{"body": "whitespace around"}\r\n\t ',
]


def main():
    cases = []
    for dirpath, dirnames, filenames in os.walk(CORPUS):
        dirnames.sort()
        for fn in sorted(filenames):
            if fn.endswith(".json"):
                with open(os.path.join(dirpath, fn), encoding="utf-8") as f:
                    rec = json.load(f)
                if isinstance(rec, dict) and "id" in rec and "dataset" in rec:
                    cases.append((os.path.relpath(os.path.join(dirpath, fn), CORPUS), rec))

    files = {}
    for rel, gold in cases:
        rng = case_rng(gold["dataset"], gold["id"])
        r = rng.random()
        path = rel.replace(os.sep, "/")
        if r < 0.05:
            continue  # missing prediction
        if r < 0.08:
            kind, content = UNREADABLE[rng.randrange(len(UNREADABLE))]
            files[path] = {"path": path, "unreadable": True,
                           **({"text": content} if kind == "text" else {"base64": base64.b64encode(content).decode()})}
            continue
        if r < 0.10:
            files[path] = {"path": path, "text": ODD_BUT_READABLE[rng.randrange(len(ODD_BUT_READABLE))]}
            continue
        text = encode(prediction(gold, rng), rng)
        if r < 0.14:
            path = gold["id"] + ".json"  # flat layout: PRED/<id>.json
        files.setdefault(path, {"path": path, "text": text})

    # A file for a case the gold does not have.
    files["readability/not-a-case.json"] = {"path": "readability/not-a-case.json", "text": '{"body": "stray"}'}
    # A folder where a case's prediction file would be: score.py moves on to PRED/<id>.json.
    rel, gold = next((rel, g) for rel, g in cases if g["dataset"] == "scrapinghub")
    path = rel.replace(os.sep, "/")
    files[path] = {"path": path, "directory": True}
    flat = gold["id"] + ".json"
    files[flat] = {"path": flat, "text": json.dumps({"body": gold["body"][: len(gold["body"]) // 2]})}
    out = {"_note": "generated by make_predictions.py; do not edit", "files": sorted(files.values(), key=lambda f: f["path"])}
    data = json.dumps(out, ensure_ascii=True, indent=0, sort_keys=True).encode("ascii")
    with open(OUT, "wb") as f:
        f.write(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{len(out['files'])} files, {len(data)} bytes, {os.path.getsize(OUT)} compressed")


def expand(target):
    with gzip.open(OUT, "rb") as f:
        fixture = json.load(f)
    for entry in fixture["files"]:
        path = os.path.join(target, *entry["path"].split("/"))
        if entry.get("directory"):
            os.makedirs(path, exist_ok=True)
            continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = base64.b64decode(entry["base64"]) if "base64" in entry else entry["text"].encode("utf-8", "surrogatepass")
        with open(path, "wb") as f:
            f.write(data)


if __name__ == "__main__":
    import sys
    if len(sys.argv) == 3 and sys.argv[1] == "--expand":
        expand(sys.argv[2])
    else:
        main()
