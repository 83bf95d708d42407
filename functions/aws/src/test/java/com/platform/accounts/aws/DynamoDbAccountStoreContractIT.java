package com.platform.accounts.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.account.EmailClaim;
import com.platform.accounts.core.contract.AccountStoreContract;
import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.testkit.AwsEmulator;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The AccountStore contract against DynamoDB in the emulator. */
class DynamoDbAccountStoreContractIT extends AccountStoreContract {
  @RegisterExtension static final AwsEmulator AWS = new AwsEmulator();

  private final EmulatorTables tables = new EmulatorTables(AWS);
  private DynamoDbTable table;

  @Override
  protected Stores newStores(Clock clock) {
    table = tables.create(clock);
    return new Stores(table.accounts(), table.challenges());
  }

  @Test
  void anEmailItemWrittenBeforeClaimsHadVersionsReadsAsItsOwnersClaim() {
    String email = "legacy." + Ids.next("e").substring(2, 10) + "@example.com";
    Map<String, AttributeValue> item = new HashMap<>(AccountItems.emailKey(email));
    item.put(AccountItems.ACCOUNT_ID, AttributeValue.fromS("acc_legacy"));
    table.put(item);

    EmailClaim claim = table.accounts().findClaim(email);

    assertThat(claim).isEqualTo(new EmailClaim(email, "acc_legacy", List.of(), 0));
    assertThat(claim.admitsUnproven()).isFalse();
  }

  @AfterEach
  void dropTables() {
    tables.dropAll();
  }
}
