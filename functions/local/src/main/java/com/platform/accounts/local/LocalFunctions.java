package com.platform.accounts.local;

import com.platform.accounts.core.AccountLifecycle;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One instance of each handler class the template names, built with the constructor that takes the
 * wired core (the one tests use), so the local runtime runs exactly the deployed handler code.
 */
public final class LocalFunctions {
  private final Map<String, Object> byLogicalId = new LinkedHashMap<>();

  public LocalFunctions(SamTemplate template, AccountLifecycle lifecycle) {
    for (SamTemplate.Function function : template.functions().values()) {
      byLogicalId.put(function.logicalId(), instantiate(function.handlerClass(), lifecycle));
    }
  }

  public Object get(String logicalId) {
    Object handler = byLogicalId.get(logicalId);
    if (handler == null) {
      throw new IllegalArgumentException("no function " + logicalId + " in template.yaml");
    }
    return handler;
  }

  /** The local ARN of a function, as the state machines see it. */
  public static String arn(String logicalId) {
    return "arn:aws:lambda:us-east-1:000000000000:function:" + logicalId;
  }

  /** The logical id inside a local function ARN (or the name itself). */
  public static String logicalIdOf(String functionName) {
    int colon = functionName.lastIndexOf(':');
    return colon < 0 ? functionName : functionName.substring(colon + 1);
  }

  private static Object instantiate(String className, AccountLifecycle lifecycle) {
    try {
      return Class.forName(className).getConstructor(AccountLifecycle.class).newInstance(lifecycle);
    } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException
        | IllegalAccessException e) {
      throw new IllegalStateException("cannot build handler " + className, e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("handler " + className + " failed to start", e.getCause());
    }
  }
}
