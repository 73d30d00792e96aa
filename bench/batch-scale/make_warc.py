#!/usr/bin/env python3
"""Builds a WARC.gz of N response records (one gzip member each) from the corpus pages, cycling
through them with a distinct target URI per record, for the batch benchmark (not a test).
Usage: make_warc.py OUT.warc.gz [N] [CORPUS_DIR] [START]   (defaults: 20000, tests/data/corpus, 0)
START offsets the page cycle and the record ids, so several files together hold distinct records."""
import gzip, io, os, sys, uuid, glob, datetime

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
corpus = sys.argv[3] if len(sys.argv) > 3 else "tests/data/corpus"
start = int(sys.argv[4]) if len(sys.argv) > 4 else 0
# comments/ holds copies of pages of the other folders
pages = sorted(p for p in glob.glob(os.path.join(corpus, "*", "*.html.gz")) if os.sep + "comments" + os.sep not in p)
bodies = [gzip.open(p).read() for p in pages]
date = datetime.datetime(2026, 11, 22, tzinfo=datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
with open(out, "wb") as f:
    for i in range(start, start + n):
        body = bodies[i % len(bodies)]
        http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body)) + body
        head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uuid.UUID(int=i + 1)}>\r\n"
                f"WARC-Date: {date}\r\nWARC-Target-URI: https://example.org/page/{i}\r\n"
                f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
        f.write(gzip.compress(head + http + b"\r\n\r\n", compresslevel=6))
print(f"{out}: {n} records from {len(bodies)} pages, {os.path.getsize(out):,} bytes")
