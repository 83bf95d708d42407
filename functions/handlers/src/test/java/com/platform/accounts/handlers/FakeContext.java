package com.platform.accounts.handlers;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.util.function.IntSupplier;

/** A Lambda context as the runtime hands one to a function, for the code paths that need one. */
public final class FakeContext implements Context {
  private final IntSupplier remainingMillis;

  /** With 15 seconds left whenever asked. */
  public FakeContext() {
    this(() -> 15_000);
  }

  /** With the time left that {@code remainingMillis} tells each time it is asked. */
  public FakeContext(IntSupplier remainingMillis) {
    this.remainingMillis = remainingMillis;
  }

  @Override
  public String getAwsRequestId() {
    return "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
  }

  @Override
  public String getLogGroupName() {
    return "/test/functions/api";
  }

  @Override
  public String getLogStreamName() {
    return "2026/11/26/[$LATEST]0123456789abcdef";
  }

  @Override
  public String getFunctionName() {
    return "test-function";
  }

  @Override
  public String getFunctionVersion() {
    return "1";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:123456789012:function:test-function:live";
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return remainingMillis.getAsInt();
  }

  @Override
  public int getMemoryLimitInMB() {
    return 1024;
  }

  @Override
  public LambdaLogger getLogger() {
    return null;
  }
}
