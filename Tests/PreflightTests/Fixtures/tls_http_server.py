#!/usr/bin/env python3
"""A loopback HTTPS server for the pre-flight tests: serves the licensing paths with a Date header that can be
shifted (to test the clock stage). `GET /answer/STATUS[/SERVER]` answers STATUS with an HTML page, and with
`Server: SERVER` when given (to test the licensing stage). Usage: tls_http_server.py PORT CHAIN.pem KEY.pem [DATE_OFFSET_SECONDS]"""
import email.utils
import http.server
import ssl
import sys
import time

port, chain, key = int(sys.argv[1]), sys.argv[2], sys.argv[3]
offset = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def date_time_string(self, timestamp=None):
        return email.utils.formatdate(time.time() + offset, usegmt=True)

    def do_GET(self):
        if self.path.startswith("/answer/"):
            parts = self.path.split("/")
            body = b"<html><body>error</body></html>\n"
            self.send_response_only(int(parts[2]))
            self.send_header("Server", parts[3] if len(parts) > 3 else self.version_string())
            self.send_header("Date", self.date_time_string())
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)
            return
        known = self.path.startswith(("/its/service/oddce/services/DDCEService", "/licservice/license",
                                      "/Transportgateway/services/DeviceRequestHandler"))
        body = b"licensing endpoint\n" if known else b"not found\n"
        self.send_response(200 if known else 404)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", port), Handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(chain, key)
server.socket = context.wrap_socket(server.socket, server_side=True)
print("ready", flush=True)
server.serve_forever()
