package com.platform.accounts.handlers.wiring;

import com.platform.accounts.aws.AwsClients;
import com.platform.accounts.aws.DynamoDbTable;
import com.platform.accounts.core.port.Telemetry;
import com.platform.accounts.handlers.logging.LambdaLogging;
import com.platform.accounts.handlers.metrics.EmfTelemetry;
import java.time.Clock;

/**
 * The pieces every function stands on: its settings, the process-wide SDK clients (each built on
 * first use), the system clock and the table. Each is made once per execution environment, when a
 * function's wiring first asks for it; a function that never asks never pays for it.
 */
public final class Infrastructure {
  static {
    // first, before any client or service can log
    LambdaLogging.install(Settings.fromEnvironment().logLevel());
  }

  private Infrastructure() {}

  public static Settings settings() {
    return Settings.fromEnvironment();
  }

  public static Clock clock() {
    return Clock.systemUTC();
  }

  public static AwsClients clients() {
    return AwsClients.fromEnvironment();
  }

  /** Counters of tolerated failures, as EMF records in the function's log. */
  public static Telemetry telemetry() {
    return TelemetryHolder.TELEMETRY;
  }

  public static DynamoDbTable table() {
    return TableHolder.TABLE;
  }

  private static final class TelemetryHolder {
    static final Telemetry TELEMETRY = new EmfTelemetry(settings().metrics().namespace());
  }

  private static final class TableHolder {
    static final DynamoDbTable TABLE =
        new DynamoDbTable(
            clients().dynamoDb(),
            settings().table().tableName(),
            clock(),
            settings().dueIndex().shards());
  }
}
