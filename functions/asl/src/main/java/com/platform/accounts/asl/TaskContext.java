package com.platform.accounts.asl;

/**
 * Identifies the Task state invocation a {@link TaskInvoker} is running.
 *
 * @param executionArn the ARN of the execution the task belongs to
 * @param stateName the name of the Task state
 * @param taskToken the callback token for {@code .waitForTaskToken} resources, otherwise {@code
 *     null}
 */
public record TaskContext(String executionArn, String stateName, String taskToken) {}
