"""PayPal's REST API as far as the cold-start benchmark's link reaches: an OAuth2 access token and a
Vault v3 setup token, answered in the shapes PayPal documents. PayPal publishes no mock server of
its own (stripe-mock's counterpart), and the sandbox needs credentials and the network.

Usage: python3 infrastructure/benchmarks/paypal-stub.py PORT
"""
import json
import secrets
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class PayPal(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.path == "/v1/oauth2/token":
            self.answer(200, {"scope": "https://uri.paypal.com/services/vault/payment-tokens/readwrite",
                              "access_token": "A21AA" + secrets.token_urlsafe(24),
                              "token_type": "Bearer", "app_id": "APP-80W284485P519543T",
                              "expires_in": 32400, "nonce": secrets.token_hex(8)})
        elif self.path == "/v3/vault/setup-tokens":
            token = secrets.token_hex(8).upper()
            base = "https://api-m.sandbox.paypal.com/v3/vault/setup-tokens/" + token
            self.answer(201, {
                "id": token,
                "customer": {"id": "customer_" + secrets.token_hex(4)},
                "status": "PAYER_ACTION_REQUIRED",
                "payment_source": {"paypal": {"usage_pattern": "UNSCHEDULED_PREPAID",
                                              "usage_type": "MERCHANT"}},
                "links": [
                    {"href": "https://www.sandbox.paypal.com/agreements/approve?approval_session_id="
                             + token, "rel": "approve", "method": "GET"},
                    {"href": base, "rel": "self", "method": "GET"},
                    {"href": base + "/confirm-payment-token", "rel": "confirm", "method": "POST"},
                ]})
        else:
            self.answer(404, {"name": "RESOURCE_NOT_FOUND", "message": "not in the stub"})

    def do_GET(self):
        self.answer(404, {"name": "RESOURCE_NOT_FOUND", "message": "not in the stub"})

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Paypal-Debug-Id", secrets.token_hex(6))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), PayPal).serve_forever()
