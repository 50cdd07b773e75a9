#!/usr/bin/env python3
"""Stands in for `nomad-wasm up` in the driver's process-lifecycle tests.

Same command line as the real host (up -f APP --listen ADDR [--env K=V] [--variable k=v]
[--state-dir D] [--request-timeout T] [--memory-limit-mb N]); no wasm engine. Behaviour is
chosen by a line in the app's spin.toml:
  # fake-behaviour = "crash"         print an error to stderr and exit 3 at once
  # fake-behaviour = "never-listen"  run but never open the port
otherwise it serves HTTP: /.well-known/spin/health -> 200 "OK", anything else -> 200 with the
options it was started with. SIGHUP is logged to stdout; SIGTERM/SIGINT end it by default.
"""
import http.server
import json
import signal
import sys
import time


def parse(argv):
    if not argv or argv[0] != "up":
        sys.exit("fake-spin-host: first argument must be 'up'")
    opts = {"env": [], "variable": []}
    i = 1
    while i < len(argv):
        key = argv[i].lstrip("-")
        value = argv[i + 1]
        if key in ("env", "variable"):
            opts[key].append(value)
        else:
            opts[key] = value
        i += 2
    return opts


def main():
    opts = parse(sys.argv[1:])
    manifest = open(opts["f"], encoding="utf-8").read()
    if 'fake-behaviour = "crash"' in manifest:
        print("Error: failed to load component `broken`: invalid wasm: magic header not detected", file=sys.stderr, flush=True)
        sys.exit(3)
    signal.signal(signal.SIGHUP, lambda *_: print("fake host: got SIGHUP", flush=True))
    if 'fake-behaviour = "never-listen"' in manifest:
        while True:
            time.sleep(60)
    host, _, port = opts["listen"].rpartition(":")
    body = json.dumps(opts).encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            payload = b"OK" if self.path == "/.well-known/spin/health" else body
            self.send_response(200)
            self.send_header("content-length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, fmt, *args):
            print("fake host: " + fmt % args, flush=True)

    server = http.server.ThreadingHTTPServer((host.strip("[]"), int(port)), Handler)
    print(f"fake host: serving {opts['f']} on http://{opts['listen']}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
