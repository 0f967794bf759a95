#!/usr/bin/env python3
"""Builds the arxiv-judged slice from papers.jsonl.gz.

Rule: a paper is in the slice when int(sha1(id as UTF-8).hexdigest(), 16) % 10 == 0, where id is the
canonical arXiv id exactly as stored in papers.jsonl.gz (e.g. "2401.09603"). On the 81,070-paper file that
selects 8,005 papers.

Writes (1) the slice in the product's import format (the matching input lines, unchanged) and
(2) corpus.jsonl.gz in BEIR form {"_id","title","text","metadata":{"authors","categories"}} with text = abstract;
`./dailypapers eval` indexes the metadata's authors and categories, so `author:` and `cat:` queries work.

usage: slice.py [PAPERS_JSONL_GZ] [IMPORT_OUT] [CORPUS_OUT]
"""
import gzip, hashlib, json, sys

src = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/papers.jsonl.gz"
imp = sys.argv[2] if len(sys.argv) > 2 else "/tmp/judged/slice.jsonl"
corpus = sys.argv[3] if len(sys.argv) > 3 else "corpus.jsonl.gz"


def in_slice(paper_id):
    return int(hashlib.sha1(paper_id.encode("utf-8")).hexdigest(), 16) % 10 == 0


n = 0
# No file name and mtime 0 in the gzip header, so the gz is byte-identical on every run, wherever it is written.
with gzip.open(src, "rt", encoding="utf-8") as f, open(imp, "w", encoding="utf-8") as out, \
        open(corpus, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
    for line in f:
        if not line.strip():
            continue
        d = json.loads(line)
        if not in_slice(d["id"]):
            continue
        out.write(line if line.endswith("\n") else line + "\n")
        row = {"_id": d["id"], "title": d.get("title") or "", "text": d.get("abstract") or "",
               "metadata": {"authors": d.get("authors") or [], "categories": d.get("categories") or []}}
        gz.write((json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8"))
        n += 1
print(f"{n} papers -> {imp}, {corpus}", file=sys.stderr)
