# Reads feed file paths from standard input, one a line, and prints for each one JSON line with what Python's
# podcastparser makes of it: the podcast fields Callisto compares.
import json, sys
sys.path.insert(0, "/usr/lib/python3/dist-packages")
import podcastparser

for line in sys.stdin:
    path = line.rstrip("\n")
    try:
        with open(path, "rb") as f:
            d = podcastparser.parse("file://" + path, f)
        out = {
            "explicit": d.get("explicit"),
            "type": d.get("type"),
            "owner": d.get("itunes_owner"),
            "new_url": d.get("new_url"),
            "episodes": [{
                "duration": e.get("total_time"),
                "explicit": e.get("explicit"),
                "number": e.get("number"),
                "season": e.get("season"),
                "episode_type": e.get("type"),
                "subtitle": e.get("subtitle"),
                "payment_url": e.get("payment_url"),
                "chapters": [[c.get("start"), c.get("title")] for c in e.get("chapters", [])],
                "transcripts": [t.get("url") for t in e.get("transcripts", [])] if e.get("transcripts") else [],
                "guid": e.get("guid"),
            } for e in d.get("episodes", [])],
        }
    except Exception as e:
        out = {"error": str(e)}
    print(json.dumps(out))
    sys.stdout.flush()
