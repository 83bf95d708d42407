package com.platform.accounts.aws;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An HTTP client that lets one request at a time reach the emulator, for the concurrency tests.
 *
 * <p>DynamoDB makes each request atomic; moto does not: it serves requests on parallel threads
 * without a lock, so two conditional writes can both pass their check, and a failed
 * TransactWriteItems restores a copy of the whole table taken when it began, undoing writes that
 * other requests made meanwhile. Admitting one request at a time gives back the per-request
 * atomicity the stores rely on, while the callers' read-check-write cycles still interleave freely,
 * which is what the tests prove.
 */
final class OneRequestAtATimeHttpClient implements SdkHttpClient {
  private final SdkHttpClient delegate;
  private final ReentrantLock lock = new ReentrantLock(true);

  OneRequestAtATimeHttpClient(SdkHttpClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    ExecutableHttpRequest prepared = delegate.prepareRequest(request);
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() throws IOException {
        // the server has handled the request once the response headers are back
        lock.lock();
        try {
          return prepared.call();
        } finally {
          lock.unlock();
        }
      }

      @Override
      public void abort() {
        prepared.abort();
      }
    };
  }

  @Override
  public String clientName() {
    return delegate.clientName();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
