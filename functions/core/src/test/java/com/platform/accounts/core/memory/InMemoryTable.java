package com.platform.accounts.core.memory;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.AccountOverview;
import com.platform.accounts.core.account.EmailClaim;
import com.platform.accounts.core.card.AccountAlreadyHasCardException;
import com.platform.accounts.core.card.CardAlreadyRegisteredException;
import com.platform.accounts.core.card.CardTokenUsedException;
import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.due.DueItem;
import com.platform.accounts.core.due.DueKind;
import com.platform.accounts.core.due.DuePage;
import com.platform.accounts.core.due.DueShards;
import com.platform.accounts.core.idempotency.IdempotencyRecord;
import com.platform.accounts.core.ledger.AccountLedger;
import com.platform.accounts.core.ledger.Billing;
import com.platform.accounts.core.ledger.LedgerCharge;
import com.platform.accounts.core.ledger.LedgerEvent;
import com.platform.accounts.core.ledger.LedgerEventType;
import com.platform.accounts.core.ledger.LedgerResource;
import com.platform.accounts.core.paypal.PayPalAlreadyLinkedException;
import com.platform.accounts.core.port.AccountOverviewStore;
import com.platform.accounts.core.port.AccountStore;
import com.platform.accounts.core.port.ChallengeStore;
import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.port.DueIndex;
import com.platform.accounts.core.port.EmailAlreadyRegisteredException;
import com.platform.accounts.core.port.IdempotencyStore;
import com.platform.accounts.core.port.LedgerStore;
import com.platform.accounts.core.port.PaymentMethodStore;
import com.platform.accounts.core.port.ProcessedEvents;
import com.platform.accounts.core.port.RateLimitStore;
import com.platform.accounts.core.verification.Challenge;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The stores in memory, with DynamoDB's semantics where they matter: conditional writes on a
 * version, all-or-nothing transactions (one lock is the transaction), uniqueness items, and items
 * past their TTL that are never returned. Used by the local runtime and by unit tests; its stores
 * pass the same contract tests as the DynamoDB stores.
 */
public final class InMemoryTable {
  private final Clock clock;
  private final Object lock = new Object();
  private final Map<String, Account> accounts = new HashMap<>();

  /** Email claims by normalised address, stored with their version. */
  private final Map<String, EmailClaim> emailClaims = new HashMap<>();

  private final Map<String, Challenge> challenges = new HashMap<>();
  private final Map<String, Counter> counters = new HashMap<>();
  private final Map<String, IdempotencyRecord> idempotency = new HashMap<>();
  private final Map<String, PaymentMethod> paymentMethods = new HashMap<>();

  /** Uniqueness items: card fingerprint hash to account id, and account id to its card's id. */
  private final Map<String, String> fingerprintOwners = new HashMap<>();

  private final Map<String, String> cardSlots = new HashMap<>();

  /** Account id to the PayPal method that holds its one PayPal slot. */
  private final Map<String, String> payPalSlots = new HashMap<>();

  /** Pointers to payment methods by reference (a PayPal state's or payment token's HMAC). */
  private final Map<String, Reference> references = new HashMap<>();

  /** Handled deliveries by source and event id, each kept until its instant. */
  private final Map<EventKey, Instant> processed = new HashMap<>();

  /** Single-use records: the hashes of the tokens cards were added with, never removed. */
  private final Set<String> usedCardTokens = new HashSet<>();

  private final AccountStore accountStore = new Accounts();
  private final ChallengeStore challengeStore = new Challenges();
  private final RateLimitStore rateLimitStore = new RateLimits();
  private final IdempotencyStore idempotencyStore = new Idempotency();
  private final PaymentMethodStore paymentMethodStore = new PaymentMethods();
  private final ProcessedEvents processedEventStore = new Processed();

  /**
   * The resource ledger: per account, its resources and charges by id (in id order, as the table's
   * sort keys order them), and the ids of the events recorded, kept for good.
   */
  private final Map<String, TreeMap<String, LedgerResource>> ledgerResources = new HashMap<>();

  private final Map<String, TreeMap<String, LedgerCharge>> ledgerCharges = new HashMap<>();
  private final Set<EventKey> ledgerEvents = new HashSet<>();
  private final LedgerStore ledgerStore = new Ledger();

  /**
   * The due-index: each due item's entry by item id, and the entries of each shard (the dead
   * letters under {@link #DEAD}) in due order, as the DynamoDB index sorts them.
   */
  private final DueShards dueShards;

  private final Map<String, DueEntry> dueEntries = new HashMap<>();
  private final Map<Integer, NavigableSet<DueEntry>> dueByShard = new HashMap<>();
  private final DueIndex dueIndex = new Due();

  private static final int DEAD = -1;

  private static final Comparator<DueEntry> DUE_ORDER =
      Comparator.comparing(DueEntry::dueAt)
          .thenComparing(DueEntry::ownerId)
          .thenComparing(DueEntry::itemId);

  /** An item on the due-index: on {@code shard} (or {@link #DEAD}) at {@code dueAt}. */
  private record DueEntry(
      DueKind kind, String ownerId, String itemId, int shard, Instant dueAt, int attempts) {
    DueItem item() {
      return new DueItem(kind, ownerId, itemId, shard, dueAt, attempts);
    }

    String position() {
      return dueAt + "|" + ownerId + "|" + itemId;
    }
  }

  public InMemoryTable(Clock clock) {
    this(clock, DueShards.DEFAULT);
  }

  public InMemoryTable(Clock clock, DueShards dueShards) {
    this.clock = clock;
    this.dueShards = dueShards;
  }

  public AccountStore accounts() {
    return accountStore;
  }

  public ChallengeStore challenges() {
    return challengeStore;
  }

  public RateLimitStore rateLimits() {
    return rateLimitStore;
  }

  public IdempotencyStore idempotency() {
    return idempotencyStore;
  }

  public AccountOverviewStore accountOverviews() {
    return accountId -> {
      synchronized (lock) {
        return accounts()
            .find(accountId)
            .map(account -> new AccountOverview(account, paymentMethods().list(accountId)));
      }
    };
  }

  public PaymentMethodStore paymentMethods() {
    return paymentMethodStore;
  }

  public DueIndex dueIndex() {
    return dueIndex;
  }

  public ProcessedEvents processedEvents() {
    return processedEventStore;
  }

  public LedgerStore ledger() {
    return ledgerStore;
  }

  private record EventKey(String source, String eventId) {}

  /** Where a reference points, and when it is gone (null: never). */
  private record Reference(String accountId, String paymentMethodId, Instant expiresAt) {}

  /** The due kind of a payment method's work: each type has its own. */
  private static DueKind dueKind(PaymentMethod pm) {
    return pm.type() == PaymentMethod.PaymentMethodType.PAYPAL
        ? DueKind.PAYPAL_LINK
        : DueKind.CARD_VERIFICATION;
  }

  /**
   * Puts a payment method as written on the due-index, or takes it off: as DynamoDB does when the
   * written item carries the index's keys or not. A failed attempt counted before is forgotten.
   */
  private void indexDue(PaymentMethod pm) {
    unindexDue(pm.paymentMethodId());
    pm.dueAt()
        .ifPresent(
            at ->
                putDue(
                    new DueEntry(
                        dueKind(pm),
                        pm.accountId(),
                        pm.paymentMethodId(),
                        dueShards.of(pm.paymentMethodId()),
                        at,
                        0)));
  }

  private void unindexDue(String itemId) {
    DueEntry old = dueEntries.remove(itemId);
    if (old != null) {
      dueByShard.get(old.shard()).remove(old);
    }
  }

  private void putDue(DueEntry entry) {
    dueEntries.put(entry.itemId(), entry);
    dueByShard.computeIfAbsent(entry.shard(), s -> new TreeSet<>(DUE_ORDER)).add(entry);
  }

  private boolean live(Instant expiresAt) {
    return clock.instant().isBefore(expiresAt);
  }

  private void checkChallengeVersion(Challenge challenge) {
    Challenge stored = challenges.get(challenge.challengeId());
    if (stored == null || stored.version() != challenge.version() || !live(stored.expiresAt())) {
      throw new ConcurrentModificationException("challenge " + challenge.challengeId());
    }
  }

  private final class Accounts implements AccountStore {
    @Override
    public Optional<Account> find(String accountId) {
      synchronized (lock) {
        return Optional.ofNullable(accounts.get(accountId));
      }
    }

    @Override
    public List<Account> findAll(List<String> accountIds) {
      synchronized (lock) {
        return accountIds.stream().map(accounts::get).filter(Objects::nonNull).toList();
      }
    }

    @Override
    public EmailClaim findClaim(String normalizedEmail) {
      synchronized (lock) {
        return claim(normalizedEmail);
      }
    }

    @Override
    public Optional<Account> findByEmail(String normalizedEmail) {
      synchronized (lock) {
        return claim(normalizedEmail).owner().map(accounts::get);
      }
    }

    @Override
    public void create(Account account, Challenge completedChallenge) {
      synchronized (lock) {
        if (!account.emailVerified()) {
          checkNew(account, completedChallenge);
          storeNew(account, completedChallenge);
          return;
        }
        EmailClaim claim = claim(EmailClaim.key(account.email()));
        if (claim.proven()) {
          throw new EmailAlreadyRegisteredException();
        }
        checkNew(account, completedChallenge);
        storeClaim(claim.provenBy(account.accountId()));
        storeNew(account, completedChallenge);
      }
    }

    @Override
    public void createNaming(Account account, Challenge completedChallenge, EmailClaim read) {
      synchronized (lock) {
        EmailClaim claim = claim(EmailClaim.key(account.email()));
        if (claim.version() != read.version() || !claim.email().equals(read.email())) {
          throw new ConcurrentModificationException("email claim " + read.email());
        }
        checkNew(account, completedChallenge);
        storeClaim(claim.namedBy(account.accountId()));
        storeNew(account, completedChallenge);
      }
    }

    @Override
    public void update(Account account, Optional<Challenge> completedChallenge) {
      synchronized (lock) {
        checkStored(account);
        completedChallenge.ifPresent(InMemoryTable.this::checkChallengeVersion);
        accounts.put(account.accountId(), bump(account));
        completedChallenge.ifPresent(c -> challenges.put(c.challengeId(), bump(c)));
      }
    }

    @Override
    public void updateProvingEmail(Account account, Challenge completedChallenge) {
      synchronized (lock) {
        EmailClaim claim = claim(EmailClaim.key(account.email()));
        if (claim.proven()) {
          throw new EmailAlreadyRegisteredException();
        }
        checkStored(account);
        checkChallengeVersion(completedChallenge);
        storeClaim(claim.provenBy(account.accountId()));
        accounts.put(account.accountId(), bump(account));
        challenges.put(completedChallenge.challengeId(), bump(completedChallenge));
      }
    }

    @Override
    public void updateReleasingEmail(Account account, String normalizedEmail) {
      synchronized (lock) {
        checkStored(account);
        storeClaim(claim(normalizedEmail).releasing(account.accountId()));
        accounts.put(account.accountId(), bump(account));
      }
    }

    private EmailClaim claim(String normalizedEmail) {
      EmailClaim stored = emailClaims.get(normalizedEmail);
      return stored != null ? stored : EmailClaim.unclaimed(normalizedEmail);
    }

    private void storeClaim(EmailClaim claim) {
      emailClaims.put(
          claim.email(),
          new EmailClaim(claim.email(), claim.ownerId(), claim.unproven(), claim.version() + 1));
    }

    private void checkNew(Account account, Challenge completedChallenge) {
      if (accounts.containsKey(account.accountId())) {
        throw new ConcurrentModificationException("account " + account.accountId());
      }
      checkChallengeVersion(completedChallenge);
    }

    private void storeNew(Account account, Challenge completedChallenge) {
      accounts.put(account.accountId(), bump(account));
      challenges.put(completedChallenge.challengeId(), bump(completedChallenge));
    }

    private void checkStored(Account account) {
      Account stored = accounts.get(account.accountId());
      if (stored == null || stored.version() != account.version()) {
        throw new ConcurrentModificationException("account " + account.accountId());
      }
    }
  }

  private final class Challenges implements ChallengeStore {
    @Override
    public Optional<Challenge> find(String challengeId, Instant now) {
      synchronized (lock) {
        return Optional.ofNullable(challenges.get(challengeId))
            .filter(c -> now.isBefore(c.expiresAt()));
      }
    }

    @Override
    public void create(Challenge challenge) {
      synchronized (lock) {
        Challenge stored = challenges.get(challenge.challengeId());
        if (stored != null && live(stored.expiresAt())) {
          throw new ConcurrentModificationException("challenge " + challenge.challengeId());
        }
        challenges.put(challenge.challengeId(), withVersion(challenge, 1));
      }
    }

    @Override
    public void update(Challenge challenge) {
      synchronized (lock) {
        checkChallengeVersion(challenge);
        challenges.put(challenge.challengeId(), bump(challenge));
      }
    }
  }

  /** A rate-limit counter and the instant its item expires (TTL). */
  private record Counter(long count, Instant expiresAt) {}

  private final class RateLimits implements RateLimitStore {
    @Override
    public boolean increment(String key, int limit, Instant expiresAt) {
      synchronized (lock) {
        // like DynamoDB's ADD: an item past its expiry that TTL has not removed yet still counts
        Counter stored = counters.get(key);
        if (stored == null) {
          if (limit < 1) {
            return false;
          }
          counters.put(key, new Counter(1, expiresAt));
          return true;
        }
        if (stored.count() >= limit) {
          return false;
        }
        counters.put(key, new Counter(stored.count() + 1, stored.expiresAt()));
        return true;
      }
    }

    @Override
    public long count(String key, Instant now) {
      synchronized (lock) {
        Counter stored = counters.get(key);
        return stored != null && now.isBefore(stored.expiresAt()) ? stored.count() : 0;
      }
    }
  }

  private final class Idempotency implements IdempotencyStore {
    @Override
    public Optional<IdempotencyRecord> find(String key, Instant now) {
      synchronized (lock) {
        return Optional.ofNullable(idempotency.get(key)).filter(r -> now.isBefore(r.expiresAt()));
      }
    }

    @Override
    public boolean claim(IdempotencyRecord inProgress) {
      synchronized (lock) {
        IdempotencyRecord stored = idempotency.get(inProgress.key());
        if (stored != null && live(stored.expiresAt())) {
          return false;
        }
        idempotency.put(inProgress.key(), inProgress);
        return true;
      }
    }

    @Override
    public void complete(IdempotencyRecord completed) {
      synchronized (lock) {
        idempotency.put(completed.key(), completed);
      }
    }

    @Override
    public void release(String key) {
      synchronized (lock) {
        idempotency.remove(key);
      }
    }
  }

  private final class PaymentMethods implements PaymentMethodStore {
    @Override
    public void create(PaymentMethod pm) {
      synchronized (lock) {
        if (paymentMethods.containsKey(pm.paymentMethodId())) {
          throw new ConcurrentModificationException("payment method " + pm.paymentMethodId());
        }
        String tokenHash = pm.card() == null ? null : pm.card().tokenHash();
        if (tokenHash != null && usedCardTokens.contains(tokenHash)) {
          throw new CardTokenUsedException();
        }
        if (pm.holdsCardSlot()) {
          String owner = fingerprintOwners.get(pm.card().fingerprintHash());
          if (owner != null) {
            throw new CardAlreadyRegisteredException(owner.equals(pm.accountId()));
          }
          if (cardSlots.containsKey(pm.accountId())) {
            throw new AccountAlreadyHasCardException();
          }
          fingerprintOwners.put(pm.card().fingerprintHash(), pm.accountId());
          cardSlots.put(pm.accountId(), pm.paymentMethodId());
        }
        if (pm.holdsPayPalSlot()) {
          if (payPalSlots.containsKey(pm.accountId())) {
            throw new PayPalAlreadyLinkedException();
          }
          payPalSlots.put(pm.accountId(), pm.paymentMethodId());
        }
        if (tokenHash != null) {
          usedCardTokens.add(tokenHash);
        }
        paymentMethods.put(pm.paymentMethodId(), withVersion(pm, pm.version() + 1));
        indexDue(pm);
      }
    }

    @Override
    public Optional<PaymentMethod> find(String accountId, String paymentMethodId) {
      synchronized (lock) {
        return Optional.ofNullable(paymentMethods.get(paymentMethodId))
            .filter(pm -> pm.accountId().equals(accountId));
      }
    }

    @Override
    public List<PaymentMethod> list(String accountId) {
      synchronized (lock) {
        return paymentMethods.values().stream()
            .filter(pm -> pm.accountId().equals(accountId))
            .sorted(
                Comparator.comparing(PaymentMethod::createdAt)
                    .thenComparing(PaymentMethod::paymentMethodId))
            .toList();
      }
    }

    @Override
    public void update(PaymentMethod pm) {
      synchronized (lock) {
        PaymentMethod stored = paymentMethods.get(pm.paymentMethodId());
        if (stored == null
            || stored.version() != pm.version()
            || !stored.accountId().equals(pm.accountId())) {
          throw new ConcurrentModificationException("payment method " + pm.paymentMethodId());
        }
        if (stored.holdsCardSlot() && !pm.holdsCardSlot()) {
          fingerprintOwners.remove(stored.card().fingerprintHash());
          cardSlots.remove(stored.accountId(), stored.paymentMethodId());
        }
        if (stored.holdsPayPalSlot() && !pm.holdsPayPalSlot()) {
          payPalSlots.remove(stored.accountId(), stored.paymentMethodId());
        }
        paymentMethods.put(pm.paymentMethodId(), withVersion(pm, pm.version() + 1));
        indexDue(pm);
      }
    }

    @Override
    public Optional<String> fingerprintOwner(String fingerprintHash) {
      synchronized (lock) {
        return Optional.ofNullable(fingerprintOwners.get(fingerprintHash));
      }
    }

    @Override
    public boolean cardTokenUsed(String tokenHash) {
      synchronized (lock) {
        return usedCardTokens.contains(tokenHash);
      }
    }

    @Override
    public void putReference(
        String reference, String accountId, String paymentMethodId, Instant expiresAt) {
      synchronized (lock) {
        Reference stored = references.get(reference);
        // one past its expiry is as good as gone, as in DynamoDB before TTL removes it
        if (stored != null && (stored.expiresAt() == null || live(stored.expiresAt()))) {
          return;
        }
        references.put(reference, new Reference(accountId, paymentMethodId, expiresAt));
      }
    }

    @Override
    public Optional<PaymentMethodRef> findReference(String reference, Instant now) {
      synchronized (lock) {
        return Optional.ofNullable(references.get(reference))
            .filter(r -> r.expiresAt() == null || now.isBefore(r.expiresAt()))
            .map(r -> new PaymentMethodRef(r.accountId(), r.paymentMethodId()));
      }
    }
  }

  private final class Processed implements ProcessedEvents {
    @Override
    public boolean seen(String source, String eventId, Instant now) {
      synchronized (lock) {
        Instant keepUntil = processed.get(new EventKey(source, eventId));
        return keepUntil != null && now.isBefore(keepUntil);
      }
    }

    @Override
    public void record(String source, String eventId, Instant keepUntil) {
      synchronized (lock) {
        EventKey key = new EventKey(source, eventId);
        Instant stored = processed.get(key);
        if (stored == null || !live(stored)) {
          processed.put(key, keepUntil);
        }
      }
    }
  }

  private final class Due implements DueIndex {
    @Override
    public DueShards shards() {
      return dueShards;
    }

    @Override
    public DuePage due(int shard, Instant now, Optional<String> after, int limit) {
      if (shard < 0 || shard >= dueShards.count()) {
        throw new IllegalArgumentException("no due-index shard " + shard);
      }
      synchronized (lock) {
        return page(shard, after, limit, e -> !e.dueAt().isAfter(now));
      }
    }

    @Override
    public boolean retryAt(DueItem read, Instant at, int attempts) {
      return move(read, read.shard(), at, attempts);
    }

    @Override
    public boolean deadLetter(DueItem read, int attempts) {
      return move(read, DEAD, read.dueAt(), attempts);
    }

    @Override
    public DuePage deadLetters(Optional<String> after, int limit) {
      synchronized (lock) {
        return page(DEAD, after, limit, e -> true);
      }
    }

    private boolean move(DueItem read, int shard, Instant at, int attempts) {
      synchronized (lock) {
        DueEntry stored = dueEntries.get(read.itemId());
        if (stored == null
            || stored.shard() != read.shard()
            || !stored.dueAt().equals(read.dueAt())
            || !stored.ownerId().equals(read.ownerId())) {
          return false;
        }
        unindexDue(read.itemId());
        putDue(new DueEntry(stored.kind(), stored.ownerId(), stored.itemId(), shard, at, attempts));
        return true;
      }
    }

    private DuePage page(int shard, Optional<String> after, int limit, Predicate<DueEntry> wanted) {
      NavigableSet<DueEntry> entries = dueByShard.getOrDefault(shard, new TreeSet<>(DUE_ORDER));
      if (after.isPresent()) {
        String[] at = after.get().split("\\|", 3);
        entries =
            entries.tailSet(
                new DueEntry(
                    DueKind.CARD_VERIFICATION, at[1], at[2], shard, Instant.parse(at[0]), 0),
                false);
      }
      List<DueItem> items = new ArrayList<>();
      DueEntry last = null;
      for (DueEntry entry : entries) {
        if (items.size() == limit || !wanted.test(entry)) {
          break;
        }
        items.add(entry.item());
        last = entry;
      }
      boolean more = last != null && items.size() == limit;
      return new DuePage(items, more ? Optional.of(last.position()) : Optional.empty());
    }
  }

  private static PaymentMethod withVersion(PaymentMethod pm, long version) {
    return new PaymentMethod(
        pm.paymentMethodId(),
        pm.accountId(),
        pm.type(),
        pm.status(),
        pm.card(),
        pm.check(),
        pm.paypal(),
        pm.createdAt(),
        version);
  }

  private static Account bump(Account a) {
    return new Account(
        a.accountId(),
        a.email(),
        a.country(),
        a.phone(),
        a.passwordHash(),
        a.status(),
        a.emailVerified(),
        a.phoneVerified(),
        a.termsVersion(),
        a.termsAcceptedAt(),
        a.sessionVersion(),
        a.createdAt(),
        a.version() + 1);
  }

  private static Challenge bump(Challenge c) {
    return withVersion(c, c.version() + 1);
  }

  private static Challenge withVersion(Challenge c, long version) {
    return new Challenge(
        c.challengeId(),
        c.purpose(),
        c.accountId(),
        c.signup(),
        c.channel(),
        c.destination(),
        c.codeHash(),
        c.codeExpiresAt(),
        c.failedAttempts(),
        c.codeUsed(),
        c.lastSentAt(),
        c.sendCount(),
        c.status(),
        c.createdAt(),
        c.expiresAt(),
        version);
  }

  /** The ledger's rules as the DynamoDB store's update expressions apply them. */
  private final class Ledger implements LedgerStore {
    @Override
    public boolean record(LedgerEvent e) {
      synchronized (lock) {
        // the event id's marker lives under the account's partition: ids are per account
        if (!ledgerEvents.add(new EventKey(e.accountId(), e.eventId()))) {
          return false;
        }
        switch (e.type()) {
          case RESOURCE_PROVISIONED, RESOURCE_RELEASED, SUBSCRIPTION_UPDATED -> {
            Map<String, LedgerResource> resources =
                ledgerResources.computeIfAbsent(e.accountId(), id -> new TreeMap<>());
            LedgerResource r =
                resources.getOrDefault(
                    e.resourceId(),
                    new LedgerResource(e.resourceId(), null, false, false, null, null, null, null));
            resources.put(e.resourceId(), applied(r, e));
          }
          case CHARGE_ISSUED, CHARGE_PAID -> {
            Map<String, LedgerCharge> charges =
                ledgerCharges.computeIfAbsent(e.accountId(), id -> new TreeMap<>());
            LedgerCharge c =
                charges.getOrDefault(
                    e.resourceId(), new LedgerCharge(e.resourceId(), null, null, false, null));
            charges.put(e.resourceId(), applied(c, e));
          }
        }
        return true;
      }
    }

    @Override
    public AccountLedger load(String accountId) {
      synchronized (lock) {
        return new AccountLedger(
            accountId,
            List.copyOf(ledgerResources.getOrDefault(accountId, new TreeMap<>()).values()),
            List.copyOf(ledgerCharges.getOrDefault(accountId, new TreeMap<>()).values()));
      }
    }

    private static LedgerResource applied(LedgerResource r, LedgerEvent e) {
      Billing billing =
          e.type() == LedgerEventType.RESOURCE_PROVISIONED || r.billing() == null
              ? (e.billing() == null ? r.billing() : e.billing())
              : r.billing();
      boolean provisioned = r.provisioned() || e.type() == LedgerEventType.RESOURCE_PROVISIONED;
      boolean released = r.released() || e.type() == LedgerEventType.RESOURCE_RELEASED;
      Instant releasedAt =
          r.releasedAt() == null && e.type() == LedgerEventType.RESOURCE_RELEASED
              ? e.occurredAt()
              : r.releasedAt();
      Boolean autoRenew = r.autoRenew();
      Instant endsAt = r.endsAt();
      Instant updatedAt = r.updatedAt();
      boolean carriesSubscription = e.autoRenew() != null || e.endsAt() != null;
      if (carriesSubscription && (updatedAt == null || !updatedAt.isAfter(e.occurredAt()))) {
        autoRenew = e.autoRenew() == null ? autoRenew : e.autoRenew();
        endsAt = e.endsAt() == null ? endsAt : e.endsAt();
        updatedAt = e.occurredAt();
      } else if (carriesSubscription) {
        // an update older than the one applied only fills what no update has said yet
        autoRenew = autoRenew == null ? e.autoRenew() : autoRenew;
        endsAt = endsAt == null ? e.endsAt() : endsAt;
      }
      return new LedgerResource(
          r.resourceId(), billing, provisioned, released, releasedAt, autoRenew, endsAt, updatedAt);
    }

    private static LedgerCharge applied(LedgerCharge c, LedgerEvent e) {
      boolean issued = e.type() == LedgerEventType.CHARGE_ISSUED;
      boolean paid = e.type() == LedgerEventType.CHARGE_PAID;
      return new LedgerCharge(
          c.chargeId(),
          c.amount() == null ? e.amount() : c.amount(),
          c.issuedAt() == null && issued ? e.occurredAt() : c.issuedAt(),
          c.paid() || paid,
          c.paidAt() == null && paid ? e.occurredAt() : c.paidAt());
    }
  }
}
