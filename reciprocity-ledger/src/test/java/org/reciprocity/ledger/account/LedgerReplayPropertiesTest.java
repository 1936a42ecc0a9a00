package org.reciprocity.ledger.account;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.reciprocity.core.testing.Simulation;
import org.reciprocity.ledger.LedgerDatabase;
import org.reciprocity.ledger.RandomHistories;
import org.reciprocity.ledger.RandomHistories.History;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's tables over random histories: fed the events, they show every balance the accounts decided with; reset
 * and fed again, as an operator's replay does, they show exactly the same balances, statements and shares.
 */
class LedgerReplayPropertiesTest {

    // One database for all tries: each starts with the reset that a replay starts with.
    private static final LedgerProjection LEDGER = new LedgerProjection(LedgerDatabase.fresh());

    @Property(tries = 25)
    void aReplayFromScratchRebuildsTheSameLedger(@ForAll("histories") History history) {
        Simulation exchange = history.play();

        LEDGER.reset();
        exchange.history().forEach(step -> LedgerProjectionTest.feed(LEDGER, step));
        Map<String, Object> first = view(exchange);
        RandomHistories.ACCOUNTS.forEach(account -> assertThat(
                LEDGER.handle(new FindBalance(account, exchange.now())).balance().balance())
                .as("the balance of %s", account).isEqualTo(exchange.book(account).balance()
                        .plus(exchange.book(account).pending()).minus(exchange.book(account).debt())));

        LEDGER.reset();
        exchange.history().forEach(step -> LedgerProjectionTest.feed(LEDGER, step));
        assertThat(view(exchange)).isEqualTo(first);
    }

    @Provide
    Arbitrary<History> histories() {
        return Arbitraries.oneOf(RandomHistories.histories(), RandomHistories.busyHistories());
    }

    /** Everything the ledger shows of every account. */
    private static Map<String, Object> view(Simulation exchange) {
        Map<String, Object> view = new LinkedHashMap<>();
        for (String account : RandomHistories.ACCOUNTS) {
            view.put(account + " summary", LEDGER.handle(new FindBalance(account, exchange.now())));
            List<StatementLine> lines = LEDGER.handle(new FindStatement(account, -1, 1000)).lines();
            view.put(account + " statement", lines);
            for (StatementLine line : lines) {
                view.put(account + " items of " + line.position(), LEDGER.handle(new FindStatementItems(account,
                        line.position(), null, -1, 1000)).items());
            }
        }
        return view;
    }
}
