#!/usr/bin/env python3
"""Pools candidates for judging from a running Daily Papers server.

For every query in queries.jsonl and every mode (keyword, semantic, hybrid) it asks
GET /api/papers/search?q=<text>&mode=<mode>&limit=<depth> and keeps the union of the returned ids
(deduplicated). It writes pool.tsv (query-id, corpus-id; sorted by a hash of the id so a judge reading it
cannot tell which mode or rank brought a paper in) and runs.tsv (query-id, mode, rank, corpus-id,
X-Search-Mode header) for the record. It warns when the server answered a mode with another one
(X-Search-Mode), e.g. keyword because the vectors are missing.

usage: pool.py [--base http://127.0.0.1:18111] [--depth 20] [--out DIR]
"""
import argparse, hashlib, json, os, sys, urllib.parse, urllib.request

MODES = ("keyword", "semantic", "hybrid")

ap = argparse.ArgumentParser()
ap.add_argument("--base", default="http://127.0.0.1:18111")
ap.add_argument("--depth", type=int, default=20)
ap.add_argument("--queries", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "queries.jsonl"))
ap.add_argument("--out", default="/tmp/judged")
args = ap.parse_args()

queries = [json.loads(l) for l in open(args.queries, encoding="utf-8") if l.strip()]
os.makedirs(args.out, exist_ok=True)
pool, runs = {}, []
for q in queries:
    ids = set()
    for mode in MODES:
        url = args.base + "/api/papers/search?" + urllib.parse.urlencode(
            {"q": q["text"], "mode": mode, "limit": args.depth})
        with urllib.request.urlopen(url, timeout=120) as r:
            ran = r.headers.get("X-Search-Mode", "")
            items = json.load(r)
        if ran != mode:
            print(f"warning: {q['_id']} asked {mode}, server ran {ran}", file=sys.stderr)
        for rank, item in enumerate(items, 1):
            pid = item["paper"]["id"]
            runs.append((q["_id"], mode, rank, pid, ran))
            ids.add(pid)
    pool[q["_id"]] = sorted(ids, key=lambda i: hashlib.sha1((q["_id"] + i).encode()).hexdigest())
    print(f"{q['_id']}\t{len(ids)} pooled", file=sys.stderr)

with open(os.path.join(args.out, "pool.tsv"), "w") as f:
    for qid, ids in pool.items():
        for pid in ids:
            f.write(f"{qid}\t{pid}\n")
with open(os.path.join(args.out, "runs.tsv"), "w") as f:
    for row in runs:
        f.write("\t".join(map(str, row)) + "\n")
print(f"{sum(len(v) for v in pool.values())} pooled pairs for {len(pool)} queries -> {args.out}", file=sys.stderr)
