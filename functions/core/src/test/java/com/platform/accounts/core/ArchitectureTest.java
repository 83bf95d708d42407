package com.platform.accounts.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.platform.accounts.core.problem.Problem;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URLConnection;
import java.time.Clock;
import java.time.Instant;

/** The core stays the domain: no cloud SDK, no HTTP, no Lambda types, no wall-clock reads. */
@AnalyzeClasses(
    packages = "com.platform.accounts.core",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noAwsSdkOrLambda =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("software.amazon..", "com.amazonaws..");

  /** HTTP clients and servers, servlet and REST APIs, JSON libraries: all belong to adapters. */
  @ArchTest
  static final ArchRule noHttpOrJson =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.net.http..",
              "com.sun.net.httpserver..",
              "javax.servlet..",
              "jakarta.servlet..",
              "javax.ws.rs..",
              "jakarta.ws.rs..",
              "org.apache.http..",
              "org.apache.hc..",
              "okhttp3..",
              "com.fasterxml..",
              "com.google.gson..",
              "org.json..",
              "javax.json..",
              "jakarta.json..",
              // a session token is a JSON document (a JWT): its format is an adapter's
              "com.nimbusds..")
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(URLConnection.class);

  /**
   * A problem names what went wrong; the transport's status for it is the adapter's choice, so the
   * core's problems carry no status code.
   */
  @ArchTest
  static final ArchRule problemsCarryNoStatus =
      noFields()
          .that()
          .areDeclaredInClassesThat()
          .areAssignableTo(Problem.class)
          .should()
          .haveNameMatching("(?i).*status.*");

  @ArchTest
  static final ArchRule timeOnlyFromTheClockPort =
      noClasses()
          .should()
          .callMethod(Instant.class, "now")
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .callMethod(Clock.class, "systemUTC");

  @ArchTest
  static final ArchRule theDomainDoesNotReachIntoItsAdapters =
      noClasses()
          .that()
          .resideOutsideOfPackage("com.platform.accounts.core.memory..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.platform.accounts.core.memory..");
}
