#!/usr/bin/env python3
"""Lexical-quality checks against a plain SQLite FTS5 bm25 baseline.

  scripts/lexical-variants.py make SRC OUT       # writes variants of the BEIR collection SRC
  scripts/lexical-variants.py baseline DIR       # plain FTS5 bm25 figures of DIR (JSON)

Variants (docs/benchmarks.md, "Long queries and document lengths"): long queries (the query
plus a random document's words, or plus a relevant document's words with that document's
judgement dropped, or the query repeated), varied document lengths (a third padded with
other documents' text, a third cut to 20 words), the two combined, and long queries whose
own words come after a relevant document's.

The baseline is the simplest honest one: a temporary SQLite database with
fts5(body, tokenize='porter') over the same title + text as eval-search, the query's words
(runs of letters and digits) quoted and OR-ed, ORDER BY bm25(t), top 100. Metrics as
core/search/retrievalmetrics.cpp (nDCG@10 with graded gains, recall@100, MRR@10).
"""
import json
import math
import os
import random
import re
import sqlite3
import sys

WORD = re.compile(r"[^\W_]+", re.UNICODE)


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_qrels(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3 or not cols[2].strip().lstrip("-").isdigit():
                continue
            out.setdefault(cols[0], {})[cols[1]] = int(cols[2])
    return out


def content(doc):
    title = doc.get("title", "").strip()
    text = doc.get("text", "")
    return text if not title or text.startswith(title) else title + ". " + text


def write_collection(out, corpus, queries, splits):
    os.makedirs(os.path.join(out, "qrels"), exist_ok=True)
    with open(os.path.join(out, "corpus.jsonl"), "w", encoding="utf-8") as f:
        for d in corpus:
            f.write(json.dumps(d) + "\n")
    with open(os.path.join(out, "queries.jsonl"), "w", encoding="utf-8") as f:
        for qid, text in queries.items():
            f.write(json.dumps({"_id": qid, "text": text}) + "\n")
    for name, qrels in splits.items():
        with open(os.path.join(out, "qrels", name), "w", encoding="utf-8") as f:
            f.write("query-id\tcorpus-id\tscore\n")
            for qid, judged in qrels.items():
                for did, g in judged.items():
                    f.write(f"{qid}\t{did}\t{g}\n")


def make(src, out):
    corpus = read_jsonl(os.path.join(src, "corpus.jsonl"))
    queries = {q["_id"]: q["text"] for q in read_jsonl(os.path.join(src, "queries.jsonl"))}
    splits = {n: read_qrels(os.path.join(src, "qrels", n))
              for n in sorted(os.listdir(os.path.join(src, "qrels"))) if n.endswith(".tsv")}
    byid = {d["_id"]: d for d in corpus}
    rng = random.Random(7)

    def words(text):
        return WORD.findall(text)

    def long_random(qid, q):
        target = rng.randint(30, 150)
        extra = []
        while len(words(q)) + len(extra) < target:
            extra += words(content(rng.choice(corpus)))
        return q + " " + " ".join(extra[: max(0, target - len(words(q)))])

    def vary_lengths(docs):
        out = []
        for i, d in enumerate(docs):
            d = dict(d)
            w = words(d.get("text", ""))
            if i % 3 == 1:  # padded: 2-6 other documents' text appended
                pad = []
                for _ in range(rng.randint(2, 6)):
                    pad += words(content(rng.choice(docs)))
                d["text"] = d.get("text", "") + " " + " ".join(pad)
            elif i % 3 == 2:  # cut to 20 words
                d["text"] = " ".join(w[:20])
                d["title"] = ""
            out.append(d)
        return out

    # 1. long queries: the query + a random document's words (30-150 words in all)
    write_collection(os.path.join(out, "long-random"), corpus,
                     {qid: long_random(qid, q) for qid, q in queries.items()}, splits)
    # 2. long queries: the query + the first 100 words of one relevant document, whose
    #    judgement is dropped (it would be a giveaway)
    lq, ls = {}, {n: {} for n in splits}
    for n, qrels in splits.items():
        for qid, judged in qrels.items():
            rel = sorted(d for d, g in judged.items() if g > 0 and d in byid)
            if len(rel) < 2:
                ls[n][qid] = judged
                lq[qid] = queries[qid]
                continue
            pick = rng.choice(rel)
            lq[qid] = queries[qid] + " " + " ".join(words(content(byid[pick]))[:100])
            ls[n][qid] = {d: g for d, g in judged.items() if d != pick}
    write_collection(os.path.join(out, "long-relevant"), corpus, lq, ls)
    # 3. long queries: the query repeated to at least 30 words
    rep = {}
    for qid, q in queries.items():
        r = q
        while len(words(r)) < 30:
            r += " " + q
        rep[qid] = r
    write_collection(os.path.join(out, "repeated"), corpus, rep, splits)
    # 4. varied document lengths, the original queries
    varied = vary_lengths(corpus)
    write_collection(os.path.join(out, "lengths"), varied, queries, splits)
    # 5. both: long random-padded queries over varied lengths
    write_collection(os.path.join(out, "long-random-lengths"), varied,
                     {qid: long_random(qid, q) for qid, q in queries.items()}, splits)
    # 6. long queries whose own words come last: a relevant document's first 100 words (its
    #    judgement dropped), then the query
    write_collection(os.path.join(out, "relevant-first"), corpus,
                     {qid: " ".join(lq[qid].split(" ")[len(queries[qid].split(" ")):]) + " "
                      + queries[qid] for qid in lq}, ls)


def ndcg(ranking, judged, k=10):
    dcg = sum(judged.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranking[:k])
              if judged.get(d, 0) > 0)
    grades = sorted((g for g in judged.values() if g > 0), reverse=True)[:k]
    ideal = sum(g / math.log2(i + 2) for i, g in enumerate(grades))
    return dcg / ideal if ideal > 0 else 0.0


def recall(ranking, judged, k=100):
    rel = sum(1 for g in judged.values() if g > 0)
    return sum(1 for d in ranking[:k] if judged.get(d, 0) > 0) / rel if rel else 0.0


def mrr(ranking, judged, k=10):
    for i, d in enumerate(ranking[:k]):
        if judged.get(d, 0) > 0:
            return 1.0 / (i + 1)
    return 0.0


def baseline(directory, dedupe):
    corpus = read_jsonl(os.path.join(directory, "corpus.jsonl"))
    queries = {q["_id"]: q["text"] for q in read_jsonl(os.path.join(directory, "queries.jsonl"))}
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body, id UNINDEXED, tokenize='porter')")
    db.executemany("INSERT INTO t (body, id) VALUES (?, ?)",
                   [(content(d), d["_id"]) for d in corpus])
    result, total = {}, [0, 0.0, 0.0, 0.0]
    for name in sorted(os.listdir(os.path.join(directory, "qrels"))):
        if not name.endswith(".tsv"):
            continue
        s = [0, 0.0, 0.0, 0.0]
        for qid, judged in read_qrels(os.path.join(directory, "qrels", name)).items():
            ws = [w.lower() for w in WORD.findall(queries.get(qid, ""))]
            if dedupe:
                ws = list(dict.fromkeys(ws))
            ranking = []
            if ws:
                match = " OR ".join('"' + w.replace('"', '""') + '"' for w in ws)
                ranking = [r[0] for r in db.execute(
                    "SELECT id FROM t WHERE t MATCH ? ORDER BY bm25(t) LIMIT 100", (match,))]
            for acc in (s, total):
                acc[0] += 1
                acc[1] += ndcg(ranking, judged)
                acc[2] += recall(ranking, judged)
                acc[3] += mrr(ranking, judged)
        result[name[:-4]] = {"queries": s[0], "ndcg10": s[1] / s[0], "recall100": s[2] / s[0],
                             "mrr10": s[3] / s[0]}
    result["all"] = {"queries": total[0], "ndcg10": total[1] / total[0],
                     "recall100": total[2] / total[0], "mrr10": total[3] / total[0]}
    return result


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "make":
        make(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "baseline":
        print(json.dumps({"plain": baseline(sys.argv[2], False),
                          "plain_distinct_words": baseline(sys.argv[2], True)}, indent=1))
    else:
        sys.exit(__doc__)
