package com.platform.accounts.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class DockerApiStubTest {
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void answersTheVersionQueryThatDockerClientsStartWith() throws Exception {
    try (DockerApiStub stub = DockerApiStub.start()) {
      URI base = URI.create(stub.dockerHost().replace("tcp://", "http://"));

      HttpResponse<String> plain = get(base.resolve("/version"));
      HttpResponse<String> versioned = get(base.resolve("/v1.44/version?x=1"));

      assertThat(plain.statusCode()).isEqualTo(200);
      assertThat(plain.body()).contains("\"ApiVersion\":\"1.44\"");
      assertThat(versioned.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void refusesEverythingElse() throws Exception {
    try (DockerApiStub stub = DockerApiStub.start()) {
      URI base = URI.create(stub.dockerHost().replace("tcp://", "http://"));

      HttpResponse<String> response = get(base.resolve("/v1.44/containers/json"));

      assertThat(response.statusCode()).isEqualTo(501);
      assertThat(response.body()).contains("no Docker engine");
    }
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
