#!/usr/bin/env python3
"""Helper of bin/demo-snapshot: crawls a running demo and runs the CLI, saving normalised responses.

Not meant to be run by hand; bin/demo-snapshot starts the demo under a fixed clock and calls
  demo-snapshot.py crawl --port P --out DIR --user U --password PW [--replace LITERAL=PLACEHOLDER]...
  demo-snapshot.py cli --callisto BIN --data DIR --out DIR [--replace LITERAL=PLACEHOLDER]...
  demo-snapshot.py normalise --port P IN OUT [--replace ...] [--elapsed]
Uses only the standard library; relies only on HTTP and the command line, never on the code's internals.
"""

import argparse
import gzip
import hashlib
import html
import http.client
import os
import re
import subprocess
import sys
import time
import urllib.parse
from collections import deque

MAX_URLS = 2000           # per crawl (anonymous, editor)
USER_AGENT = "callisto-demo-snapshot/1"

# Headers not saved: they differ on every request (Date) or only describe the connection.
SKIPPED_HEADERS = {"date", "connection", "keep-alive"}

# Paths from README.md's "Pages and feeds" table (and docs/web.md), requested whether or not a page links them.
KNOWN_PATHS = [
    "/", "/archive", "/subscriptions", "/atom.xml", "/rss.xml", "/opml.xml",
    "/journal", "/journal/atom.xml", "/journal/rss.xml", "/moderation",
    "/register", "/login", "/account", "/account/password", "/submit",
    "/editor/queue", "/editor/episodes", "/editor/feedback", "/editor/downloads",
    "/admin", "/admin/subscriptions", "/admin/accounts",
    "/feedback", "/episodes", "/static/callisto.css",
] + ["/show/feeds/%s.xml" % n for n in ("mp3", "hd", "sd", "mp3-torrent", "hd-torrent", "sd-torrent", "itunes")]

# Requests whose answer is an error page (404, 400...): error handling is behaviour too.
ERROR_PROBES = [
    "/no-such-page", "/entries/999999", "/feeds/999999", "/category/no-such-category",
    "/stories/999999", "/episodes/999999", "/show/999999/chapters.json", "/archive/2026/13",
    "/?page=0", "/?page=abc", "/?page=999", "/media/no-such-file.mp3", "/media/%2e%2e/callisto.conf",
]

# Pages requested once more with validators, HEAD and gzip (the same for every page type, so a few suffice).
VARIANT_PAGES = ["/", "/atom.xml", "/subscriptions", "/journal", "/journal/atom.xml", "/episodes",
                 "/show/feeds/mp3.xml", "/opml.xml"]

# Editor pages: requested after logging in as the demo editor (the crawl from them finds the rest).
EDITOR_PATHS = [
    "/editor/queue", "/editor/episodes", "/editor/feedback", "/editor/downloads",
    "/admin", "/admin/subscriptions", "/admin/accounts", "/account", "/account/password", "/submit", "/",
]

TEXT_TYPES = re.compile(r"^(text/|application/(.*\+)?(xml|json|javascript|x-subrip)|image/svg\+xml)", re.I)


# --------------------------------------------------------------------------------------------------- normalising

class Normaliser:
    """Replaces what is random per run by fixed placeholders; see the header of bin/demo-snapshot."""

    UUID4 = re.compile(r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}\b")
    HIDDEN_INPUT = re.compile(r"<input\b[^>]*>", re.I)
    ATTR = re.compile(r"""\b(name|value)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
    TOKEN_NAME = re.compile(r"csrf|token|nonce", re.I)
    BOUNDARY = re.compile(r"boundary=\"?([^\";\s]+)", re.I)

    def __init__(self, port, replacements):
        self.port = str(port)
        # longest first, so that a literal inside another (data dir inside work dir) is not cut in two
        self.replacements = sorted(replacements, key=lambda kv: -len(kv[0]))
        self.port_re = re.compile(r"(localhost|127\.0\.0\.1|\[::1\])(:|%3[aA])" + re.escape(self.port) + r"(?!\d)")

    def fixed(self, s):
        for literal, placeholder in self.replacements:
            if literal:
                s = s.replace(literal, placeholder)
        return self.port_re.sub(lambda m: m.group(1) + m.group(2) + "<PORT>", s)

    def response(self, head_lines, body_text):
        """Normalises a response given as header lines and a body decoded as latin-1 (so any bytes survive)."""
        head = [self.fixed(h) for h in head_lines]
        body = self.fixed(body_text)
        secrets = []  # (value, placeholder), in order of first appearance
        seen = {}

        def secret(value, kind):
            if value and value not in seen and len(value) >= 8:
                seen[value] = "<%s-%d>" % (kind, 1 + sum(1 for v in seen.values() if v.startswith("<" + kind + "-")))
                secrets.append((value, seen[value]))

        for h in head:
            name, _, value = h.partition(": ")
            if name == "> Cookie":
                for cookie in value.split(";"):
                    cname, _, cvalue = cookie.strip().partition("=")
                    secret(cvalue.strip('"'), "COOKIE:" + cname)
            elif name == "> Body":
                for pname, pvalue in urllib.parse.parse_qsl(value, keep_blank_values=True):
                    if self.TOKEN_NAME.search(pname):
                        secret(pvalue, "CSRF")
            elif name.lower() == "set-cookie":
                cookie = value.split(";", 1)[0]
                cname, _, cvalue = cookie.partition("=")
                secret(cvalue.strip().strip('"'), "COOKIE:" + cname.strip())
            elif name.lower() == "content-type":
                m = self.BOUNDARY.search(value)
                if m:
                    secret(m.group(1), "BOUNDARY")
        for tag in self.HIDDEN_INPUT.findall(body):
            attrs = {}
            for m in self.ATTR.finditer(tag):
                attrs[m.group(1).lower()] = html.unescape(next(g for g in m.groups()[1:] if g is not None))
            if self.TOKEN_NAME.search(attrs.get("name", "")):
                secret(attrs.get("value", ""), "CSRF")
        for value, placeholder in sorted(secrets, key=lambda kv: -len(kv[0])):
            head = [h.replace(value, placeholder) for h in head]
            body = body.replace(value, placeholder)
        uuids = {}

        def uuid(m):
            key = m.group(0).lower()
            if key not in uuids:
                uuids[key] = "<UUID4-%d>" % (len(uuids) + 1)
            return uuids[key]

        # numbered in order of appearance, headers first, so the same UUID keeps its placeholder in one file
        head = [self.UUID4.sub(uuid, h) for h in head]
        body = self.UUID4.sub(uuid, body)
        return head, body


def is_text(content_type, body):
    if content_type and TEXT_TYPES.search(content_type):
        return True
    if content_type and not content_type.lower().startswith("multipart/"):
        return False
    try:
        s = body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", s)


def hexdump(data):
    out = []
    for off in range(0, len(data), 16):
        chunk = data[off:off + 16]
        hexes = " ".join("%02x" % b for b in chunk)
        text = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        out.append("%08x  %-47s  |%s|" % (off, hexes, text))
    return "\n".join(out) + ("\n" if out else "")


# --------------------------------------------------------------------------------------------------- HTTP

class Client:
    def __init__(self, port):
        self.port = port
        self.conn = None

    def request(self, method, target, headers=None, body=None):
        headers = dict(headers or {})
        headers.setdefault("Host", "localhost:%d" % self.port)
        headers.setdefault("User-Agent", USER_AGENT)
        if body is not None:
            body = body.encode() if isinstance(body, str) else body
            headers["Content-Length"] = str(len(body))
        for attempt in range(3):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
                self.conn.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
                for k, v in headers.items():
                    self.conn.putheader(k, v)
                self.conn.endheaders(body)
                res = self.conn.getresponse()
                data = res.read()
                version = {10: "HTTP/1.0", 11: "HTTP/1.1"}.get(res.version, "HTTP/?")
                result = (version, res.status, res.reason, res.getheaders(), data)
                if res.will_close:
                    self.close()
                return result
            except (http.client.HTTPException, ConnectionError, OSError):
                self.close()
                if attempt == 2:
                    raise
                time.sleep(1)

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def header(headers, name):
    for k, v in headers:
        if k.lower() == name.lower():
            return v
    return None


# --------------------------------------------------------------------------------------------------- saving

SAFE = re.compile(r"[^A-Za-z0-9._~@+=,-]")


def encode_segment(seg):
    seg = SAFE.sub(lambda m: "".join("%%%02X" % b for b in m.group(0).encode()), seg)
    return {"": "%", ".": "%2E", "..": "%2E%2E"}.get(seg, seg)


def file_for(out, group, target, variant):
    """OUT/group/<path segments>/@METHOD[+variant][?query]: one file per request, readable in diff -r."""
    path, _, query = target.partition("?")
    segs = [encode_segment(s) for s in path.split("/")[1:] if s != ""] if path != "/" else []
    if path.endswith("/") and path != "/":
        segs.append("%2F")
    name = "@" + variant
    if query:
        name += "?" + SAFE.sub(lambda m: "".join("%%%02X" % b for b in m.group(0).encode()), query)
    return os.path.join(out, group, *segs, name)


class Saver:
    def __init__(self, out, normaliser):
        self.out = out
        self.norm = normaliser
        self.index = []

    def save(self, group, method, target, variant, sent, response, note=None):
        version, status, reason, headers, data = response
        ctype = header(headers, "Content-Type") or ""
        lines = ["%s: %s" % (k, v) for k, v in sorted(headers, key=lambda kv: kv[0].lower())
                 if k.lower() not in SKIPPED_HEADERS]
        text = is_text(ctype, data)
        body = data.decode("utf-8", "replace").encode("utf-8").decode("latin-1") if text else data.decode("latin-1")
        sent_lines = ["> %s: %s" % (k, v) for k, v in sent]
        status_line = "%s %d %s" % (version, status, reason)
        lines, body = self.norm.response(sent_lines + [status_line] + lines, body)
        if "<BOUNDARY-" in body:
            # the boundary is random hex of varying length: count the body as sent with the placeholder instead
            size = str(len(data))
            lines = [("Content-Length: %d (counted with the boundary normalised; as sent it matched the body)"
                      % len(body.encode("latin-1"))) if h == "Content-Length: " + size else h for h in lines]
        parts = ["%s %s" % (method, self.norm.fixed(target))] + lines + [""]
        if note:
            parts.insert(len(parts) - 1, "# " + note)
        head = "\n".join(parts) + "\n"
        raw = body.encode("latin-1")
        if text:
            content = raw
        else:
            content = ("[binary body: %d bytes, sha256 %s]\n" % (len(raw), hashlib.sha256(raw).hexdigest())
                       + hexdump(raw[:1 << 20])).encode()
        path = file_for(self.out, group, target, variant)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if os.path.exists(path):
            raise SystemExit("demo-snapshot: two requests map to one file: " + path)
        with open(path, "wb") as f:
            f.write(head.encode("utf-8") + content)
        self.index.append("%s %d %s %s" % (group, status, method if variant == method else variant,
                                           self.norm.fixed(target)))


# --------------------------------------------------------------------------------------------------- crawling

ATTR_LINK = re.compile(r"""\b(?:href|src|poster|data-src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")


class Crawler:
    def __init__(self, port, saver, client, group, cookies=None, skip=()):
        self.port = port
        self.saver = saver
        self.client = client
        self.group = group
        self.cookies = cookies if cookies is not None else {}
        self.skip = [re.compile(s) for s in skip]
        self.queue = deque()
        self.seen = set()
        self.abs_url = re.compile(r"https?://(?:localhost|127\.0\.0\.1):%d(?![0-9])[^\s\"'<>\\)\]]*" % port)

    def local(self, base, link):
        """The path and query of a same-host link, or None."""
        link = html.unescape(link.strip())
        if not link or link.startswith(("#", "mailto:", "javascript:", "data:", "magnet:", "tel:")):
            return None
        url = urllib.parse.urljoin("http://localhost:%d%s" % (self.port, base), link)
        p = urllib.parse.urlsplit(url)
        if p.scheme not in ("http", "https") or p.hostname not in ("localhost", "127.0.0.1") or p.port != self.port:
            return None
        return (p.path or "/") + ("?" + p.query if p.query else "")

    def add(self, target):
        if target is None or target in self.seen or any(s.search(target) for s in self.skip):
            return
        if len(self.seen) >= MAX_URLS:
            return
        self.seen.add(target)
        self.queue.append(target)

    def links(self, target, ctype, data):
        text = data.decode("utf-8", "replace")
        found = []
        if "html" in ctype:
            found += [a or b for a, b in ATTR_LINK.findall(text)]
        if "css" in ctype:
            found += CSS_URL.findall(text)
        found += self.abs_url.findall(text)
        for link in found:
            self.add(self.local(target, link))
        # pages the README names for each kind of thing, linked or not
        path = target.split("?")[0]
        m = re.fullmatch(r"/episodes/(\d+)", path)
        if m:
            self.add("/show/%s/chapters.json" % m.group(1))
        if re.fullmatch(r"/(feeds/\d+|category/[^/]+)", path):
            self.add(path + "/atom.xml")
            self.add(path + "/rss.xml")
        if re.fullmatch(r"/stories/\d+", path):
            self.add(path + "/comments.atom")
        if re.fullmatch(r"/archive/\d{4}/\d{2}", path):
            # day archives: the days the month's entries were published on
            for y, mo, d in re.findall(r'datetime="(\d{4})-(\d{2})-(\d{2})', text):
                if "/archive/%s/%s" % (y, mo) == path:
                    self.add("/archive/%s/%s/%s" % (y, mo, d))

    def cookie_header(self):
        return "; ".join("%s=%s" % kv for kv in sorted(self.cookies.items()))

    def take_cookies(self, headers):
        for k, v in headers:
            if k.lower() == "set-cookie":
                name, _, rest = v.split(";", 1)[0].partition("=")
                if re.search(r"max-age=0\b", v, re.I) or rest == "":
                    self.cookies.pop(name.strip(), None)
                else:
                    self.cookies[name.strip()] = rest.strip()

    def fetch(self, method, target, variant, extra=()):
        sent = list(extra)
        headers = dict(sent)
        if self.cookies:
            headers["Cookie"] = self.cookie_header()
        response = self.client.request(method, target, headers)
        return sent, response

    def run(self, seeds):
        for s in seeds:
            self.add(s)
        count = 0
        while self.queue:
            target = self.queue.popleft()
            sent, response = self.fetch("GET", target, "GET")
            self.saver.save(self.group, "GET", target, "GET", sent, response)
            count += 1
            _, status, _, headers, data = response
            if self.group == "anonymous":
                # anonymous: every form cookie is a new one, as for a reader without cookies
                pass
            else:
                self.take_cookies(headers)
            location = header(headers, "Location")
            if location:
                self.add(self.local(target, location))
            ctype = (header(headers, "Content-Type") or "").lower()
            if is_text(ctype, data):
                self.links(target, ctype, data)
            path = target.split("?")[0]
            if path.startswith("/media/") and status == 200:
                count += self.media_variants(target, headers)
            elif target in VARIANT_PAGES and status == 200:
                count += self.page_variants(target, headers, data)
        return count

    def media_variants(self, target, headers):
        etag = header(headers, "ETag")
        modified = header(headers, "Last-Modified")
        variants = [
            ("HEAD", "HEAD", []),
            ("GET", "GET+range=0-99", [("Range", "bytes=0-99")]),
            ("GET", "GET+range=suffix-100", [("Range", "bytes=-100")]),
            ("GET", "GET+range=open-100", [("Range", "bytes=100-")]),
            ("GET", "GET+range=two-parts", [("Range", "bytes=0-9,20-29")]),
            ("GET", "GET+range=unsatisfiable", [("Range", "bytes=999999999-")]),
            ("HEAD", "HEAD+range=0-99", [("Range", "bytes=0-99")]),
        ]
        if etag:
            variants.append(("GET", "GET+if-none-match", [("If-None-Match", etag)]))
            variants.append(("GET", "GET+if-range-etag", [("Range", "bytes=0-99"), ("If-Range", etag)]))
            variants.append(("GET", "GET+if-range-stale", [("Range", "bytes=0-99"), ("If-Range", '"stale"')]))
        if modified:
            variants.append(("GET", "GET+if-modified-since", [("If-Modified-Since", modified)]))
        for method, variant, extra in variants:
            sent, response = self.fetch(method, target, variant, extra)
            self.saver.save(self.group, method, target, variant, sent, response)
        return len(variants)

    def page_variants(self, target, headers, data):
        etag = header(headers, "ETag")
        modified = header(headers, "Last-Modified")
        variants = [("HEAD", "HEAD", [])]
        if etag:
            variants.append(("GET", "GET+if-none-match", [("If-None-Match", etag)]))
        if modified:
            variants.append(("GET", "GET+if-modified-since", [("If-Modified-Since", modified)]))
        variants.append(("GET", "GET+gzip", [("Accept-Encoding", "gzip")]))
        for method, variant, extra in variants:
            sent, response = self.fetch(method, target, variant, extra)
            note = None
            if variant == "GET+gzip":
                version, status, reason, rheaders, rdata = response
                if (header(rheaders, "Content-Encoding") or "").lower() == "gzip":
                    try:
                        plain = gzip.decompress(rdata)
                        size = "%d bytes" % len(rdata)
                        text = data.decode("latin-1")
                        if self.saver.norm.response([], text)[1] != self.saver.norm.fixed(text):
                            # the page holds random values (GUIDs, tokens): its compressed size varies with them
                            size = "<GZIP_LENGTH> bytes"
                            rheaders = [(k, "<GZIP_LENGTH>" if k.lower() == "content-length" else v)
                                        for k, v in rheaders]
                        note = "gzip body of %s; decompressed it is %s the plain body" % (
                            size, "identical to" if plain == data else "DIFFERENT from")
                    except OSError as e:
                        note = "gzip body of %d bytes that does not decompress: %s" % (len(rdata), e)
                    response = (version, status, reason, rheaders, b"")
            self.saver.save(self.group, method, target, variant, sent, response, note)
        return len(variants)


# --------------------------------------------------------------------------------------------------- login

def form_fields(page, action):
    """Hidden and named inputs of the form posting to `action`, in order."""
    m = re.search(r"<form\b[^>]*action=\"%s\"[^>]*>(.*?)</form>" % re.escape(action), page, re.S | re.I)
    if not m:
        return None
    fields = []
    for tag in re.findall(r"<input\b[^>]*>", m.group(1), re.I):
        attrs = dict((k.lower(), html.unescape(a or b)) for k, a, b in
                     re.findall(r"""\b([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""", tag))
        if "name" in attrs:
            fields.append((attrs["name"], attrs.get("type", "text").lower(), attrs.get("value", "")))
    return fields


def login(port, saver, client, user, password):
    """Logs in through the login form as a browser does; returns the cookies, or exits."""
    crawler = Crawler(port, saver, client, "login")
    sent, response = crawler.fetch("GET", "/login", "GET")
    saver.save("login", "GET", "/login", "GET", sent, response)
    crawler.take_cookies(response[3])
    fields = form_fields(response[4].decode("utf-8", "replace"), "/login")
    if not fields:
        raise SystemExit("demo-snapshot: /login has no form posting to /login")
    values = []
    for name, kind, value in fields:
        if kind == "password":
            value = password
        elif kind == "text" and not value:
            value = user
        values.append((name, value))
    body = urllib.parse.urlencode(values)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": crawler.cookie_header()}
    response = client.request("POST", "/login", headers, body)
    shown = urllib.parse.urlencode([(n, "<DEMO_PASSWORD>" if v == password else v) for n, v in values])
    saver.save("login", "POST", "/login", "POST",
               [("Content-Type", "application/x-www-form-urlencoded"), ("Cookie", headers["Cookie"]), ("Body", shown)],
               response)
    if response[1] not in (302, 303):
        raise SystemExit("demo-snapshot: logging in as %s answered %d, not a redirect" % (user, response[1]))
    crawler.take_cookies(response[3])
    return crawler.cookies


# --------------------------------------------------------------------------------------------------- commands

def replacements(args):
    out = []
    for r in args.replace or []:
        literal, _, placeholder = r.partition("=")
        out.append((literal, placeholder))
    return out


def cmd_crawl(args):
    norm = Normaliser(args.port, replacements(args))
    saver = Saver(args.out, norm)
    client = Client(args.port)
    # wait until the site answers
    deadline = time.time() + 120
    while True:
        try:
            _, status, _, headers, _ = client.request("GET", "/")
            if status == 200:
                break
        except OSError:
            pass
        if time.time() > deadline:
            raise SystemExit("demo-snapshot: the demo does not answer GET / on port %d" % args.port)
        time.sleep(1)
    date = header(headers, "Date")
    if args.expect_date and date != args.expect_date:
        raise SystemExit("demo-snapshot: the demo's clock says %r, not %r: libfaketime is not in effect"
                         % (date, args.expect_date))
    anonymous = Crawler(args.port, saver, client, "anonymous", skip=[r"^/logout"])
    n = anonymous.run(KNOWN_PATHS + ERROR_PROBES)
    print("demo-snapshot: %d anonymous requests (%d URLs)" % (n, len(anonymous.seen)), file=sys.stderr)
    # the download counter stores its counts every 10 s (docs/cli.md): wait for the media requests above to be
    # stored, so that /editor/downloads shows all of them in every run
    time.sleep(args.flush_wait)
    cookies = login(args.port, saver, client, args.user, args.password)
    editor = Crawler(args.port, saver, client, "editor", cookies=cookies,
                     skip=[r"^/logout", r"^/media/", r"^/demo-feeds/"])
    m = editor.run(EDITOR_PATHS)
    print("demo-snapshot: %d editor requests (%d URLs)" % (m, len(editor.seen)), file=sys.stderr)
    client.close()
    with open(os.path.join(args.out, "index.txt"), "w") as f:
        f.write("# group status request URL, in the order requested\n")
        f.write("\n".join(saver.index) + "\n")


def help_commands(text):
    """Subcommand names listed under 'Commands:' in picocli's help."""
    names = []
    inside = False
    for line in text.splitlines():
        if line.strip() == "Commands:":
            inside = True
            continue
        if inside:
            m = re.match(r"^  ([a-z][a-z0-9-]*)(\s|$)", line)
            if m:
                names.append(m.group(1))
            elif line and not line.startswith("   "):
                inside = False
    return names


def cmd_cli(args):
    norm = Normaliser(args.port, replacements(args))
    os.makedirs(args.out, exist_ok=True)
    done = []

    def run(argv, name=None):
        p = subprocess.run([args.callisto] + argv, capture_output=True, stdin=subprocess.DEVNULL)
        out = p.stdout.decode("utf-8", "replace")
        err = p.stderr.decode("utf-8", "replace")
        shown = " ".join(argv)
        name = "callisto_" + (name or shown.replace(" ", "_").replace("/", "%2F") + ".txt")
        with open(os.path.join(args.out, name), "w") as f:
            f.write(norm.fixed("$ callisto %s\nexit code: %d\n--- stdout\n%s--- stderr\n%s"
                               % (shown, p.returncode, out, err)))
        done.append(shown)
        return out

    def helps(prefix):
        out = run(prefix + ["--help"])
        for sub in help_commands(out):
            if sub != "help":
                helps(prefix + [sub])

    helps([])
    run(["--version"])
    data = ["--data", args.data]
    run(["feeds", "list"] + data, "feeds_list.txt")
    run(["feeds", "list", "--json"] + data, "feeds_list_--json.txt")
    run(["opml", "export"] + data, "opml_export.txt")
    run(["show", "settings"] + data, "show_settings.txt")
    run(["show", "downloads"] + data, "show_downloads.txt")
    run(["show", "downloads", "--days", "1"] + data, "show_downloads_--days_1.txt")
    print("demo-snapshot: %d commands run" % len(done), file=sys.stderr)


def cmd_normalise(args):
    norm = Normaliser(args.port, replacements(args))
    with open(args.input, encoding="utf-8", errors="replace") as f:
        text = norm.fixed(f.read())
    if args.elapsed:
        # durations measured on the real (monotonic) clock, e.g. "5 feeds in 0.7 s"
        text = re.sub(r"\b\d+(\.\d+)? s\b", "<ELAPSED> s", text)
    with open(args.output, "w") as f:
        f.write(text)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("crawl")
    c.add_argument("--port", type=int, required=True)
    c.add_argument("--out", required=True)
    c.add_argument("--user", required=True)
    c.add_argument("--password", required=True)
    c.add_argument("--expect-date")
    c.add_argument("--flush-wait", type=float, default=20)
    c.add_argument("--replace", action="append")
    c.set_defaults(func=cmd_crawl)
    c = sub.add_parser("cli")
    c.add_argument("--port", type=int, required=True)
    c.add_argument("--callisto", required=True)
    c.add_argument("--data", required=True)
    c.add_argument("--out", required=True)
    c.add_argument("--replace", action="append")
    c.set_defaults(func=cmd_cli)
    c = sub.add_parser("normalise")
    c.add_argument("--port", type=int, required=True)
    c.add_argument("--replace", action="append")
    c.add_argument("--elapsed", action="store_true")
    c.add_argument("input")
    c.add_argument("output")
    c.set_defaults(func=cmd_normalise)
    args = p.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
