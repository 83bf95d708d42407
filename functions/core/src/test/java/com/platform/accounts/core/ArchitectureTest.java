package com.platform.accounts.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;

/** The core stays the domain: no cloud SDK, no HTTP, no Lambda types, no wall-clock reads. */
@AnalyzeClasses(packages = "com.platform.accounts.core", importOptions =
    ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noAwsSdkOrLambda = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("software.amazon..", "com.amazonaws..");

  @ArchTest
  static final ArchRule noHttpOrJson = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("java.net.http..", "com.sun.net.httpserver..", "com.fasterxml..");

  @ArchTest
  static final ArchRule timeOnlyFromTheClockPort = noClasses().should()
      .callMethod(Instant.class, "now")
      .orShould().callMethod(System.class, "currentTimeMillis")
      .orShould().callMethod(Clock.class, "systemUTC");

  @ArchTest
  static final ArchRule theDomainDoesNotReachIntoItsAdapters = noClasses().that()
      .resideOutsideOfPackage("com.platform.accounts.core.memory..")
      .should().dependOnClassesThat().resideInAPackage("com.platform.accounts.core.memory..");
}
