# The two commands of the README: `make run` starts the service locally, `make test` runs every test.
# Each target installs what it needs itself, so both work on a fresh machine.
SHELL := /bin/bash
MVN ?= mvn -B -ntp
PORT ?= 8080
LOCAL_JAR := functions/local/target/local.jar
SOURCES := $(shell find functions -name '*.java' -path '*/src/main/*' 2>/dev/null) \
           $(shell find functions -name 'pom.xml' -o -path '*/src/main/resources/*' -type f 2>/dev/null) \
           pom.xml $(wildcard infrastructure/messages/*)

.PHONY: run test build lint emulator emulator-stop venv benchmark fuzz mutation load clean sam-build deploy-test

# The local runtime is one JVM serving every function. Its CPU goes to Argon2id (sign-ups and
# sign-ins hash on every request), which runs about 3.5x faster once C2 has compiled it, so it runs
# with full tiered compilation, as SignupApi and SessionApi do in template.yaml (README, Load test).
# `make load LOCAL_JVM_FLAGS=-XX:TieredStopAtLevel=1` measures the other functions' C1-only setting.
LOCAL_JVM_FLAGS ?=

## run: build what is missing and start the local runtime on 127.0.0.1:$(PORT)
run: $(LOCAL_JAR)
	PORT=$(PORT) java $(LOCAL_JVM_FLAGS) -jar $(LOCAL_JAR)

$(LOCAL_JAR): $(SOURCES)
	$(MVN) -q -DskipTests -pl functions/local -am package

## build: compile and package every module without tests
build:
	$(MVN) -q -DskipTests package

# The functions' jars, which `sam build` deploys (infrastructure/sam/Makefile asks for each one).
FUNCTION_JARS := functions/handlers/target/functions
$(FUNCTION_JARS)/%.jar: $(SOURCES)
	$(MVN) -q -DskipTests -pl functions/handlers -am package

# The SAM CLI, pinned, in a venv of its own, apart from the test tools in .venv
SAM_CLI_VERSION := 1.170.0
SAM := .venv-sam/bin/sam
$(SAM)-$(SAM_CLI_VERSION):
	python3 -m venv .venv-sam
	.venv-sam/bin/pip install -q "aws-sam-cli==$(SAM_CLI_VERSION)"
	touch $@

## sam-build: `sam build` with the pinned SAM CLI (.venv-sam): every function's jar in .aws-sam/build
sam-build: $(SAM)-$(SAM_CLI_VERSION)
	SAM_CLI_TELEMETRY=0 $(SAM) build

## venv: the project's Python tools (moto, cfn-lint) in .venv
venv:
	bash infrastructure/emulator/venv.sh

## lint: cfn-lint on template.yaml (errors fail the build)
lint: venv
	.venv/bin/cfn-lint template.yaml

## test: every test — unit, contract, emulator-backed integration, end-to-end, a short fuzz run
test: venv
	@echo "== cfn-lint template.yaml"
	.venv/bin/cfn-lint template.yaml
	bash infrastructure/browser/install-chromium.sh
	@echo "== stripe-mock (the Stripe adapter's StripeMockIT; installed with Go)"
	bash infrastructure/benchmarks/stripe-mock.sh
	@echo "== mvn verify"
	$(MVN) --fail-at-end verify; status=$$?; \
	echo "== fuzz: a short Schemathesis run with a fixed seed (make fuzz runs the long one)"; \
	bash infrastructure/fuzz/fuzz.sh --quick || status=1; \
	bash .ci/test-summary.sh; exit $$status

## emulator: start a moto server on 127.0.0.1:5000 for manual runs (AWS_ENDPOINT_URL is printed)
emulator: venv
	bash infrastructure/emulator/moto.sh start 5000

emulator-stop:
	bash infrastructure/emulator/moto.sh stop

## benchmark: cold start of every handler (emulator), then the warm path (JMH); tables printed (README)
benchmark: venv build
	bash infrastructure/benchmarks/coldstart.sh
	bash infrastructure/benchmarks/warm-path.sh

## fuzz: Schemathesis with every check against the local runtime from openapi.yaml (≥ 10,000 requests)
fuzz: build
	bash infrastructure/fuzz/fuzz.sh

## mutation: PIT on the core with the core's own tests, kill rate per package; fails below 90%
mutation:
	rm -rf functions/core/target/pit-reports
	$(MVN) -q -pl functions/core -am test-compile org.pitest:pitest-maven:mutationCoverage; \
	status=$$?; bash infrastructure/mutation/summary.sh || status=1; exit $$status

## load: loopback load test of the local runtime (8 clients x 30 s per scenario); README, Load test
load: $(LOCAL_JAR)
	python3 infrastructure/load/load.py --jar $(LOCAL_JAR) --jvm-flags="$(LOCAL_JVM_FLAGS)" $(LOAD_ARGS)

## deploy-test: template.yaml deployed to ministack, its flows run through the deployed API (infrastructure/deploy-test)
deploy-test:
	bash infrastructure/deploy-test/venv.sh
	MVN="$(MVN)" .venv-deploy/bin/python infrastructure/deploy-test/deploy_test.py $(DEPLOY_TEST_ARGS)

clean:
	$(MVN) -q clean
