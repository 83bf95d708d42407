"""Creates, on an AWS-API emulator, what template.yaml would create in AWS, for manual runs and the
cold-start benchmark: the table, the domain-events topic, the SES sender identity, the service keys
parameter and the state machines. Prints the environment the handlers read.

Usage: .venv/bin/python infrastructure/emulator/bootstrap.py http://127.0.0.1:5000
"""
import base64
import json
import os
import pathlib
import shlex
import sys

import boto3
from cryptography.hazmat.primitives.asymmetric import ec

REGION = "us-east-1"
ROOT = pathlib.Path(__file__).resolve().parents[2]


def b64url(number: int, length: int = 32) -> str:
    return base64.urlsafe_b64encode(number.to_bytes(length, "big")).rstrip(b"=").decode()


def main(endpoint: str) -> None:
    session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing",
                                     region_name=REGION)
    client = lambda name: session.client(name, endpoint_url=endpoint)

    ddb = client("dynamodb")
    table = "accounts"
    if table not in ddb.list_tables()["TableNames"]:
        ddb.create_table(
            TableName=table, BillingMode="PAY_PER_REQUEST",
            AttributeDefinitions=[{"AttributeName": n, "AttributeType": "S"}
                                  for n in ("pk", "sk", "dueShard", "dueAt")],
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"},
                       {"AttributeName": "sk", "KeyType": "RANGE"}],
            GlobalSecondaryIndexes=[{
                "IndexName": "due-index",
                "KeySchema": [{"AttributeName": "dueShard", "KeyType": "HASH"},
                              {"AttributeName": "dueAt", "KeyType": "RANGE"}],
                "Projection": {"ProjectionType": "ALL"}}])
        ddb.update_time_to_live(TableName=table, TimeToLiveSpecification={
            "Enabled": True, "AttributeName": "expiresAt"})

    topic = client("sns").create_topic(Name="domain-events")["TopicArn"]
    sender = "no-reply@example.com"
    client("sesv2").create_email_identity(EmailIdentity=sender)

    key = ec.generate_private_key(ec.SECP256R1())
    numbers = key.private_numbers()
    keys = {
        "hmacKey": base64.b64encode(os.urandom(32)).decode(),
        "sessionKeyId": "bench",
        "sessionJwk": {"kty": "EC", "crv": "P-256",
                       "x": b64url(numbers.public_numbers.x), "y": b64url(numbers.public_numbers.y),
                       "d": b64url(numbers.private_value)},
        # stripe-mock takes any testmode-looking key (letters and digits after sk_test_)
        "cardProcessorSecretKey": "sk_test_emulatorOnly",
        # what the PayPal stub of the cold-start benchmark takes (any)
        "payPalClientId": "emulator-client-id",
        "payPalClientSecret": "emulator-client-secret",
    }
    parameter = "/account-lifecycle/keys"
    client("ssm").put_parameter(Name=parameter, Type="SecureString", Value=json.dumps(keys),
                                Overwrite=True)

    sfn = client("stepfunctions")
    machines = {}
    for name, placeholder in (("contact-verification", "ContactVerificationTasksFunctionArn"),
                              ("card-verification", "CardVerificationTasksFunctionArn"),
                              ("paypal-linking", "PayPalLinkingTasksFunctionArn")):
        definition = (ROOT / f"infrastructure/statemachines/{name}.asl.json").read_text()
        definition = definition.replace(
            "${" + placeholder + "}", f"arn:aws:lambda:{REGION}:123456789012:function:{name}-tasks")
        existing = [m["stateMachineArn"] for m in sfn.list_state_machines()["stateMachines"]
                    if m["name"] == name]
        machines[name] = existing[0] if existing else sfn.create_state_machine(
            name=name, definition=definition,
            roleArn="arn:aws:iam::123456789012:role/states")["stateMachineArn"]

    env = {
        "AWS_ENDPOINT_URL": endpoint, "AWS_REGION": REGION,
        "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
        "TABLE_NAME": table, "EVENTS_TOPIC_ARN": topic,
        "CONTACT_VERIFICATION_STATE_MACHINE_ARN": machines["contact-verification"],
        "CARD_VERIFICATION_STATE_MACHINE_ARN": machines["card-verification"],
        "PAYPAL_LINKING_STATE_MACHINE_ARN": machines["paypal-linking"],
        "MERCHANT_NAME": "ACMECLOUD",
        "SECRETS_PARAMETER_NAME": parameter, "SENDER_EMAIL": sender,
        "VOICE_ORIGINATION_IDENTITY": "+12025550100", "TERMS_VERSION": "2026-11-01",
        "FRONTEND_ORIGIN": "http://127.0.0.1:8080",
        "SESSION_PUBLIC_JWK": json.dumps({k: v for k, v in keys["sessionJwk"].items() if k != "d"},
                                         separators=(",", ":")),
    }
    for name, value in env.items():
        print(f"export {name}={shlex.quote(value)}")


if __name__ == "__main__":
    main(sys.argv[1])
