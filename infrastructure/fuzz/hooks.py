"""Schemathesis hooks of `make fuzz` (infrastructure/fuzz/fuzz.sh).

JSON Schema states each field on its own. A few rules of the API span fields or depend on what
happened before (a password and its confirmation, a phone number and the country, a card number
and its check digit, an Idempotency-Key and the request it was first used for). The hooks below
make each *schema-valid* request that a generator draws follow those rules too, the way any real
client does, so that the `positive_data_acceptance` check keeps its meaning: a schema-valid request
that is refused is a disagreement between the document and the service. Requests meant to be
invalid are never touched.
"""

from __future__ import annotations

import itertools
import os
import re
import threading
import uuid
from collections import deque
from urllib.parse import parse_qs, urlsplit

import phonenumbers
import schemathesis
from session import call

_IDEMPOTENCY_KEY = re.compile(r"[\x21-\x7E]{1,255}")
_PROVES_PHONE = {"SMS", "VOICE"}
_MAX_ADVANCE_SECONDS = 366 * 24 * 3600
_UNIT_SECONDS = {"days": 86400, "hours": 3600, "minutes": 60, "seconds": 1}
# infrastructure/fuzz/session.py signs its accounts up in this country
_SESSION_COUNTRY = "US"
# PasswordPolicy.COMMON (functions/core): refused whatever the schema allows
_COMMON_PASSWORDS = {
    "password", "password1", "password123", "12345678", "123456789", "1234567890", "qwertyui",
    "qwertyuiop", "iloveyou", "11111111", "00000000", "abcdefgh", "abc12345", "letmein1",
    "welcome1", "passw0rd", "sunshine", "football", "baseball", "trustno1", "princess",
    "superman", "1q2w3e4r", "qwerty123",
}

# the local runtime's own origin (fuzz.sh): the frontend origin PayPal returns may go back to
_ORIGIN = os.environ.get("FUZZ_ORIGIN", "").rstrip("/")
# the session of the run that links PayPal (fuzz.sh), for the returns of links started here
_SESSION = os.environ.get("FUZZ_SESSION", "")

# the country of each sign-up this run started, for the phone of a later resend
_signup_countries: dict[str, str] = {}
# the setup tokens of the PayPal links this run started
_paypal_setup_tokens: deque[str] = deque(maxlen=32)
_paypal_answers = itertools.count()
_lock = threading.Lock()


def _operation_id(case) -> str:
    return case.operation.definition.raw.get("operationId", "")


def _is_positive(case) -> bool:
    return case.meta is not None and case.meta.generation.mode.is_positive


def _phone_of(country: str) -> str:
    """A valid number of the country, in E.164: what a person of that country would type."""
    example = phonenumbers.example_number_for_type(
        country, phonenumbers.PhoneNumberType.MOBILE
    ) or phonenumbers.example_number(country)
    return phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)


def _strong(password: str, email: str | None) -> str:
    """The password, changed in its last character if PasswordPolicy would call it weak."""
    folded = password.lower()
    if len(set(password)) > 1 and folded not in _COMMON_PASSWORDS and folded != (email or "").strip().lower():
        return password
    last = "b" if password[-1] == "a" else "a"
    return password[:-1] + last if len(password) >= 128 else password + last


def _with_phone(body: dict, channel_field: str, country: str, required_without: bool) -> None:
    """A valid phone of the country where one is given, or needed by the channel and missing."""
    if "phone" in body or (required_without and body.get(channel_field) in _PROVES_PHONE):
        body["phone"] = _phone_of(country)


def _luhn_fixed(number: str) -> str:
    """The number with its last digit made the Luhn check digit; separators are kept."""
    digits = [int(c) for c in number if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits[:-1])):
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    check = str((10 - total % 10) % 10)
    last = max(i for i, c in enumerate(number) if c.isdigit())
    return number[:last] + check + number[last + 1 :]


@schemathesis.hook
def before_call(ctx, case, kwargs):
    # A client draws a fresh key for each request. Generated keys (and the document's example key)
    # would otherwise come back with other bodies, which the API refuses by design (422
    # IDEMPOTENCY_KEY_REUSED); a key that is itself invalid is sent as it is.
    if case.headers and _IDEMPOTENCY_KEY.fullmatch(str(case.headers.get("Idempotency-Key", ""))):
        case.headers["Idempotency-Key"] = str(uuid.uuid4())
    if not _is_positive(case):
        return
    if _operation_id(case) == "payPalReturn" and isinstance(case.query, dict) and _SESSION:
        # the browser back from PayPal: a state is PayPal's redirect's alone and works once, so
        # each generated return of a state becomes a new link's real one; the setup token comes
        # as PayPal's redirect names it (the document lets it come as approval_token_id instead,
        # and one of the two must: a rule JSON Schema cannot state for query parameters)
        if isinstance(case.query.get("state"), str):
            for name in ("cancelled", "token", "approval_token_id", "approval_session_id"):
                case.query.pop(name, None)
            case.query.update(_fresh_paypal_return())
    if not isinstance(case.body, dict):
        return
    body = case.body
    operation = _operation_id(case)
    if operation == "startSignup":
        if isinstance(body.get("password"), str):
            body["password"] = _strong(body["password"], body.get("email"))
            body["passwordConfirmation"] = body["password"]
        _with_phone(body, "verificationChannel", body.get("country", _SESSION_COUNTRY), True)
    elif operation == "resendSignupCode":
        with _lock:
            country = _signup_countries.get(case.path_parameters.get("signupId"), _SESSION_COUNTRY)
        _with_phone(body, "channel", country, True)
    elif operation == "startContactVerification":
        _with_phone(body, "channel", _SESSION_COUNTRY, True)
    elif operation == "createSandboxCardToken" and isinstance(body.get("number"), str):
        body["number"] = _luhn_fixed(body["number"])
    elif operation == "linkPayPal" and _ORIGIN:
        # a frontend page, as the frontend sends its own; the refusals of others are the
        # handlers' and the local runtime's tests
        if isinstance(body.get("returnUrl"), str):
            body["returnUrl"] = _ORIGIN + "/billing/paypal"
        if isinstance(body.get("cancelUrl"), str):
            body["cancelUrl"] = _ORIGIN + "/billing"
    elif operation == "approveSandboxPayPal" and isinstance(body.get("token"), str):
        with _lock:
            if _paypal_setup_tokens:
                body["token"] = _paypal_setup_tokens[-1]
    elif operation == "recordLedgerEvent":
        # what each type needs besides the members the schema requires of every event
        kind = body.get("type")
        if kind == "RESOURCE_PROVISIONED" and body.get("billing") is None:
            body["billing"] = "POSTPAID"
        elif kind == "SUBSCRIPTION_UPDATED" and body.get("autoRenew") is None and body.get("endsAt") is None:
            body["autoRenew"] = False
        elif kind == "CHARGE_ISSUED" and body.get("amount") is None:
            body["amount"] = {"amount": "1.00", "currency": "USD"}
    elif operation == "advanceLocalClock":
        total = sum(_UNIT_SECONDS.get(k, 0) * v for k, v in body.items() if isinstance(v, int))
        if total > _MAX_ADVANCE_SECONDS:
            for unit in list(body):
                body[unit] //= len(_UNIT_SECONDS)


def _query_of(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def _fresh_paypal_return() -> dict[str, str]:
    """A link of the session, cancelled at the PayPal stand-in or approved by an unverified payer
    in turn (never ACTIVE, which would close linking to the rest of the run): PayPal's redirect's
    query, the token and state (and `cancelled`) the browser comes back with."""
    started = call(
        _ORIGIN,
        "POST",
        "/v1/account/payment-methods/paypal",
        {"returnUrl": _ORIGIN + "/billing/paypal", "cancelUrl": _ORIGIN + "/billing"},
        _SESSION,
    )
    token = _query_of(started["approvalUrl"])["token"]
    with _lock:
        approved = next(_paypal_answers) % 2 == 0
    back = call(
        _ORIGIN,
        "POST",
        "/_local/paypal/approve",
        {"token": token, "approved": approved, "payerVerified": False},
    )
    return _query_of(back["redirectUrl"])


@schemathesis.hook
def after_call(ctx, case, response):
    operation = _operation_id(case)
    if operation == "linkPayPal" and response.status_code == 201:
        token = _query_of(response.json().get("approvalUrl", "")).get("token")
        if token:
            with _lock:
                _paypal_setup_tokens.append(token)
    if operation == "startSignup" and response.status_code == 201:
        signup_id = response.json().get("signupId")
        if isinstance(case.body, dict) and signup_id:
            with _lock:
                _signup_countries[signup_id] = case.body.get("country", _SESSION_COUNTRY)
