package com.platform.accounts.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A TaskInvoker for tests: a handler per resource, and a record of every call. */
final class ScriptedInvoker implements TaskInvoker {

  record Call(String resource, JsonNode parameters, TaskContext context) {}

  private final Map<String, TaskInvoker> handlers = new ConcurrentHashMap<>();
  private final List<Call> calls = new ArrayList<>();

  ScriptedInvoker on(String resource, TaskInvoker handler) {
    handlers.put(resource, handler);
    return this;
  }

  @Override
  public JsonNode invoke(String resource, JsonNode parameters, TaskContext context)
      throws TaskFailedException {
    synchronized (calls) {
      calls.add(new Call(resource, parameters, context));
    }
    TaskInvoker handler = handlers.get(resource);
    if (handler == null) {
      // Echo by default, so tests that only care about data flow need no handler.
      return parameters;
    }
    return handler.invoke(resource, parameters, context);
  }

  List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  List<Call> calls(String resource) {
    return calls().stream().filter(c -> c.resource().equals(resource)).toList();
  }

  Call last(String resource) {
    List<Call> matching = calls(resource);
    if (matching.isEmpty()) {
      throw new AssertionError("no call to " + resource);
    }
    return matching.get(matching.size() - 1);
  }
}
