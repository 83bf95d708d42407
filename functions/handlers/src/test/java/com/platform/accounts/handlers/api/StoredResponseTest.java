package com.platform.accounts.handlers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.handlers.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredResponseTest {

  @Test
  void anAnswerComesBackAsItWasSentHeadersInOrder() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Retry-After", "30");
    headers.put("Content-Type", "application/problem+json");
    headers.put("Location", "/v1/signups/sgn_1?x=\"y\"");
    StoredResponse answer =
        new StoredResponse(
            429, headers, "{\"detail\":\"Try again in 30 seconds.\",\"note\":\"é 😀 \\n\"}");

    StoredResponse replayed =
        StoredResponse.ANSWERS.deserialize(StoredResponse.ANSWERS.serialize(answer));

    assertThat(replayed).isEqualTo(answer);
    assertThat(replayed.headers().keySet())
        .containsExactly("Retry-After", "Content-Type", "Location");
  }

  @Test
  void anAnswerWithoutBodyOrHeadersComesBackWithout() {
    StoredResponse noContent = new StoredResponse(204, Map.of(), null);

    assertThat(StoredResponse.ANSWERS.deserialize(StoredResponse.ANSWERS.serialize(noContent)))
        .isEqualTo(noContent);
  }

  @Test
  void everyAnswerButAPassingOneIsFinal() {
    assertThat(StoredResponse.ANSWERS.isFinal(new StoredResponse(201, Map.of(), "{}"))).isTrue();
    assertThat(StoredResponse.ANSWERS.isFinal(new StoredResponse(204, Map.of(), null))).isTrue();
    assertThat(StoredResponse.ANSWERS.isFinal(problem(ErrorCode.IDEMPOTENCY_KEY_REUSED))).isTrue();
    assertThat(StoredResponse.ANSWERS.isFinal(problem(ErrorCode.CHANNEL_ALREADY_VERIFIED)))
        .isTrue();
    assertThat(StoredResponse.ANSWERS.isFinal(new StoredResponse(500, Map.of(), "{}"))).isFalse();
    assertThat(StoredResponse.ANSWERS.isFinal(new StoredResponse(503, Map.of(), "{}"))).isFalse();
  }

  @Test
  void aRateLimitABusyRecordAndAnyServerFailureAreNeverKept() {
    assertThat(StoredResponse.ANSWERS.isFinal(problem(ErrorCode.RATE_LIMITED))).isFalse();
    assertThat(StoredResponse.ANSWERS.isFinal(new StoredResponse(429, Map.of(), null))).isFalse();
    assertThat(StoredResponse.ANSWERS.isFinal(problem(ErrorCode.CONFLICT))).isFalse();
    assertThat(StoredResponse.ANSWERS.isFinal(problem(ErrorCode.SERVICE_UNAVAILABLE))).isFalse();
    assertThat(StoredResponse.ANSWERS.isFinal(problem(ErrorCode.PROCESSOR_UNAVAILABLE))).isFalse();
    assertThat(StoredResponse.ANSWERS.isFinal(problem(ErrorCode.INTERNAL_ERROR))).isFalse();
  }

  /** A problem answer as the frame keeps it. */
  private static StoredResponse problem(ErrorCode code) {
    ApiResponse rendered = ProblemResponses.render(Problem.of(code, "Title", "Detail."));
    return new StoredResponse(rendered.status(), rendered.headers(), Json.write(rendered.body()));
  }
}
