package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.platform.accounts.core.card.Luhn;
import com.platform.accounts.handlers.Json;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The walk-through page at {@code /} of the local runtime, used by a person in headless Chromium:
 * sign up by email, read the code from the outbox, verify, look at the account, sign out, sign in.
 * Everything goes through the page's own forms and buttons; the only thing read is what the page
 * shows in "Last answer".
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} packages (see
 * infrastructure/browser/install-chromium.sh, which {@code make test} runs). Without them the test
 * fails rather than skipping. Selenium Manager is never consulted (the driver and the browser are
 * named explicitly), so nothing is downloaded.
 */
class LocalPageBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String PASSWORD = "correct horse battery staple";
  private static final String PHONE = "+12025550123";

  @RegisterExtension static final LogSecretScan LOGS = new LogSecretScan();

  private static LocalRuntime runtime;
  private static ChromeDriverService service;
  private static ChromeDriver browser;
  private static Path profile;
  private static Path artifacts;

  @BeforeAll
  static void start() throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      fail(
          "Headless Chromium is missing ("
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + " must both"
              + " exist): run `bash infrastructure/browser/install-chromium.sh` from the repository"
              + " root (make test does), then run this test again.");
    }
    // Selenium Manager is skipped when the driver path is given, but if it were ever reached it
    // must not fetch a driver or a browser: SE_* system properties become its environment.
    System.setProperty("SE_OFFLINE", "true");
    System.setProperty("SE_AVOID_BROWSER_DOWNLOAD", "true");
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());

    artifacts = TestRuntimes.repoRoot().resolve("functions/local/target/browser");
    Files.createDirectories(artifacts);
    profile = Files.createTempDirectory("local-page-chromium-");

    runtime = TestRuntimes.start();
    LOGS.watch("password", PASSWORD);
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogFile(artifacts.resolve("chromedriver.log").toFile())
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1000,2200",
        "--user-data-dir=" + profile);
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
  }

  @AfterAll
  static void stop() {
    try {
      if (browser != null) {
        browser.quit();
      }
    } finally {
      if (service != null) {
        service.stop();
      }
      if (runtime != null) {
        runtime.close();
      }
      deleteQuietly(profile);
    }
  }

  @Test
  void aPersonSignsUpSignsOutAndInAndProvesACard() throws IOException {
    String email = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    browser.get(runtime.baseUri() + "/");
    try {
      assertThat(browser.getTitle()).contains("Account lifecycle");

      // 1. sign up with a fresh email, everything else as the form suggests (EMAIL, terms ticked)
      WebElement signup = browser.findElement(By.id("signup"));
      type(signup.findElement(By.name("email")), email);
      type(signup.findElement(By.name("password")), PASSWORD);
      type(signup.findElement(By.name("passwordConfirmation")), PASSWORD);
      assertThat(signup.findElement(By.name("termsAccepted")).isSelected()).isTrue();
      answerTo(() -> signup.findElement(By.cssSelector("button[type=submit]")).click(), 201);

      // 2. the code, as the outbox shows it, into the verify form
      JsonNode outbox = answerTo(() -> browser.findElement(By.id("show-outbox")).click(), 200);
      JsonNode messages = outbox.path("messages");
      assertThat(messages.size()).as("messages to %s in %s", email, outbox).isPositive();
      JsonNode last = messages.get(messages.size() - 1);
      assertThat(last.path("to").asText()).isEqualTo(email);
      String code = last.path("code").asText();
      assertThat(code).matches("\\d{6}");
      LOGS.watch("code", code);
      WebElement verify = browser.findElement(By.id("verify"));
      type(verify.findElement(By.name("code")), code);
      JsonNode verified =
          answerTo(() -> verify.findElement(By.cssSelector("button[type=submit]")).click(), 201);
      assertThat(verified.path("session").path("token").asText()).isNotBlank();
      LOGS.watch("session token", verified.path("session").path("token").asText());

      // 3. the account is active, the email proven
      JsonNode account = answerTo(() -> browser.findElement(By.id("account")).click(), 200);
      assertThat(out()).contains("\"status\": \"ACTIVE\"");
      assertThat(account.path("status").asText()).isEqualTo("ACTIVE");
      assertThat(account.path("email").asText()).isEqualTo(email);
      assertThat(account.path("verifiedContacts").path("email").asBoolean()).isTrue();

      // sign out: the account is no longer shown
      answerTo(() -> browser.findElement(By.id("logout")).click(), 204);
      answerTo(() -> browser.findElement(By.id("account")).click(), 401);

      // sign in through the login form, and the account is back
      WebElement login = browser.findElement(By.id("login"));
      type(login.findElement(By.name("email")), email);
      type(login.findElement(By.name("password")), PASSWORD);
      JsonNode session =
          answerTo(() -> login.findElement(By.cssSelector("button[type=submit]")).click(), 201);
      assertThat(session.path("token").asText()).isNotBlank();
      LOGS.watch("session token", session.path("token").asText());
      JsonNode again = answerTo(() -> browser.findElement(By.id("account")).click(), 200);
      assertThat(again.path("email").asText()).isEqualTo(email);
      assertThat(again.path("status").asText()).isEqualTo("ACTIVE");

      // a card needs both contacts proven: the page answers so and leads to step 4
      WebElement card = browser.findElement(By.id("card"));
      String number = "4111 1100 0000 00" + luhnTail("41111100000000");
      LOGS.watch("card number", number);
      LOGS.watch("card number", number.replace(" ", ""));
      type(card.findElement(By.name("number")), number);
      JsonNode refused =
          answerTo(() -> card.findElement(By.cssSelector("button[type=submit]")).click(), 403);
      assertThat(refused.path("code").asText()).isEqualTo("CONTACT_VERIFICATION_REQUIRED");
      assertThat(refused.path("missing").get(0).asText()).isEqualTo("PHONE");
      WebElement second = browser.findElement(By.id("second"));
      assertThat(second.findElement(By.name("channel")).getDomProperty("value")).isEqualTo("SMS");
      assertThat(browser.switchTo().activeElement().getDomAttribute("name")).isEqualTo("phone");

      // the second verification: a code by SMS, read from the outbox, into the page
      type(second.findElement(By.name("phone")), PHONE);
      answerTo(() -> second.findElement(By.cssSelector("button[type=submit]")).click(), 201);
      JsonNode texts = answerTo(() -> browser.findElement(By.id("show-outbox")).click(), 200);
      JsonNode sms = texts.path("messages").get(texts.path("messages").size() - 1);
      assertThat(sms.path("to").asText()).isEqualTo(PHONE);
      String smsCode = sms.path("code").asText();
      LOGS.watch("code", smsCode);
      WebElement secondVerify = browser.findElement(By.id("second-verify"));
      type(secondVerify.findElement(By.name("code")), smsCode);
      JsonNode contacts =
          answerTo(
              () -> secondVerify.findElement(By.cssSelector("button[type=submit]")).click(), 200);
      assertThat(contacts.path("verifiedContacts").path("phone").asBoolean()).isTrue();

      // now add the card, read the code off the statement, prove the card
      JsonNode added =
          answerTo(() -> card.findElement(By.cssSelector("button[type=submit]")).click(), 202);
      assertThat(added.path("status").asText()).isEqualTo("PENDING_VERIFICATION");
      JsonNode statement = answerTo(() -> browser.findElement(By.id("statement")).click(), 200);
      String descriptor = statement.path("transactions").get(1).path("description").asText();
      assertThat(descriptor).matches("INTL[0-9]{6}\\*ACMECLOUD");
      LOGS.watch("descriptor code", descriptor.substring(4, 10));
      WebElement cardVerify = browser.findElement(By.id("card-verify"));
      type(cardVerify.findElement(By.name("code")), descriptor.substring(4, 10));
      JsonNode cardVerified =
          answerTo(
              () -> cardVerify.findElement(By.cssSelector("button[type=submit]")).click(), 200);
      assertThat(cardVerified.path("status").asText()).isEqualTo("VERIFIED");
      JsonNode withCard = answerTo(() -> browser.findElement(By.id("account")).click(), 200);
      assertThat(withCard.path("capabilities").path("payAsYouGo").asBoolean()).isTrue();
    } finally {
      screenshot(artifacts.resolve("local-page.png"));
    }
  }

  /** The two digits that make {@code first14} a Luhn-valid 16-digit number, unique per run. */
  private static String luhnTail(String first14) {
    int fifteenth = (int) (System.nanoTime() % 10);
    return "" + fifteenth + Luhn.checkDigit(first14 + fifteenth);
  }

  /** Replaces what a field holds, as a person selecting its text and typing over it would. */
  private static void type(WebElement field, String text) {
    field.clear();
    field.sendKeys(text);
    assertThat(field.getDomProperty("value")).isEqualTo(text);
  }

  /** What "Last answer" shows: "STATUS\n{json}". */
  private static String out() {
    return browser.findElement(By.id("out")).getDomProperty("textContent");
  }

  /**
   * Does one thing on the page and waits (bounded) for the answer it puts in "Last answer"; the
   * answer must have the status wanted. Returns its JSON.
   */
  private static JsonNode answerTo(Runnable action, int status) {
    // every action writes one fresh answer; consecutive answers in this walk-through all differ
    String before = out();
    action.run();
    String answer;
    try {
      answer =
          new WebDriverWait(browser, WAIT, Duration.ofMillis(100))
              .until(
                  b -> {
                    String text = out();
                    return text.equals(before) ? null : text;
                  });
    } catch (TimeoutException e) {
      throw new AssertionError(
          "the page showed no new answer within "
              + WAIT.toSeconds()
              + " s (expected "
              + status
              + "); it still shows: "
              + before,
          e);
    }
    int newline = answer.indexOf('\n');
    assertThat(newline).as("answer shaped \"STATUS\\n{json}\": %s", answer).isPositive();
    assertThat(answer.substring(0, newline))
        .as("status of the answer %s", answer)
        .isEqualTo(String.valueOf(status));
    try {
      return Json.MAPPER.readTree(answer.substring(newline + 1));
    } catch (IOException e) {
      throw new AssertionError("the answer is not JSON: " + answer, e);
    }
  }

  private static void screenshot(Path target) throws IOException {
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    Files.deleteIfExists(shot.toPath());
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a leftover temp profile is harmless
    }
  }
}
