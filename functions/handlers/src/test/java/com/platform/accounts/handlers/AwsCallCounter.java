package com.platform.accounts.handlers;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the AWS calls of the SDK clients it is put on ({@link #overrides()}), by service and
 * operation as the SDK names them ({@code "DynamoDb Query"}). It counts each request sent, so a
 * retry counts again: each is a round trip.
 */
public final class AwsCallCounter implements ExecutionInterceptor {
  private final Map<String, Integer> calls = new TreeMap<>();

  /** The result of an action and the AWS calls made while it ran. */
  public record Counted<T>(T result, Map<String, Integer> calls) {}

  /** The client settings that put this counter on every client built with them. */
  public ClientOverrideConfiguration overrides() {
    return ClientOverrideConfiguration.builder().addExecutionInterceptor(this).build();
  }

  @Override
  public synchronized void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    calls.merge(
        attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)
            + " "
            + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
        1,
        Integer::sum);
  }

  /** Runs {@code action}, counting only the calls it makes. */
  public <T> Counted<T> during(Supplier<T> action) {
    synchronized (this) {
      calls.clear();
    }
    T result = action.get();
    synchronized (this) {
      return new Counted<>(result, Map.copyOf(calls));
    }
  }
}
