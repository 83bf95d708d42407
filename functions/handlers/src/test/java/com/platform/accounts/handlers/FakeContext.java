package com.platform.accounts.handlers;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** A Lambda context as the runtime hands one to a function, for the code paths that need one. */
public final class FakeContext implements Context {
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
    return 15_000;
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
