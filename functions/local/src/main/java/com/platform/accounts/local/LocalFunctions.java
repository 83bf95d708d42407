package com.platform.accounts.local;

import com.platform.accounts.core.AccountLifecycle;
import com.platform.accounts.core.port.AccountOverviewStore;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance of each handler class the template names, built with its test constructor (the one
 * with parameters): each parameter is the core's service of that type, so the local runtime runs
 * exactly the deployed handler code with exactly the services its production wiring gives it.
 */
public final class LocalFunctions {
  private final Map<String, Object> byLogicalId = new LinkedHashMap<>();

  public LocalFunctions(SamTemplate template, AccountLifecycle lifecycle) {
    this(template, lifecycle, Map.of());
  }

  /** With more values a constructor may ask for, by type (this runtime's own return URL, say). */
  public LocalFunctions(
      SamTemplate template, AccountLifecycle lifecycle, Map<Class<?>, Object> more) {
    Map<Class<?>, Object> services = services(lifecycle);
    services.putAll(more);
    for (SamTemplate.Function function : template.functions().values()) {
      byLogicalId.put(function.logicalId(), instantiate(function.handlerClass(), services));
    }
  }

  /** What a handler's constructor may ask for, by type. */
  private static Map<Class<?>, Object> services(AccountLifecycle core) {
    Map<Class<?>, Object> services = new LinkedHashMap<>();
    for (Object service :
        List.of(
            core.signups(),
            core.sessions(),
            core.verifications(),
            core.verificationProcess(),
            core.idempotency(),
            core.chargePlacement(),
            core.ownerAnswers(),
            core.chargeRelease(),
            core.accountPaymentMethods(),
            core.authenticator(),
            core.dueSweep(),
            core.payPalLinking(),
            core.payPalWebhooks(),
            core.accountDeletion(),
            core.finishDeletions(),
            core.resourceLedger())) {
      services.put(service.getClass(), service);
    }
    services.put(AccountOverviewStore.class, core.accountOverviews());
    return services;
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

  private static Object instantiate(String className, Map<Class<?>, Object> services) {
    try {
      Constructor<?> constructor = testConstructor(Class.forName(className));
      Class<?>[] types = constructor.getParameterTypes();
      Object[] arguments = new Object[types.length];
      for (int i = 0; i < types.length; i++) {
        arguments[i] = services.get(types[i]);
        if (arguments[i] == null) {
          throw new IllegalStateException(
              "handler "
                  + className
                  + " asks for a "
                  + types[i].getSimpleName()
                  + ", which the local runtime does not provide");
        }
      }
      return constructor.newInstance(arguments);
    } catch (ClassNotFoundException | InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException("cannot build handler " + className, e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("handler " + className + " failed to start", e.getCause());
    }
  }

  /** The one public constructor with parameters; the no-argument one wires production. */
  private static Constructor<?> testConstructor(Class<?> handler) {
    List<Constructor<?>> candidates =
        Arrays.stream(handler.getConstructors()).filter(c -> c.getParameterCount() > 0).toList();
    if (candidates.size() != 1) {
      throw new IllegalStateException(
          handler.getName() + " needs exactly one public constructor taking its services");
    }
    return candidates.get(0);
  }
}
