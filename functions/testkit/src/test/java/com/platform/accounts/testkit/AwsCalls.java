package com.platform.accounts.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Minimal AWS API calls for testing the harness, which must not depend on the AWS SDK. moto does
 * not check signatures; it reads only the credential scope of the Authorization header to tell
 * which service a request is for, so a well-formed header with a dummy signature is enough.
 */
final class AwsCalls {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final AwsEmulator.Endpoint endpoint;

  AwsCalls(AwsEmulator.Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  /** An AWS query-protocol action (SES v1, SNS, IAM): a form POST to the root path. */
  String query(String service, Map<String, String> parameters)
      throws IOException, InterruptedException {
    String form =
        parameters.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        service,
        HttpRequest.newBuilder(endpoint.uri().resolve("/"))
            .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** An AWS JSON-protocol action (Step Functions, DynamoDB): a POST naming its target. */
  String json(String service, String target, String json) throws IOException, InterruptedException {
    return send(
        service,
        HttpRequest.newBuilder(endpoint.uri().resolve("/"))
            .header("Content-Type", "application/x-amz-json-1.0")
            .header("X-Amz-Target", target)
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A REST-JSON call (Lambda). */
  String rest(String service, String path, String json) throws IOException, InterruptedException {
    return send(
        service,
        HttpRequest.newBuilder(endpoint.uri().resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  static byte[] zipWithOneFile(String name, String content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private String send(String service, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    String scope =
        endpoint.accessKeyId() + "/20260101/" + endpoint.region() + "/" + service + "/aws4_request";
    HttpResponse<String> response =
        HTTP.send(
            request
                .header(
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=" + scope + ", SignedHeaders=host, Signature=0")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          service + " answered HTTP " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
