package org.reciprocity.ledger.integrity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Links new events into the chain, in the transaction that appends them and under the lock that orders the appends
 * (see the portal's write-ordered storage engine): every committed event is linked by the time anyone can read it,
 * so a row without a link was written by someone other than the exchange.
 */
@Component
public class ChainLinker {

    // Bounded so that linking a backlog after an upgrade does not read it all into memory at once.
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;

    ChainLinker(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the lock that orders appends (one row every appending transaction locks first), held to the end of the
     * transaction.
     */
    public void lockAppends() {
        jdbc.query("select id from event_append_lock where id = 1 for update", rs -> {
        });
    }

    /**
     * Links every event after the chain's head. The caller holds the append lock.
     *
     * @return how many events it linked
     */
    public int linkNewEvents() {
        ChainHead head = head();
        int linked = 0;
        while (true) {
            List<EventRow> rows = jdbc.query("select " + EventRow.COLUMNS + " from domain_event_entry "
                    + "where global_index > ? order by global_index fetch first " + BATCH + " rows only",
                    EventRow.MAPPER, head.position());
            if (rows.isEmpty()) {
                return linked;
            }
            String link = head.link();
            Object[][] links = new Object[rows.size()][];
            for (int i = 0; i < rows.size(); i++) {
                link = EventChain.link(link, rows.get(i));
                links[i] = new Object[] {rows.get(i).position(), link};
            }
            jdbc.batchUpdate("insert into event_chain (position, link) values (?, ?)", List.of(links));
            head = new ChainHead(rows.get(rows.size() - 1).position(), link);
            jdbc.update("update event_append_lock set chain_position = ?, chain_link = ? where id = 1",
                    head.position(), head.link());
            linked += rows.size();
        }
    }

    /** The last event linked, and its link. */
    public ChainHead head() {
        return jdbc.queryForObject("select chain_position, chain_link from event_append_lock where id = 1",
                (rs, i) -> new ChainHead(rs.getLong(1), rs.getString(2)));
    }
}
