package com.platform.accounts.handlers.api;

import java.util.Map;

/**
 * What the API frame reads from the function's environment (set by template.yaml).
 *
 * @param frontendOrigin the one origin that browsers may call the API from, or null for none
 * @param metricsNamespace the CloudWatch namespace of the request metrics
 */
public record ApiSettings(String frontendOrigin, String metricsNamespace) {
  public static final String FRONTEND_ORIGIN = "FRONTEND_ORIGIN";
  public static final String METRICS_NAMESPACE = "POWERTOOLS_METRICS_NAMESPACE";
  static final String DEFAULT_METRICS_NAMESPACE = "AccountLifecycle";

  public ApiSettings {
    if (frontendOrigin != null && frontendOrigin.isBlank()) {
      frontendOrigin = null;
    }
  }

  public static ApiSettings fromEnvironment() {
    return from(System.getenv());
  }

  public static ApiSettings from(Map<String, String> env) {
    return new ApiSettings(env.get(FRONTEND_ORIGIN),
        env.getOrDefault(METRICS_NAMESPACE, DEFAULT_METRICS_NAMESPACE));
  }
}
