# Reads feed file paths from standard input, one a line, and prints for each one JSON line with what Python's
# feedparser makes of it (unsanitized: the data model), time tuples as lists and timedeltas as seconds.
import datetime, json, sys, time
sys.path.insert(0, "/usr/lib/python3/dist-packages")
import feedparser

def plain(v):
    if isinstance(v, time.struct_time):
        return list(v)[:8] + [0]
    if isinstance(v, datetime.timedelta):
        return v.total_seconds()
    if isinstance(v, dict):
        return {str(k): plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    if isinstance(v, bytes):
        return v.decode("utf-8", "replace")
    if isinstance(v, Exception):
        return str(v)
    return v

for line in sys.stdin:
    path = line.rstrip("\n")
    try:
        with open(path, "rb") as f:
            d = feedparser.parse(f.read(), sanitize_html=False, resolve_relative_uris=False)
        out = {"feed": plain(d.feed), "entries": plain(d.entries), "bozo": 1 if d.bozo else 0,
               "version": d.get("version", "")}
    except Exception as e:
        out = {"error": str(e)}
    print(json.dumps(out))
    sys.stdout.flush()
