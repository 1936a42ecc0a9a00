package org.reciprocity.portal.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.event.ItemsWithdrawn;
import org.reciprocity.core.event.WithdrawalRefused;
import org.reciprocity.core.policy.Credit;
import org.springframework.stereotype.Component;

/**
 * The exchange's trade as counters: items contributed, credit earned and spent, withdrawals served and refused.
 * Counted from the events, in a subscribing processor of its own ({@link MetricsConfiguration}): it handles each event
 * on the node whose command stored it, once, as it is stored. A tracking processor would count on whichever node holds
 * its segment, and count the whole history again after a reset; the API would miss what the portal's pages and TAXII
 * decide, and count a repeated request the exchange answers from its log. The count waits until the command's
 * transaction has committed, so a command that lost a race to another node and was tried again counts once.
 */
@Component
@ProcessingGroup(TradeCounters.PROCESSING_GROUP)
class TradeCounters {

    static final String PROCESSING_GROUP = "metrics";

    private final Counter itemsContributed;
    private final Counter creditEarned;
    private final Counter creditSpent;
    private final Counter withdrawalsServed;
    private final Counter withdrawalsRefused;

    TradeCounters(MeterRegistry registry) {
        itemsContributed = Counter.builder("exchange.items.contributed")
                .description("distinct items of each stored contribution, new or not").register(registry);
        creditEarned = Counter.builder("exchange.credit.earned")
                .description("drawable credit contributions added to balances").register(registry);
        creditSpent = Counter.builder("exchange.credit.spent")
                .description("credit withdrawals debited from balances").register(registry);
        withdrawalsServed = Counter.builder("exchange.withdrawals.served")
                .description("withdrawals delivered, TAXII and MISP pages included").register(registry);
        withdrawalsRefused = Counter.builder("exchange.withdrawals.refused")
                .description("withdrawals refused because the balance did not cover them").register(registry);
    }

    @EventHandler
    void on(ItemsContributed event, UnitOfWork<?> unit) {
        unit.afterCommit(committed -> {
            itemsContributed.increment(event.itemCount());
            creditEarned.increment(credits(event.drawable()));
        });
    }

    @EventHandler
    void on(ItemsWithdrawn event, UnitOfWork<?> unit) {
        unit.afterCommit(committed -> {
            withdrawalsServed.increment();
            creditSpent.increment(credits(event.cost()));
        });
    }

    @EventHandler
    void on(WithdrawalRefused event, UnitOfWork<?> unit) {
        unit.afterCommit(committed -> withdrawalsRefused.increment());
    }

    private static double credits(Credit credit) {
        return credit.amount().doubleValue();
    }
}
