package com.platform.accounts.aws;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.AccountOverview;
import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.port.AccountOverviewStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The account item and its payment-method items share the partition {@code ACCOUNT#<id>}: one Query
 * reads them all (plus the card and PayPal slots, which are skipped).
 */
final class DynamoDbAccountOverviewStore implements AccountOverviewStore {
  private final DynamoDbTable table;

  DynamoDbAccountOverviewStore(DynamoDbTable table) {
    this.table = table;
  }

  @Override
  public Optional<AccountOverview> find(String accountId) {
    Account account = null;
    List<PaymentMethod> methods = new ArrayList<>();
    for (Map<String, AttributeValue> item :
        table.partition(PaymentMethodItems.accountPk(accountId), null)) {
      String sk = Items.requiredString(item, Items.SK);
      if (sk.equals(AccountItems.ACCOUNT_SK)) {
        account = AccountItems.fromItem(item);
      } else if (sk.startsWith(PaymentMethodItems.PAYMENT_METHOD_PREFIX)) {
        methods.add(PaymentMethodItems.fromItem(item));
      }
    }
    if (account == null) {
      return Optional.empty();
    }
    methods.sort(PaymentMethodItems.OLDEST_FIRST);
    return Optional.of(new AccountOverview(account, methods));
  }
}
