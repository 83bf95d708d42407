package com.platform.accounts.handlers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.handlers.Events;
import com.platform.accounts.handlers.FakeContext;
import com.platform.accounts.handlers.StandardOutput;
import com.platform.accounts.handlers.TestHandlers;
import org.junit.jupiter.api.Test;

class ApiMetricsTest {

  @Test
  void eachRequestInLambdaWritesAnEmfRecordWithItsRouteAndErrorClass() {
    SignupApi api = TestHandlers.signupApi(new TestLifecycle().lifecycle);
    String out =
        StandardOutput.of(
            () ->
                assertThat(
                        api.handle(
                                Events.api("SignupApiFunction-post-signups.json").withBody("{"),
                                new FakeContext())
                            .getStatusCode())
                    .isEqualTo(400));

    assertThat(out)
        .contains("\"_aws\"")
        .contains("\"Route\":\"POST:/v1/signups\"")
        .contains("\"ClientErrors\":1.0")
        .contains("\"ServerErrors\":0.0");
  }
}
