package org.reciprocity.ledger.history;

import org.junit.jupiter.api.Test;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.ReciprocityPolicy;
import org.reciprocity.core.testing.Simulation;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BalancesAsOfTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private final Simulation exchange = new Simulation(T0, ReciprocityPolicy.INITIAL);
    private final Item ip = Item.normalised("ipv4", "192.0.2.1", 100, "GREEN", null, null, List.of());
    private final Item domain = Item.normalised("domain", "bad.example", 100, "GREEN", null, null, List.of());

    @Test
    void anAccountCountsItsEventsUpToTheInstant() {
        exchange.contribute("telco-b", "telco-b", "t1", List.of(domain));
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip));
        exchange.withdraw("bank-a", "bank-a", "w1", List.of(domain));

        assertThat(asOf(T0, T0, T0, T0.plusSeconds(5))).extracting(AccountAsOf::available)
                .containsExactly(Credit.of(1), Credit.of(1));
        assertThat(asOf(T0.plusSeconds(5), T0, T0, T0.plusSeconds(5))).extracting(AccountAsOf::available)
                .containsExactly(Credit.ZERO, Credit.of(1));
    }

    @Test
    void aStreamStopsAtItsFirstEventAfterTheInstantEvenWhenALaterOneCarriesAnEarlierTime() {
        exchange.contribute("telco-b", "telco-b", "t1", List.of(domain));
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip));
        exchange.withdraw("bank-a", "bank-a", "w1", List.of(domain));

        // The node that took the contribution runs two seconds fast: its event is stamped after the withdrawal's.
        List<AccountAsOf> accounts = asOf(T0.plusSeconds(1), T0, T0.plusSeconds(2), T0.plusSeconds(1));

        assertThat(accounts).extracting(account -> account.balance().accountId()).containsExactly("telco-b");
    }

    /** The accounts as of an instant, the simulation's events stamped with the given times. */
    private List<AccountAsOf> asOf(Instant instant, Instant... stamps) {
        BalancesAsOf.Accounts accounts = new BalancesAsOf.Accounts(instant);
        List<Simulation.Step> steps = exchange.history();
        for (int i = 0; i < steps.size(); i++) {
            accounts.count(new RecordedEvent(steps.get(i).position(), stamps[i], "event", "Account", "account:x", i,
                    steps.get(i).event()));
        }
        return accounts.asOf();
    }
}
