package com.platform.accounts.handlers.wiring;

import com.platform.accounts.aws.DynamoDbTable;
import com.platform.accounts.aws.StepFunctionsWorkflows;
import com.platform.accounts.core.account.EmailRelease;
import com.platform.accounts.core.account.SecondVerificationService;
import com.platform.accounts.core.ratelimit.RateLimiter;
import com.platform.accounts.core.verification.CodeChallenges;
import com.platform.accounts.core.verification.PhoneBudgets;
import com.platform.accounts.core.verification.VerificationProcess;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Proving an email or a phone: codes sent and checked, the contact-verification workflow's steps,
 * and the second verification of a signed-in account.
 */
public final class ContactVerificationWiring {
  private ContactVerificationWiring() {}

  public static CodeChallenges codes() {
    return CodesHolder.CODES;
  }

  public static VerificationProcess process() {
    return ProcessHolder.PROCESS;
  }

  public static SecondVerificationService secondVerification() {
    return SecondVerificationHolder.SERVICE;
  }

  private static final class CodesHolder {
    static final CodeChallenges CODES;

    static {
      RateLimiter limiter =
          new RateLimiter(Infrastructure.table().rateLimits(), Infrastructure.clock());
      CODES =
          new CodeChallenges(
              Infrastructure.table().challenges(),
              MessagingWiring.messages(),
              limiter,
              new PhoneBudgets(
                  limiter,
                  SecretsWiring.hmac(),
                  Infrastructure.telemetry(),
                  Infrastructure.clock(),
                  Infrastructure.settings().phoneBudgets()),
              SecretsWiring.hmac(),
              Infrastructure.clock());
    }
  }

  private static final class ProcessHolder {
    static final VerificationProcess PROCESS;

    static {
      DynamoDbTable table = Infrastructure.table();
      PROCESS =
          new VerificationProcess(
              table.challenges(),
              table.accounts(),
              new StepFunctionsWorkflows(
                  Infrastructure.clients().client(SfnClient.builder()),
                  Infrastructure.settings().contactVerification().stateMachineArn(),
                  null),
              MessagingWiring.events(),
              MessagingWiring.messages(),
              Infrastructure.clock(),
              new EmailRelease(
                  table.accounts(),
                  table.accountOverviews(),
                  MessagingWiring.messages(),
                  MessagingWiring.events(),
                  Infrastructure.clock()));
    }
  }

  private static final class SecondVerificationHolder {
    static final SecondVerificationService SERVICE =
        new SecondVerificationService(
            Infrastructure.table().accounts(),
            Infrastructure.table().challenges(),
            codes(),
            process());
  }
}
