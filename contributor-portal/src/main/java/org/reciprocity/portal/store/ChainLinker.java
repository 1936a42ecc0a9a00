package org.reciprocity.portal.store;

import org.reciprocity.core.chain.ChainHead;
import org.reciprocity.core.chain.ChainLinking;
import org.reciprocity.core.chain.EventChain;
import org.reciprocity.core.chain.EventRow;
import org.reciprocity.core.chain.EventRows;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Links the events into the hash chain in global order, after their appends commit: on the database store once no
 * number below them can still appear (see {@link GapGuard}), in Axon Server as it hands them out, in its own order.
 * Every node links; the head's row, locked while a batch is linked, lets one of them at a time, and the others find
 * the head moved on. Appends never wait for it.
 */
public final class ChainLinker implements ChainLinking {

    // Bounded so that linking a backlog (the first start on a store written before the chain) fits in memory.
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final EventRows events;
    private final Optional<GapGuard> gaps;
    private volatile boolean closing;

    /** @param appends the database store's open appends; empty for Axon Server, which hands out only what is committed */
    ChainLinker(JdbcTemplate jdbc, TransactionTemplate transaction, EventRows events, Optional<OpenAppends> appends) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.events = events;
        this.gaps = appends.map(GapGuard::new);
    }

    /** Every second or so ({@code exchange.audit.link-interval}), in the serving exchange only. */
    @Scheduled(fixedDelayString = "${exchange.audit.link-interval:1000}")
    void linkOnSchedule() {
        if (!closing) {
            linkSettled();
        }
    }

    /** A node shutting down links no more: its database connections are about to go. */
    @EventListener(ContextClosedEvent.class)
    void stopLinking() {
        closing = true;
    }

    /**
     * Links every event whose place in the order is settled.
     *
     * @return how many events it linked
     */
    @Override
    public synchronized long linkSettled() {
        long linked = 0;
        while (true) {
            Integer batch = transaction.execute(status -> linkBatch());
            if ((batch == null || batch == 0) && !gaps.map(GapGuard::readAgainAtOnce).orElse(false)) {
                return linked;
            }
            linked += batch == null ? 0 : batch;
        }
    }

    private int linkBatch() {
        ChainHead head = ChainHead.locked(jdbc);
        List<EventRow> rows = events.page(head.position(), Long.MAX_VALUE, BATCH);
        // Before the first link, the chain waits for the store's first position, not for a number below it.
        long after = Math.max(head.position(), events.firstPosition() - 1);
        int settled = gaps.map(guard -> guard.takeable(after, rows.stream().mapToLong(EventRow::position).toArray()))
                .orElse(rows.size());
        if (settled == 0) {
            return 0;
        }
        List<Object[]> links = new ArrayList<>();
        ChainHead linked = head;
        for (EventRow row : rows.subList(0, settled)) {
            linked = new ChainHead(row.position(), EventChain.link(linked.link(), row));
            links.add(new Object[] {linked.position(), linked.link()});
        }
        jdbc.batchUpdate("insert into event_chain (position, link) values (?, ?)", links);
        jdbc.update("update chain_head set position = ?, link = ? where id = 1", linked.position(), linked.link());
        return settled;
    }
}
