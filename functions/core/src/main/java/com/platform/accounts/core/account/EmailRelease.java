package com.platform.accounts.core.account;

import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.card.PaymentMethodStatus;
import com.platform.accounts.core.event.DomainEvent;
import com.platform.accounts.core.port.AccountOverviewStore;
import com.platform.accounts.core.port.AccountStore;
import com.platform.accounts.core.port.DomainEventPublisher;
import com.platform.accounts.core.port.MessageSender;
import com.platform.accounts.core.port.OptimisticRetry;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Whoever proves an email address owns it; the accounts that named it at sign-up without proving it
 * then lose it. Sign-in by the address no longer reaches them, and each is told by SMS on the phone
 * it proved. An account left with nothing else is closed: this API signs in by email only, so
 * without one the account could never be reached again, and its proven phone alone holds nothing
 * worth keeping. "Something else" is a payment method verified or being verified: a card whose
 * charges wait for the owner's answer, or the means of paying for what the account uses. Such an
 * account stays open without an email.
 */
public final class EmailRelease {
  static final String EMAIL_PROVEN_ELSEWHERE = "EMAIL_PROVEN_BY_ANOTHER_ACCOUNT";

  private final AccountStore accounts;
  private final AccountOverviewStore overviews;
  private final MessageSender sender;
  private final DomainEventPublisher events;
  private final Clock clock;

  public EmailRelease(
      AccountStore accounts,
      AccountOverviewStore overviews,
      MessageSender sender,
      DomainEventPublisher events,
      Clock clock) {
    this.accounts = accounts;
    this.overviews = overviews;
    this.sender = sender;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Takes the address from every account that named it without proving it, now that an account
   * proved it. An account released before is no longer on the claim, so a retried workflow task
   * releases and tells only the rest. {@code proofId} (the proving challenge) makes the ids of the
   * events, so a retry publishes duplicates consumers can drop.
   */
  public void releaseUnproven(String email, String proofId) {
    EmailClaim claim = accounts.findClaim(EmailClaim.key(email));
    for (String accountId : claim.toRelease()) {
      release(claim.email(), accountId, proofId);
    }
  }

  /** Whether an account that lost its email keeps something worth keeping it open for. */
  static boolean keepsSomethingElse(List<PaymentMethod> methods) {
    return methods.stream()
        .anyMatch(
            pm ->
                pm.status() == PaymentMethodStatus.VERIFIED
                    || pm.status() == PaymentMethodStatus.PENDING_VERIFICATION);
  }

  private void release(String normalizedEmail, String accountId, String proofId) {
    // the account may change meanwhile (a sign-out, a card): decide again on what is stored
    Account released =
        OptimisticRetry.run(
            () -> {
              AccountOverview overview =
                  overviews
                      .find(accountId)
                      .orElseThrow(
                          () -> new IllegalStateException("account named on a claim is missing"));
              Account account = overview.account().withoutEmail();
              Account updated =
                  keepsSomethingElse(overview.paymentMethods()) ? account : account.closed();
              accounts.updateReleasingEmail(updated, normalizedEmail);
              return updated;
            });
    boolean closed = released.status() == AccountStatus.CLOSED;
    String type = closed ? "AccountClosed" : "EmailRemoved";
    events.publish(
        new DomainEvent(
            proofId + ":" + type + ":" + accountId,
            type,
            accountId,
            clock.instant(),
            Map.of("reason", EMAIL_PROVEN_ELSEWHERE)));
    AccountNotices.render(
            closed ? "account-closed" : "email-released", released, Map.of("accountId", accountId))
        .ifPresent(sender::send);
  }
}
