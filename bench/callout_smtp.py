"""The benchmark's SMTP server in its own process: aiosmtpd that accepts every message and
counts it, with GET /_stats and GET /_reset on a small HTTP port beside it.

    python bench/callout_smtp.py --port 2525 --stats-port 2526
"""

import argparse
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller


class Counter:
    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        self.messages = 0
        self.envelope_recipients = 0  # RCPT TO over all messages (one message may have many)
        self.recipients = set()
        self.last_at = None

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd's hook
        with self.lock:
            self.messages += 1
            self.envelope_recipients += len(envelope.rcpt_tos)
            self.recipients.update(envelope.rcpt_tos)
            self.last_at = time.time()
        return "250 Message accepted for delivery"

    def stats(self) -> dict:
        with self.lock:
            return {
                "messages": self.messages,
                "envelope_recipients": self.envelope_recipients,
                "recipients": len(self.recipients),
                "last_at": self.last_at,
            }


def stats_handler(counter: Counter):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # http.server's hook
            if self.path == "/_reset":
                with counter.lock:
                    counter.reset()
            data = json.dumps(counter.stats()).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    return Handler


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--stats-port", type=int, required=True)
    options = parser.parse_args()
    counter = Counter()
    controller = Controller(counter, hostname="127.0.0.1", port=options.port)
    controller.start()
    ThreadingHTTPServer(("127.0.0.1", options.stats_port), stats_handler(counter)).serve_forever()


if __name__ == "__main__":
    main()
