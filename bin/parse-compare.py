"""Compares `callisto parse` with Python's feedparser, field by field, on a folder of feeds.

Usage: bin/parse-compare [--sanitized] [--json] [--limit N] [--list-misses FIELD] DIR_OR_FILE...

Both parse every file. Each leaf value feedparser gives (feed.title, entries[].links[].href, bozo, version, ...)
is one comparison; a field agrees when Callisto gives the same value at the same path. Paths are reported with
entry and list indexes replaced by [] so that agreement is per field. By default Callisto's raw output is compared
with feedparser's unsanitized output (the data model); --sanitized compares both as they print by default.
"""
import datetime
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, "/usr/lib/python3/dist-packages")
import feedparser  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FEED_SUFFIXES = (".xml", ".rss", ".atom", ".rdf", ".feed")
# Keys feedparser derives or that depend on how it was called, not on the document.
SKIPPED_TOP = {"headers", "href", "status", "etag", "modified"}


def plain(value):
    """feedparser's result as JSON values: time tuples as lists, timedeltas as seconds."""
    if isinstance(value, time.struct_time):
        return list(value)[:8] + [0]
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, Exception):
        return str(value)
    return value


def feedparser_result(path, sanitized):
    with open(path, "rb") as f:
        data = f.read()
    d = feedparser.parse(data, sanitize_html=sanitized, resolve_relative_uris=sanitized)
    out = {k: plain(v) for k, v in d.items() if k not in SKIPPED_TOP}
    out["bozo"] = 1 if d.get("bozo") else 0
    for e in [out.get("feed", {})] + out.get("entries", []):
        links = e.get("links")
        if links is not None:
            e["enclosures"] = [{k: v for k, v in l.items() if k != "rel"} for l in links if l.get("rel") == "enclosure"]
    return out


def leaves(value, path, out):
    if isinstance(value, dict):
        for k, v in value.items():
            leaves(v, path + "." + k if path else k, out)
    elif isinstance(value, list) and value and any(isinstance(v, (dict, list)) for v in value):
        for i, v in enumerate(value):
            leaves(v, "%s[%d]" % (path, i), out)
    else:
        out[path] = value


def field_name(path):
    import re
    return re.sub(r"\[\d+\]", "[]", path)


def callisto_results(paths, sanitized):
    cmd = [os.path.join(ROOT, "bin", "callisto"), "parse"] + ([] if sanitized else ["--raw"]) + paths
    proc = subprocess.run(cmd, capture_output=True)
    lines = proc.stdout.decode("utf-8", "replace").splitlines()
    results = {}
    for line in lines:
        try:
            o = json.loads(line)
        except ValueError:
            continue
        results[o.get("input")] = o
    return results


def collect(args):
    files = []
    for a in args:
        if os.path.isdir(a):
            for dirpath, _, names in os.walk(a):
                for n in sorted(names):
                    if n.lower().endswith(FEED_SUFFIXES):
                        files.append(os.path.join(dirpath, n))
        else:
            files.append(a)
    return sorted(files)


def equal(a, b):
    if a == b:
        return True
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) < 1e-6
    return False


def main(argv):
    sanitized = "--sanitized" in argv
    as_json = "--json" in argv
    limit = None
    miss_field = None
    rest = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--limit":
            limit = int(argv[i + 1]); i += 2; continue
        if a == "--list-misses":
            miss_field = argv[i + 1]; i += 2; continue
        if not a.startswith("--"):
            rest.append(a)
        i += 1
    files = collect(rest)
    if limit:
        files = files[:limit]
    if not files:
        print("parse-compare: no feed files (%s) under %s" % ("/".join(FEED_SUFFIXES), " ".join(rest)), file=sys.stderr)
        return 2
    ours = {}
    for start in range(0, len(files), 200):
        ours.update(callisto_results(files[start:start + 200], sanitized))
    per_field = {}
    total = agreed = 0
    lost_entries = []
    for path in files:
        try:
            theirs = feedparser_result(path, sanitized)
        except Exception as e:  # feedparser itself failed: nothing to compare
            continue
        mine = ours.get(path, {})
        if "error" in mine or not mine:
            mine = {}
        if len(mine.get("entries", [])) < len(theirs.get("entries", [])):
            lost_entries.append(path)
        a, b = {}, {}
        leaves({k: v for k, v in theirs.items() if k in ("feed", "entries", "bozo", "version", "encoding")}, "", a)
        leaves(mine, "", b)
        for p, v in a.items():
            if p.endswith("bozo_exception") or v in (None, "", [], {}) and p not in b:
                continue
            f = field_name(p)
            ok = equal(v, b.get(p))
            s = per_field.setdefault(f, [0, 0])
            s[1] += 1
            total += 1
            if ok:
                s[0] += 1
                agreed += 1
            elif miss_field and f == miss_field:
                print("MISS %s: %s: feedparser %r callisto %r" % (path, p, v, b.get(p)))
    summary = {
        "files": len(files),
        "comparisons": total,
        "agreed": agreed,
        "agreement": round(agreed / total, 4) if total else 1.0,
        "lost_entries": lost_entries,
        "fields": {f: {"agreed": s[0], "of": s[1]} for f, s in sorted(per_field.items())},
    }
    if as_json:
        print(json.dumps(summary))
    else:
        for f, s in sorted(per_field.items(), key=lambda x: (x[1][0] / x[1][1], -x[1][1])):
            print("%6.1f%%  %5d/%-5d  %s" % (100.0 * s[0] / s[1], s[0], s[1], f))
        print("files %d, comparisons %d, agreement %.2f%%, files with entries lost: %d"
              % (len(files), total, 100.0 * agreed / max(total, 1), len(lost_entries)))
        for p in lost_entries[:20]:
            print("  entries lost: " + p)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
