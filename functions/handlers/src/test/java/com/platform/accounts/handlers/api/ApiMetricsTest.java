package com.platform.accounts.handlers.api;

import com.platform.accounts.handlers.TestHandlers;
import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.handlers.Events;
import com.platform.accounts.handlers.FakeContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiMetricsTest {

  @Test
  void eachRequestInLambdaWritesAnEmfRecordWithItsRouteAndErrorClass() {
    SignupApi api = TestHandlers.signupApi(new TestLifecycle().lifecycle);
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      int status = api.handleRequest(Events.api("SignupApiFunction-post-signups.json")
          .withBody("{"), new FakeContext()).getStatusCode();
      assertThat(status).isEqualTo(400);
    } finally {
      System.setOut(original);
    }

    String out = captured.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("\"_aws\"").contains("\"Route\":\"POST:/v1/signups\"")
        .contains("\"ClientErrors\":1.0").contains("\"ServerErrors\":0.0");
  }
}
