package org.reciprocity.core.registry;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.reciprocity.core.membership.MemberJoinedPool;
import org.reciprocity.core.membership.MemberLeftPool;
import org.reciprocity.core.membership.PoolMemberships;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Memberships as a table written in the same transaction as the event: its primary key on the member admits one pool
 * per participant, even when two pools take in the same participant at once.
 */
@Component
@ProcessingGroup(Registries.PROCESSING_GROUP)
class JdbcPoolMemberships implements PoolMemberships {

    private final JdbcTemplate jdbc;

    JdbcPoolMemberships(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> poolOf(String participantId) {
        List<String> pools = jdbc.queryForList("select pool_id from pool_member where member_id = ?", String.class,
                participantId);
        return pools.stream().findFirst();
    }

    @Override
    public List<String> membersOf(String poolId) {
        return jdbc.queryForList("select member_id from pool_member where pool_id = ? order by joined", String.class,
                poolId);
    }

    // A participant's (or pool's) row in the directory stands for its memberships: rows are locked in one order, so
    // that two transactions holding overlapping sets wait for each other and never deadlock.
    @Override
    public void hold(Collection<String> participantIds) {
        List<String> ordered = participantIds.stream().distinct().sorted().toList();
        jdbc.query("select participant_id from participant_directory where participant_id in ("
                + String.join(",", Collections.nCopies(ordered.size(), "?")) + ") order by participant_id for update",
                rs -> {
                }, ordered.toArray());
    }

    @EventHandler
    void on(MemberJoinedPool event, @SequenceNumber long sequenceNumber) {
        jdbc.update("insert into pool_member (member_id, pool_id, joined) values (?, ?, ?)", event.memberId(),
                event.poolId(), sequenceNumber);
    }

    @EventHandler
    void on(MemberLeftPool event) {
        jdbc.update("delete from pool_member where member_id = ? and pool_id = ?", event.memberId(), event.poolId());
    }
}
