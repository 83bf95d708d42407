"""Deploys template.yaml to a ministack server and runs the service's flows through the deployed API.

    .venv-deploy/bin/python infrastructure/deploy-test/deploy_test.py [--keep]

What it does (README.md beside this file says why each step is as it is):
 1. starts ministack on 127.0.0.1 (a free port), its state and log under target/deploy-test/;
 2. creates what the stack expects to exist: the artefact bucket, the SSM SecureString of keys and
    the SES identity of the sender;
 3. deploys a copy of template.yaml with `sam deploy`, changed only as the README's table says
    (resources ministack cannot create left out, MINISTACK_LAMBDA_PROXY_URL added, a placeholder
    artefact in place of the jars, since the proxy runs the code);
 4. starts the Lambda proxy (a JVM with the real handler classes, LambdaProxy in functions/local's
    test sources) with the deployed functions' environment and AWS_ENDPOINT_URL set to ministack;
 5. drives the flows through the deployed REST API and checks their effects in ministack's state.

With --keep, ministack and the proxy keep running after the flows (Ctrl-C stops them).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import pathlib
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile

import boto3
from cryptography.hazmat.primitives.asymmetric import ec
from samcli.yamlhelper import yaml_dump, yaml_parse

ROOT = pathlib.Path(__file__).resolve().parents[2]
WORK = ROOT / "target" / "deploy-test"
VENV = ROOT / ".venv-deploy" / "bin"
CLASSPATH = WORK / "classpath.txt"
REGION = "us-east-1"
STACK = "account-lifecycle"
BUCKET = "deploy-test-artefacts"
SENDER = "no-reply@example.com"
SECRETS_PARAMETER = "/account-lifecycle/keys"
FRONTEND_ORIGIN = "https://console.example.com"
PASSWORD = "correct horse battery staple"
PHONE = "+12025550123"
CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "test",
    "AWS_SECRET_ACCESS_KEY": "test",
    "AWS_REGION": REGION,
    "AWS_DEFAULT_REGION": REGION,
}
# Resources the copy of the template leaves out, each with why (README.md, "What the copy changes").
UNSUPPORTED_TYPES = {
    "AWS::WAFv2::WebACLAssociation": "ministack's CloudFormation does not know this type",
    "AWS::SMSVOICE::ProtectConfiguration": "ministack's CloudFormation does not know this type "
    "(nor does it emulate AWS End User Messaging SMS and Voice v2)",
}
METRIC_MATH = "an alarm over metric math (Metrics): ministack's CloudFormation refuses those"


def log(message: str) -> None:
    print(f"[deploy-test {time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(check, what: str, timeout: float, interval: float = 0.5):
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        try:
            result = check()
            if result:
                return result
        except Exception as e:  # noqa: BLE001 - retried until the deadline, then reported
            last = e
        time.sleep(interval)
    raise RuntimeError(f"timed out waiting for {what}" + (f" (last error: {last!r})" if last else ""))


def b64url(number: int, length: int = 32) -> str:
    return base64.urlsafe_b64encode(number.to_bytes(length, "big")).rstrip(b"=").decode()


class Harness:
    def __init__(self) -> None:
        self.port = free_port()
        self.proxy_port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.processes: list[subprocess.Popen] = []
        session = boto3.session.Session(
            aws_access_key_id="test", aws_secret_access_key="test", region_name=REGION)
        self.client = lambda name: session.client(name, endpoint_url=self.endpoint)
        self.failures: list[str] = []

    # ------------------------------------------------------------------ build
    @staticmethod
    def build() -> None:
        """The handlers and the proxy compiled, and their test classpath (the SDK's HTTP client is
        a test dependency of functions/local, so local.jar lacks it)."""
        started = time.time()
        command = [*os.environ.get("MVN", "mvn -B -ntp").split(), "-q", "-pl", "functions/local",
                   "-am", "test-compile",
                   "org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath",
                   f"-Dmdep.outputFile={CLASSPATH}", "-Dmdep.includeScope=test"]
        with open(WORK / "build.log", "w") as out:
            if subprocess.run(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT).returncode:
                raise RuntimeError("the build failed (target/deploy-test/build.log)")
        log(f"built in {time.time() - started:.0f} s")

    # ------------------------------------------------------------------ processes
    def start(self, name: str, command: list[str], env: dict) -> subprocess.Popen:
        out = open(WORK / f"{name}.log", "w")
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   cwd=WORK, start_new_session=True)
        self.processes.append(process)
        return process

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)

    def start_ministack(self) -> None:
        env = dict(os.environ, BIND_HOST="127.0.0.1", GATEWAY_PORT=str(self.port),
                   MINISTACK_HOST="127.0.0.1", IOT_MTLS_ENABLED="0", SFTP_ENABLED="0",
                   **CREDENTIALS)
        self.start("ministack", [str(VENV / "ministack")], env)
        wait_for(lambda: urllib.request.urlopen(self.endpoint + "/_ministack/health", timeout=2),
                 "ministack to answer", 60)
        log(f"ministack on {self.endpoint}")

    # ------------------------------------------------------------------ what the stack expects
    def prepare(self) -> str:
        self.client("s3").create_bucket(Bucket=BUCKET)
        self.client("ses").verify_email_identity(EmailAddress=SENDER)
        key = ec.generate_private_key(ec.SECP256R1())
        numbers = key.private_numbers()
        jwk = {"kty": "EC", "crv": "P-256", "x": b64url(numbers.public_numbers.x),
               "y": b64url(numbers.public_numbers.y)}
        keys = {
            "hmacKey": base64.b64encode(os.urandom(32)).decode(),
            "sessionKeyId": "deploy-test",
            "sessionJwk": dict(jwk, d=b64url(numbers.private_value)),
            "cardProcessorSecretKey": "sk_test_deployTestOnly",
            "payPalClientId": "deploy-test-client-id",
            "payPalClientSecret": "deploy-test-client-secret",
        }
        self.client("ssm").put_parameter(Name=SECRETS_PARAMETER, Type="SecureString",
                                         Value=json.dumps(keys), Overwrite=True)
        return json.dumps(jwk, separators=(",", ":"))

    def template_copy(self) -> pathlib.Path:
        template = yaml_parse((ROOT / "template.yaml").read_text())
        resources = template["Resources"]
        unsupported = {k: UNSUPPORTED_TYPES[v["Type"]] for k, v in resources.items()
                       if v["Type"] in UNSUPPORTED_TYPES}
        unsupported.update({k: METRIC_MATH for k, v in resources.items()
                            if v["Type"] == "AWS::CloudWatch::Alarm"
                            and "Metrics" in v.get("Properties", {})})
        for logical_id, why in unsupported.items():
            log(f"left out {logical_id}: {why}")
            del resources[logical_id]
            outputs = template.get("Outputs", {})
            for output in [k for k, v in outputs.items() if logical_id in json.dumps(v)]:
                log(f"left out output {output}: it names {logical_id}")
                del outputs[output]
        variables = template["Globals"]["Function"]["Environment"]["Variables"]
        variables["MINISTACK_LAMBDA_PROXY_URL"] = f"http://127.0.0.1:{self.proxy_port}/"
        # The proxy runs the code, so the uploaded artefact is never executed: one small zip
        # instead of the sixteen jars keeps the deploy independent of `sam build`/packaging.
        placeholder = WORK / "placeholder.zip"
        with zipfile.ZipFile(placeholder, "w") as z:
            z.writestr("README", "served by the deploy test's Lambda proxy\n")
        for resource in resources.values():
            if resource["Type"] == "AWS::Serverless::Function":
                resource["Properties"]["CodeUri"] = str(placeholder)
        copy = WORK / "template.yaml"
        copy.write_text(yaml_dump(template))
        # the state machines' DefinitionUri paths are relative to the template
        for path in ("infrastructure",):
            link = WORK / path
            if not link.exists():
                link.symlink_to(ROOT / path)
        return copy

    def deploy(self, template: pathlib.Path, jwk: str) -> None:
        env = dict(os.environ, AWS_ENDPOINT_URL=self.endpoint, SAM_CLI_TELEMETRY="0",
                   **CREDENTIALS)
        overrides = [
            f"SenderEmail={SENDER}",
            "VoiceOriginationIdentity=+12025550100",
            f"FrontendOrigin={FRONTEND_ORIGIN}",
            # sam's parser keeps a value with quotes and commas only inside single quotes;
            # unquoted, the JWK arrives as "{"
            f"SessionPublicJwk='{jwk}'",
        ]
        command = [str(VENV / "sam"), "deploy", "--template-file", str(template),
                   "--stack-name", STACK, "--s3-bucket", BUCKET, "--region", REGION,
                   "--capabilities", "CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND",
                   "--no-confirm-changeset", "--no-fail-on-empty-changeset",
                   "--parameter-overrides", *overrides]
        started = time.time()
        with open(WORK / "sam-deploy.log", "w") as out:
            status = subprocess.run(command, env=env, cwd=WORK, stdout=out,
                                    stderr=subprocess.STDOUT).returncode
        stack = self.client("cloudformation").describe_stacks(StackName=STACK)["Stacks"][0]
        log(f"sam deploy: exit {status}, stack {stack['StackStatus']} "
            f"in {time.time() - started:.0f} s (target/deploy-test/sam-deploy.log)")
        if stack["StackStatus"] not in ("CREATE_COMPLETE", "UPDATE_COMPLETE"):
            raise RuntimeError("the stack did not deploy")

    def resources(self) -> dict[str, dict]:
        pages = self.client("cloudformation").get_paginator("list_stack_resources")
        return {r["LogicalResourceId"]: r for page in pages.paginate(StackName=STACK)
                for r in page["StackResourceSummaries"]}

    # ------------------------------------------------------------------ the Lambda proxy
    def start_proxy(self, resources: dict[str, dict]) -> None:
        functions = {logical: r["PhysicalResourceId"] for logical, r in resources.items()
                     if r["ResourceType"] == "AWS::Lambda::Function"}
        names = WORK / "functions.properties"
        names.write_text("".join(f"{name}={logical}\n" for logical, name in functions.items()))
        # Every function shares the Globals' variables (only JAVA_TOOL_OPTIONS differs), so one
        # JVM takes them from one deployed function's configuration.
        configuration = self.client("lambda").get_function_configuration(
            FunctionName=functions["SignupApiFunction"])
        variables = configuration["Environment"]["Variables"]
        for name in ("MINISTACK_LAMBDA_PROXY_URL", "JAVA_TOOL_OPTIONS"):
            variables.pop(name, None)
        env = dict(os.environ, **variables, **CREDENTIALS, AWS_ENDPOINT_URL=self.endpoint)
        local = ROOT / "functions" / "local" / "target"
        classpath = os.pathsep.join([str(local / "classes"), str(local / "test-classes"),
                                     CLASSPATH.read_text().strip()])
        self.start("lambda-proxy", ["java", "-cp", classpath,
                                    "com.platform.accounts.local.deploytest.LambdaProxy",
                                    str(self.proxy_port), str(ROOT), str(names)], env)
        wait_for(lambda: "listening" in (WORK / "lambda-proxy.log").read_text(),
                 "the Lambda proxy to listen", 60)
        log(f"Lambda proxy on 127.0.0.1:{self.proxy_port} serving {len(functions)} functions")

    # ------------------------------------------------------------------ flows
    def api_base(self, resources: dict[str, dict]) -> str:
        api_id = resources["AccountApi"]["PhysicalResourceId"]
        return f"{self.endpoint}/_aws/execute-api/{api_id}/v1"

    def call(self, method: str, path: str, body: dict | None = None, token: str | None = None,
             expect: int | None = None) -> tuple[int, dict]:
        request = urllib.request.Request(self.api + path, method=method)
        request.add_header("Content-Type", "application/json")
        request.add_header("Origin", FRONTEND_ORIGIN)
        if token:
            request.add_header("Authorization", "Bearer " + token)
        data = None if body is None else json.dumps(body).encode()
        try:
            with urllib.request.urlopen(request, data, timeout=60) as response:
                status, text = response.status, response.read().decode()
        except urllib.error.HTTPError as e:
            status, text = e.code, e.read().decode()
        answer = json.loads(text) if text else {}
        if expect is not None and status != expect:
            # the problem's code only: an answer may hold a session token
            code = answer.get("code") if isinstance(answer, dict) else None
            raise RuntimeError(f"{method} {path}: {status} {code or ''}, expected {expect}")
        return status, answer

    def emails_to(self, address: str) -> list[dict]:
        with urllib.request.urlopen(self.endpoint + "/_ministack/ses/messages", timeout=10) as r:
            by_account = json.loads(r.read())["messages"]
        return [m for messages in by_account.values() for m in messages if address in m["To"]]

    def code_in_email(self, address: str, count: int) -> str:
        def find():
            emails = self.emails_to(address)
            return emails if len(emails) >= count else None
        emails = wait_for(find, f"email number {count} to {address}", 60)
        match = re.search(r"verification code is (\d+)", emails[count - 1]["BodyText"])
        if not match:
            raise RuntimeError(f"no code in the email to {address}")
        return match.group(1)

    @staticmethod
    def code_in_sms(phone: str, count: int) -> str:
        """ministack keeps no sent SMS to read back, but logs each ("SNS SMS stub to <phone>:
        <first 80 characters>"), which hold the code."""
        pattern = re.compile(re.escape(f"SNS SMS stub to {phone}: ") + r".*?code is (\d+)")

        def find():
            codes = pattern.findall((WORK / "ministack.log").read_text())
            return codes if len(codes) >= count else None
        return wait_for(find, f"SMS number {count} to {phone}", 60)[count - 1]

    def second_verification(self, token: str) -> None:
        _, started = self.call("POST", "/v1/account/verifications",
                               {"channel": "SMS", "phone": PHONE}, token, expect=201)
        _, proven = self.call("POST", f"/v1/account/verifications/{started['verificationId']}"
                              "/verify", {"code": self.code_in_sms(PHONE, 1)}, token, expect=200)
        self.check(proven["verifiedContacts"] == {"email": True, "phone": True},
                   "second verification by SMS: both contacts proven")

    def sandbox(self, method: str, path: str, body: dict | None = None) -> dict:
        request = urllib.request.Request(f"http://127.0.0.1:{self.proxy_port}{path}", method=method)
        request.add_header("Content-Type", "application/json")
        data = None if body is None else json.dumps(body).encode()
        with urllib.request.urlopen(request, data, timeout=30) as response:
            return json.loads(response.read())

    def card(self, token: str, resources: dict[str, dict]) -> None:
        """A card added and proven by the code on its statement, with the sandbox processor."""
        card_token = self.sandbox("POST", "/_sandbox/card-tokens", {
            "number": "4242424242424242", "expMonth": 12, "expYear": 2035, "cvc": "123",
            "holderName": "Deploy Test"})["token"]
        _, added = self.call("POST", "/v1/account/payment-methods/cards", {"token": card_token},
                             token, expect=202)
        self.check(added["status"] == "PENDING_VERIFICATION", "card added, pending verification")
        lines = self.sandbox("GET", "/_sandbox/statement?last4=4242")["lines"]
        codes = [m.group(1) for line in lines
                 if (m := re.search(r"INTL(\d{6})", line.get("description") or ""))]
        self.check(bool(codes), "the microcharge's code on the card's statement")
        _, proven = self.call("POST", f"/v1/account/payment-methods/{added['paymentMethodId']}"
                              "/verify", {"code": codes[-1]}, token, expect=200)
        self.check(proven["status"] == "VERIFIED", "card proven by its statement code: VERIFIED")
        runs = self.executions("CardVerificationStateMachine", resources)
        self.check(bool(runs), f"a card-verification execution ({[r['status'] for r in runs]})")

    def deletion(self, token: str) -> None:
        """A deletion with nothing left to bill: DELETED within seconds, the session refused."""
        _, check = self.call("GET", "/v1/account/deletion-check", token=token, expect=200)
        self.check(check.get("deletable") is True, f"deletion check: deletable ({check})")
        _, requested = self.call("POST", "/v1/account/deletion",
                                 {"disclaimerAccepted": True, "password": PASSWORD}, token,
                                 expect=202)

        def deleted():
            status, answer = self.call("GET", "/v1/account/deletion", token=token)
            return status == 401 or answer.get("status") == "DELETED"
        try:
            wait_for(deleted, "the deletion to finish", 60, interval=1)
            self.check(True, f"deletion requested ({requested['status']}) and DELETED")
        except RuntimeError as e:
            self.check(False, f"deletion DELETED ({e})")
        status, _ = self.call("GET", "/v1/account", token=token)
        self.check(status == 401, f"after the deletion the session is refused ({status})")

    def sweep(self, machine_logical_id: str, resources: dict[str, dict]) -> None:
        """A schedule's target (a sweep's state machine), started as the schedule would."""
        sfn = self.client("stepfunctions")
        arn = resources[machine_logical_id]["PhysicalResourceId"]
        execution = sfn.start_execution(stateMachineArn=arn, input="{}")["executionArn"]
        status = wait_for(
            lambda: (lambda s: s if s != "RUNNING" else None)(
                sfn.describe_execution(executionArn=execution)["status"]),
            f"the {machine_logical_id} execution to end", 120)
        self.check(status == "SUCCEEDED", f"{machine_logical_id} execution {status}")

    def executions(self, machine_logical_id: str, resources: dict[str, dict]) -> list[dict]:
        arn = resources[machine_logical_id]["PhysicalResourceId"]
        return self.client("stepfunctions").list_executions(stateMachineArn=arn)["executions"]

    def check(self, ok: bool, what: str) -> None:
        log(("PASS " if ok else "FAIL ") + what)
        if not ok:
            self.failures.append(what)

    def signup_flow(self, resources: dict[str, dict]) -> str:
        email = f"deploy-{int(time.time())}@example.com"
        _, signup = self.call("POST", "/v1/signups", {
            "country": "US", "email": email, "password": PASSWORD,
            "passwordConfirmation": PASSWORD, "termsAccepted": True}, expect=201)
        code = self.code_in_email(email, 1)
        _, verified = self.call("POST", f"/v1/signups/{signup['signupId']}/verify",
                                {"code": code}, expect=201)
        token = verified["session"]["token"]
        self.check(bool(token), "sign-up by email verified, a session issued")

        def succeeded():
            runs = self.executions("ContactVerificationStateMachine", resources)
            return [r for r in runs if r["status"] == "SUCCEEDED"]
        try:
            wait_for(succeeded, "the contact-verification execution to succeed", 60)
            self.check(True, "contact-verification execution SUCCEEDED")
        except RuntimeError as e:
            statuses = [r["status"] for r in self.executions("ContactVerificationStateMachine",
                                                             resources)]
            self.check(False, f"contact-verification execution SUCCEEDED ({e}; {statuses})")
        try:
            wait_for(lambda: len(self.emails_to(email)) >= 2, "the welcome email", 30)
            self.check(True, "welcome email sent")
        except RuntimeError as e:
            self.check(False, f"welcome email sent ({e})")

        self.call("GET", "/v1/account", token=token, expect=200)
        self.check(True, "the account read with the session")
        self.call("DELETE", "/v1/sessions/current", token=token, expect=204)
        status, _ = self.call("GET", "/v1/account", token=token)
        self.check(status == 401, f"signed out: the old session is refused ({status})")
        _, session = self.call("POST", "/v1/sessions", {"email": email, "password": PASSWORD},
                               expect=201)
        token = session["token"]
        self.check(bool(token), "signed in again")
        return token

    def run(self, keep: bool) -> int:
        if WORK.exists():
            shutil.rmtree(WORK)
        WORK.mkdir(parents=True)
        started = time.time()
        try:
            self.build()
            self.start_ministack()
            jwk = self.prepare()
            self.deploy(self.template_copy(), jwk)
            resources = self.resources()
            self.start_proxy(resources)
            self.api = self.api_base(resources)
            log(f"API at {self.api}")
            token = None
            try:
                token = self.signup_flow(resources)
            except Exception as e:  # noqa: BLE001 - reported as a failure, the rest still runs
                self.check(False, f"sign-up flow: {e}")
            if token:
                try:
                    self.second_verification(token)
                    self.card(token, resources)
                except Exception as e:  # noqa: BLE001
                    self.check(False, f"second verification and card: {e}")
            for machine in ("ExpireHoldsStateMachine", "FinishDeletionsStateMachine"):
                try:
                    self.sweep(machine, resources)
                except Exception as e:  # noqa: BLE001
                    self.check(False, f"{machine}: {e}")
            if token:
                try:
                    self.deletion(token)
                except Exception as e:  # noqa: BLE001
                    self.check(False, f"deletion: {e}")
            if keep:
                log("--keep: ministack and the proxy keep running; Ctrl-C stops them")
                with contextlib.suppress(KeyboardInterrupt):
                    while True:
                        time.sleep(3600)
        finally:
            self.stop()
        log(f"{len(self.failures)} failure(s) in {time.time() - started:.0f} s")
        return 1 if self.failures else 0


if __name__ == "__main__":
    sys.exit(Harness().run("--keep" in sys.argv[1:]))
