package org.reciprocity.portal.store;

import org.reciprocity.core.chain.ChainHead;
import org.reciprocity.core.chain.EventChain;
import org.reciprocity.core.chain.EventRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * Links new events into the chain, in the transaction that appends them and under the lock that orders the appends
 * (see {@link WriteOrderedEventStorageEngine}): every event the exchange commits is linked by the time anyone can
 * read it, and only those are, so a row without a link was written by someone other than the exchange.
 */
@Component
class ChainLinker {

    // Bounded so that linking a backlog after an upgrade does not read it all into memory at once.
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(ChainLinker.class);

    private final JdbcTemplate jdbc;

    ChainLinker(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the lock that orders appends (one row every appending transaction locks first), held to the end of the
     * transaction.
     */
    void lockAppends() {
        jdbc.query("select id from event_append_lock where id = 1 for update", rs -> {
        });
    }

    /**
     * Links the events this transaction has just appended, and only those: a row after the chain's head that the
     * exchange did not write in this append (one put into the table by hand) is left without a link, for
     * verification to report. The caller holds the append lock.
     *
     * @param appended the identifiers of the events appended
     * @return how many events it linked
     */
    int linkAppended(Collection<String> appended) {
        return link(appended::contains);
    }

    /**
     * Links every event in the table, once, when the chain is empty: a database written before the chain existed.
     * Once the chain has a link, rows are linked only as the exchange appends them. The caller holds the append lock.
     *
     * @return how many events it linked
     */
    int linkEarlierEvents() {
        // The head, on the one row the caller has locked: counting the chain's links would read the whole table.
        return head().position() < 0 ? link(identifier -> true) : 0;
    }

    private int link(Predicate<String> ours) {
        ChainHead head = head();
        long after = head.position();
        int linked = 0;
        while (true) {
            List<EventRow> rows = EventRow.page(jdbc, after, Long.MAX_VALUE, BATCH);
            if (rows.isEmpty()) {
                return linked;
            }
            List<Object[]> links = new ArrayList<>();
            for (EventRow row : rows) {
                if (ours.test(row.eventIdentifier())) {
                    head = new ChainHead(row.position(), EventChain.link(head.link(), row));
                    links.add(new Object[] {head.position(), head.link()});
                } else {
                    log.error("The event row at position {} ({}) was not written by the exchange: it is left out "
                            + "of the hash chain, and verification reports it", row.position(), row.eventIdentifier());
                }
            }
            after = rows.get(rows.size() - 1).position();
            jdbc.batchUpdate("insert into event_chain (position, link) values (?, ?)", links);
            jdbc.update("update event_append_lock set chain_position = ?, chain_link = ? where id = 1",
                    head.position(), head.link());
            linked += links.size();
        }
    }

    private ChainHead head() {
        return ChainHead.of(jdbc);
    }
}
