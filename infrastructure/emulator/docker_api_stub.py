"""A stand-in Docker Engine API for a moto server on a machine without Docker.

moto's /moto-api/data.json reads every attribute of every model, and a Lambda function's
docker_client attribute creates a Docker client, which first asks the engine for its API version.
Without an engine that raises, so data.json fails with HTTP 500 as soon as any Lambda function
exists, even with {"lambda": {"use_docker": false}}. moto.sh points moto's DOCKER_HOST here: the
version query succeeds, and every other call gets an error that says why.

Usage: python docker_api_stub.py PORT_FILE
Listens on a free 127.0.0.1 port and writes that port to PORT_FILE once it accepts connections.
Standard library only, so the project venv's python runs it.
"""

import json
import os
import re
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

VERSION = {
    "ApiVersion": "1.44",
    "MinAPIVersion": "1.24",
    "Version": "0.0.0-stub",
    "Os": "linux",
    "Arch": "amd64",
}
NO_ENGINE = {
    "message": "no Docker engine: this is the account-lifecycle stand-in, which only reports"
    " a version; run Lambda in moto without Docker"
}
VERSION_PATH = re.compile(r"^(/v[0-9.]+)?/version$")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _answer(self, status, document):
        body = json.dumps(document).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if VERSION_PATH.match(self.path.split("?", 1)[0]):
            self._answer(200, VERSION)
        else:
            self._answer(501, NO_ENGINE)

    def _refuse(self):
        # Read any request body so that a keep-alive connection stays in step.
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self._answer(501, NO_ENGINE)

    do_POST = do_PUT = do_DELETE = _refuse

    def log_message(self, format, *args):
        pass  # moto's log already shows whatever went wrong; a request log here is noise


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: docker_api_stub.py PORT_FILE")
    port_file = sys.argv[1]
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    # Written via a rename so a reader never sees a half-written port number.
    with open(port_file + ".tmp", "w") as out:
        out.write(str(server.server_address[1]))
    os.replace(port_file + ".tmp", port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
