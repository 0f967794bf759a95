#!/usr/bin/env python3
"""Scores a running Daily Papers server on the judged queries: nDCG@10 (graded gains 0/1/2, trec_eval's
formula: gain / log2(rank + 1), ideal ranking from the qrels) and Recall@100 (relevant = grade >= 1), per mode,
as means over the queries that have a relevant paper. Unjudged papers count as not relevant (the pool is only
the top 20 of each mode, so deeper recall is a lower bound).

The server must hold exactly the slice (see README: slice.py, import, embed, serve). Unlike
`./dailypapers eval`, this goes through the product's real query path, so the author:"..." queries work
(the BEIR corpus carries no authors).

usage: evaluate.py [--base http://127.0.0.1:18111] [--modes keyword,semantic,hybrid] [--kind a,b,c] [--per-query]
"""
import argparse, collections, json, math, os, urllib.parse, urllib.request

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("--base", default="http://127.0.0.1:18111")
ap.add_argument("--modes", default="keyword,semantic,hybrid")
ap.add_argument("--kind", default="a,b,c", help="query kinds: first letter of the query id")
ap.add_argument("--per-query", action="store_true")
args = ap.parse_args()

queries = [json.loads(l) for l in open(os.path.join(here, "queries.jsonl"), encoding="utf-8") if l.strip()]
qrels = collections.defaultdict(dict)
with open(os.path.join(here, "qrels", "test.tsv"), encoding="utf-8") as f:
    next(f)
    for line in f:
        qid, pid, score = line.rstrip("\n").split("\t")
        qrels[qid][pid] = int(score)
kinds = set(args.kind.split(","))
queries = [q for q in queries if q["_id"][0] in kinds and any(s > 0 for s in qrels[q["_id"]].values())]


def search(text, mode, limit):
    ids, page = [], 0
    while len(ids) < limit:
        url = args.base + "/api/papers/search?" + urllib.parse.urlencode(
            {"q": text, "mode": mode, "limit": min(100, limit), "p": page})
        with urllib.request.urlopen(url, timeout=120) as r:
            items = json.load(r)
        if not items:
            break
        ids += [i["paper"]["id"] for i in items]
        page += 1
    return ids[:limit]


def ndcg10(ranked, rels):
    dcg = sum(rels.get(p, 0) / math.log2(i + 2) for i, p in enumerate(ranked[:10]))
    ideal = sorted((g for g in rels.values() if g > 0), reverse=True)[:10]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall100(ranked, rels):
    relevant = {p for p, g in rels.items() if g > 0}
    return len(relevant & set(ranked[:100])) / len(relevant)


print(f"{len(queries)} queries (kinds {','.join(sorted(kinds))})")
for mode in args.modes.split(","):
    n, r = [], []
    for q in queries:
        ranked = search(q["text"], mode, 100)
        a, b = ndcg10(ranked, qrels[q["_id"]]), recall100(ranked, qrels[q["_id"]])
        n.append(a); r.append(b)
        if args.per_query:
            print(f"  {mode:8s} {q['_id']} nDCG@10={a:.3f} R@100={b:.3f}  {q['text']}")
    print(f"{mode:8s} nDCG@10={sum(n)/len(n):.4f}  Recall@100={sum(r)/len(r):.4f}")
