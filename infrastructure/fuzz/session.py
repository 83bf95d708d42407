"""Signs up an account on the local runtime and prints its session token (infrastructure/fuzz).

    python session.py http://127.0.0.1:8080 fuzz@example.com [--both-contacts]

The account signs up by email; with --both-contacts it also proves a phone (the second
verification), so that adding a card, which needs both contacts proven, is reached as well. Codes
are read from the runtime's outbox, as a person would read their inbox.
"""

from __future__ import annotations

import json
import sys
import urllib.parse
import urllib.request

PASSWORD = "correct horse battery staple"
PHONE = "+12025550123"


def call(api: str, method: str, path: str, body: dict | None = None, token: str | None = None) -> dict:
    request = urllib.request.Request(api + path, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    data = None if body is None else json.dumps(body).encode()
    with urllib.request.urlopen(request, data, timeout=30) as response:
        text = response.read().decode()
    return json.loads(text) if text else {}


def last_code(api: str, to: str) -> str:
    outbox = call(api, "GET", "/_local/outbox?to=" + urllib.parse.quote(to))
    return outbox["messages"][-1]["code"]


def main() -> None:
    api, email = sys.argv[1], sys.argv[2]
    signup = call(
        api,
        "POST",
        "/v1/signups",
        {
            "country": "US",
            "email": email,
            "password": PASSWORD,
            "passwordConfirmation": PASSWORD,
            "termsAccepted": True,
        },
    )
    verified = call(
        api, "POST", f"/v1/signups/{signup['signupId']}/verify", {"code": last_code(api, email)}
    )
    token = verified["session"]["token"]
    if "--both-contacts" in sys.argv[3:]:
        second = call(
            api, "POST", "/v1/account/verifications", {"channel": "SMS", "phone": PHONE}, token
        )
        call(
            api,
            "POST",
            f"/v1/account/verifications/{second['verificationId']}/verify",
            {"code": last_code(api, PHONE)},
            token,
        )
    print(token)


if __name__ == "__main__":
    main()
