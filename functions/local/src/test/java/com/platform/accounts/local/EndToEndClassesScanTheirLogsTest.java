package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every test class that starts a local runtime scans its logs for secrets: a class added without
 * the scan would let a leak through unnoticed, so it fails here instead.
 */
class EndToEndClassesScanTheirLogsTest {
  private static final Set<String> STARTING_A_RUNTIME =
      Set.of(
          LocalRuntime.class.getName(),
          LocalRuntime.Builder.class.getName(),
          TestRuntimes.class.getName());

  @Test
  void everyTestClassThatStartsALocalRuntimeRegistersTheLogSecretScan() {
    JavaClasses tests =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages(getClass().getPackageName());

    List<JavaClass> endToEnd =
        tests.stream()
            .filter(EndToEndClassesScanTheirLogsTest::isTestClass)
            .filter(EndToEndClassesScanTheirLogsTest::startsARuntime)
            .toList();

    assertThat(endToEnd)
        .extracting(JavaClass::getName)
        .contains(
            SignupFlowsE2ETest.class.getName(),
            CardFlowsE2ETest.class.getName(),
            LocalPageBrowserIT.class.getName());
    assertThat(endToEnd)
        .filteredOn(c -> !registersTheScan(c))
        .extracting(JavaClass::getName)
        .as("test classes starting a runtime without a LogSecretScan")
        .isEmpty();
  }

  private static boolean isTestClass(JavaClass c) {
    return c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(Test.class));
  }

  private static boolean startsARuntime(JavaClass c) {
    return c.getMethodCallsFromSelf().stream()
        .anyMatch(
            call ->
                STARTING_A_RUNTIME.contains(call.getTargetOwner().getName())
                    && Set.of("start", "builder").contains(call.getName()));
  }

  private static boolean registersTheScan(JavaClass c) {
    return c.getFields().stream()
        .anyMatch(
            f ->
                f.getRawType().isEquivalentTo(LogSecretScan.class)
                    && f.getModifiers().contains(JavaModifier.STATIC)
                    && f.isAnnotatedWith(RegisterExtension.class));
  }
}
