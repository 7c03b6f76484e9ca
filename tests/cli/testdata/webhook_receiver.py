"""A webhook receiver for notify_test.sh: checks every request's HMAC-SHA256 signature and logs
one JSON line per request (idempotency key, kind, whether the signature held, what it answered).

    webhook_receiver.py PORT SECRET LOG [--slow-first N] [--fail-first N]

The first N requests are answered only after 3 seconds (--slow-first: the sender times out) or
with 503 (--fail-first); the rest with 204.
"""
import hashlib
import hmac
import http.server
import json
import sys
import time

port, secret, log = int(sys.argv[1]), sys.argv[2].encode(), sys.argv[3]
slow = int(sys.argv[sys.argv.index("--slow-first") + 1]) if "--slow-first" in sys.argv else 0
failing = int(sys.argv[sys.argv.index("--fail-first") + 1]) if "--fail-first" in sys.argv else 0
seen = 0


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        global seen
        seen += 1
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        stamp = self.headers.get("X-Ladder-Timestamp", "")
        expected = "sha256=" + hmac.new(secret, stamp.encode() + b"." + body, hashlib.sha256).hexdigest()
        valid = hmac.compare_digest(expected, self.headers.get("X-Ladder-Signature", ""))
        status = 503 if slow < seen <= slow + failing else 204
        # Logged on arrival, so that a request the sender gave up on is in the log at once.
        entry = {"key": self.headers.get("Idempotency-Key"), "valid": valid, "status": status,
                 "slow": seen <= slow, "body": json.loads(body)}
        with open(log, "a") as f:
            f.write(json.dumps(entry) + "\n")
        if seen <= slow:
            time.sleep(3)
        try:
            self.send_response(status)
            self.end_headers()
        except OSError:
            pass  # the sender gave up waiting

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
