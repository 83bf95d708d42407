package com.platform.accounts.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The artefacts that template.yaml deploys, as `mvn package` built them: one jar per function, with
 * the function's handler, without any test double, and with a card processor client or an AWS
 * service client only where the function's wiring calls it. `sam build` copies each function's jar
 * into its artefact, as infrastructure/sam/Makefile names it.
 */
class FunctionJarsIT {
  private static final Path ROOT = Path.of(System.getProperty("repo.root", "../.."));
  private static final Pattern FUNCTION =
      Pattern.compile(
          "\\n  (\\w+Function):\\n    Type: AWS::Serverless::Function\\n"
              + "((?:    Metadata:\\n(?:      .*\\n)*?)?    Properties:\\n(?:      .*\\n|\\s*\\n)*?)"
              + "      Handler: (\\S+)::handleRequest");
  private static final Pattern BUILD = Pattern.compile("(?m)^build-(\\w+Function): JAR = (\\S+)$");

  /**
   * Function to jar path, handler class and the template's text of the function up to its handler:
   * the handler from the template, the jar as infrastructure/sam/Makefile names it.
   */
  private static Map<String, String[]> functions() throws IOException {
    String template = Files.readString(ROOT.resolve("template.yaml"));
    Map<String, String> jars = new LinkedHashMap<>();
    Matcher b = BUILD.matcher(Files.readString(ROOT.resolve("infrastructure/sam/Makefile")));
    while (b.find()) {
      jars.put(b.group(1), "functions/handlers/target/functions/" + b.group(2) + ".jar");
    }
    Map<String, String[]> functions = new LinkedHashMap<>();
    Matcher m = FUNCTION.matcher(template);
    while (m.find()) {
      functions.put(m.group(1), new String[] {jars.get(m.group(1)), m.group(3), m.group(2)});
    }
    return functions;
  }

  @Test
  void everyFunctionIsBuiltBySamFromTheJarTheMakefileNames() throws IOException {
    Map<String, String[]> functions = functions();
    assertThat(functions).hasSizeGreaterThanOrEqualTo(8);
    for (Map.Entry<String, String[]> function : functions.entrySet()) {
      assertThat(function.getValue()[2])
          .as(function.getKey() + " built by infrastructure/sam/Makefile, from the repository root")
          .contains(
              "    Metadata:\n",
              "      BuildMethod: makefile\n",
              "      WorkingDirectory: .\n",
              "      CodeUri: infrastructure/sam\n");
      assertThat(function.getValue()[0])
          .as(function.getKey() + " has a jar in infrastructure/sam/Makefile")
          .isNotNull();
    }
  }

  private static boolean contains(ZipFile jar, String prefix) {
    return jar.stream().map(ZipEntry::getName).anyMatch(name -> name.startsWith(prefix));
  }

  @Test
  void everyFunctionHasItsOwnJarWithItsHandlerAndNoTestDouble() throws IOException {
    Map<String, String[]> functions = functions();
    assertThat(functions).hasSizeGreaterThanOrEqualTo(8);
    for (Map.Entry<String, String[]> function : functions.entrySet()) {
      assertThat(function.getValue()[0]).as(function.getKey()).isNotNull();
      Path jarPath = ROOT.resolve(function.getValue()[0]);
      assertThat(jarPath).as(function.getKey()).exists();
      try (ZipFile jar = new ZipFile(jarPath.toFile())) {
        assertThat(jar.getEntry(function.getValue()[1].replace('.', '/') + ".class"))
            .as(function.getKey() + " carries its handler")
            .isNotNull();
        for (String forbidden :
            List.of(
                "com/platform/accounts/core/memory/",
                "com/platform/accounts/core/AccountLifecycle",
                "com/platform/accounts/local/",
                "com/platform/accounts/asl/",
                "com/platform/accounts/testkit/",
                "org/apache/hc/",
                "software/amazon/awssdk/http/apache",
                "org/apache/logging/log4j/",
                "org/junit/")) {
          assertThat(contains(jar, forbidden))
              .as(function.getKey() + " holds " + forbidden)
              .isFalse();
        }
      }
    }
  }

  @Test
  void onlyTheCardFunctionsCarryTheCardProcessorsClient() throws IOException {
    for (Map.Entry<String, String[]> function : functions().entrySet()) {
      boolean chargesCards =
          List.of(
                  "PaymentMethodsApiFunction",
                  "CardVerificationTasksFunction",
                  "ExpireHoldsFunction",
                  // a deletion's final charges, its cards' release and detach
                  "AccountDeletionTasksFunction",
                  "FinishDeletionsFunction")
              .contains(function.getKey());
      try (ZipFile jar = new ZipFile(ROOT.resolve(function.getValue()[0]).toFile())) {
        assertThat(contains(jar, "com/stripe/")).as(function.getKey()).isEqualTo(chargesCards);
      }
    }
  }

  @Test
  void theAccountViewCarriesNoClientButDynamoDbAndNoSecretStore() throws IOException {
    try (ZipFile jar =
        new ZipFile(ROOT.resolve(functions().get("AccountApiFunction")[0]).toFile())) {
      assertThat(contains(jar, "software/amazon/awssdk/services/dynamodb/")).isTrue();
      for (String service : List.of("ssm", "sesv2", "sns", "sfn", "pinpointsmsvoicev2")) {
        assertThat(contains(jar, "software/amazon/awssdk/services/" + service + "/"))
            .as(service)
            .isFalse();
      }
    }
  }
}
