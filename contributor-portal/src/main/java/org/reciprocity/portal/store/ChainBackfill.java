package org.reciprocity.portal.store;

import org.reciprocity.portal.ExchangeProfiles;
import org.reciprocity.portal.store.ChainLinker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links, at the first start with a chain, the events of a database written before the chain existed. Once the chain
 * has a link it does nothing: events are linked as the exchange appends them, and a row that appears otherwise is
 * left unlinked for verification to report.
 */
@Component
@Profile(ExchangeProfiles.SERVING)
@Order(-1)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class ChainBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ChainBackfill.class);

    private final ChainLinker chain;
    private final TransactionTemplate transaction;

    ChainBackfill(ChainLinker chain, TransactionTemplate transaction) {
        this.chain = chain;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer linked = transaction.execute(status -> {
            chain.lockAppends();
            return chain.linkEarlierEvents();
        });
        if (linked != null && linked > 0) {
            log.info("Linked {} earlier events into the hash chain", linked);
        }
    }
}
