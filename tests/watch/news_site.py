"""A small news site on 127.0.0.1 for the watch tests: feeds and pages we write ourselves,
answers we choose (304, 500, redirects, slow, huge), and a log of what was asked."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    location: str | None = None  # for a redirect
    delay: float = 0.0  # seconds before answering
    size: int | None = None  # send this many bytes of filler instead of the body
    announce: bool = True  # send Content-Length (else the body ends when the connection closes)


@dataclass
class Site:
    routes: dict[str, Route] = field(default_factory=dict)
    log: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    port: int = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def asked(self, path: str) -> int:
        return sum(1 for p, _ in self.log if p == path)

    def answers(self, path: str) -> list[dict[str, str]]:
        return [h for p, h in self.log if p == path]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:  # noqa: N802
            site.log.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = site.routes.get(self.path)
            if route is None:
                self._send(404, b"not found", "text/plain")
                return
            if route.delay:
                time.sleep(route.delay)
            if route.location:
                self.send_response(route.status)
                self.send_header("Location", route.location)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if route.status == 200 and (
                    (route.etag and self.headers.get("If-None-Match") == route.etag) or
                    (route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified)):
                self.send_response(304)
                self.end_headers()
                return
            if route.size is not None:
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if route.announce:
                    self.send_header("Content-Length", str(route.size))
                self.end_headers()
                chunk = b"<p>" + b"x" * 65_530 + b"</p>\n"
                try:
                    for _ in range(route.size // len(chunk) + 1):
                        self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                return
            headers = {}
            if route.etag:
                headers["ETag"] = route.etag
            if route.last_modified:
                headers["Last-Modified"] = route.last_modified
            self._send(route.status, route.body, route.content_type, headers)

        def _send(self, status: int, body: bytes, content_type: str,
                  headers: dict[str, str] | None = None) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


class Server:
    """A ThreadingHTTPServer on 127.0.0.1 and a free port, in a daemon thread."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
        self.httpd.daemon_threads = True
        site.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Site:
        self.thread.start()
        return self.site

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def page(title: str, paragraphs: list[str], *, lang: str, published: str) -> bytes:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title>"
            f"<meta property=\"article:published_time\" content=\"{published}\"></head><body>"
            f"<nav><a href=\"/\">Home</a></nav><article><h1>{title}</h1>{body}</article>"
            f"<footer>Example site for tests</footer></body></html>").encode("utf-8")


def rss(items: list[tuple[str, str, str, str]]) -> bytes:
    """RSS 2.0 with items (guid, link, title, pubDate in RFC 822)."""
    entries = "".join(f"<item><guid isPermaLink=\"false\">{g}</guid><link>{link}</link>"
                      f"<title>{t}</title><pubDate>{d}</pubDate></item>" for g, link, t, d in items)
    return (f"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>"
            f"<title>Test wire</title><link>http://127.0.0.1/</link><description>tests</description>"
            f"{entries}</channel></rss>").encode("utf-8")


def atom(entries: list[tuple[str, str, str, str]]) -> bytes:
    """Atom with entries (id, link, title, updated in ISO 8601)."""
    body = "".join(f"<entry><id>{i}</id><link href=\"{link}\"/><title>{t}</title>"
                   f"<updated>{u}</updated></entry>" for i, link, t, u in entries)
    return (f"<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
            f"<title>Test journal</title><id>urn:test:journal</id><updated>2025-03-06T10:00:00Z</updated>"
            f"{body}</feed>").encode("utf-8")
