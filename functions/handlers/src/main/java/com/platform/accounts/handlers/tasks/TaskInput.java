package com.platform.accounts.handlers.tasks;

import java.util.Map;

/** Reads the fields of a Step Functions task payload; a missing one fails the task. */
final class TaskInput {
  private TaskInput() {}

  static String text(Map<String, Object> input, String field) {
    Object value = input == null ? null : input.get(field);
    if (!(value instanceof String) || ((String) value).isEmpty()) {
      throw new IllegalArgumentException("task input lacks " + field);
    }
    return (String) value;
  }
}
