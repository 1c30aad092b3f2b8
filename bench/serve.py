"""Serve a built site as GitHub Pages does (gzip for text, a short cache lifetime), recording what it sends."""
import contextlib
import functools
import gzip
import http.server
import mimetypes
import threading
from pathlib import Path

# The types GitHub Pages compresses; fonts (woff2), images and archives go out as they are.
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
mimetypes.add_type("application/javascript", ".js")
mimetypes.add_type("font/woff2", ".woff2")


def compressible(path: str) -> bool:
    return (mimetypes.guess_type(path)[0] or "").startswith(COMPRESSIBLE)


@functools.lru_cache(maxsize=4096)
def gzipped(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files with `Content-Encoding: gzip` when the client accepts it; each response's path and the
    bytes of its body on the wire go to `self.server.sent`."""

    # Keep-alive, as a real host: GitHub Pages serves HTTP/2 over one connection; HTTP/1.0 would open a
    # connection per file, each paying a round trip in Lighthouse's simulated network.
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", "") or not compressible(path.name):
            return super().send_head()
        body = gzipped(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)

    def end_headers(self):
        if not any(h.startswith(b"Cache-Control") for h in getattr(self, "_headers_buffer", [])):
            self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def copyfile(self, source, outputfile):
        data = source.read()
        outputfile.write(data)
        self.server.sent.append((self.path.split("?")[0], len(data)))


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self):
        return self.data

    def close(self):
        pass


@contextlib.contextmanager
def serve(site_dir: Path):
    """Serve `site_dir` on 127.0.0.1 (an ephemeral port) in a thread; yields the server, whose `base` is the
    URL without a trailing slash and whose `sent` lists (path, body bytes) per response."""
    handler = functools.partial(_Handler, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.sent = []
    httpd.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()
