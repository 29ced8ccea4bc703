#!/usr/bin/env python3
"""Slack stand-in for bin/e2e-compose: records every POST body (an incoming-webhook message) and answers "ok" as
Slack does; GET /messages returns the recorded bodies as a JSON array."""
import json
import signal
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

messages = []


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode("utf-8", "replace")
        messages.append({"path": self.path, "body": body})
        self._send(200, b"ok", "text/plain")

    def do_GET(self):
        if self.path == "/messages":
            self._send(200, json.dumps(messages).encode(), "application/json")
        else:
            self._send(200 if self.path == "/health" else 404, b"", "text/plain")

    def _send(self, status, payload, content_type):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, fmt, *args):
        pass


signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # PID 1 in its container: stop at once
ThreadingHTTPServer(("0.0.0.0", 8000), Handler).serve_forever()
