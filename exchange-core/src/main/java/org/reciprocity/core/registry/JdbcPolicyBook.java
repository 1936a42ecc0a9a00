package org.reciprocity.core.registry;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.reciprocity.core.SqlTime;
import org.reciprocity.core.messaging.EventJson;
import org.reciprocity.core.policy.PolicyBook;
import org.reciprocity.core.policy.PolicyChangeRefusedException;
import org.reciprocity.core.policy.PolicyChanged;
import org.reciprocity.core.policy.PolicyNotAdoptedException;
import org.reciprocity.core.policy.PolicyNotice;
import org.reciprocity.core.policy.PolicyRules;
import org.reciprocity.core.policy.ReciprocityPolicy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The policy's versions as a table written in the same transaction as each change. A change still in the future
 * when it commits is a change every later decision will see; one that would commit too late to be seen in time is
 * refused instead.
 */
@Component
@ProcessingGroup(Registries.PROCESSING_GROUP)
class JdbcPolicyBook implements PolicyBook {

    private final JdbcTemplate jdbc;
    private final PolicyNotice notice;
    private final RowMapper<ReciprocityPolicy> version = (rs, i) -> new ReciprocityPolicy(rs.getInt("version"),
            SqlTime.instant(rs, "effective_from"), EventJson.read(rs.getString("rules"), PolicyRules.class));

    JdbcPolicyBook(JdbcTemplate jdbc, PolicyNotice notice) {
        this.jdbc = jdbc;
        this.notice = notice;
    }

    @Override
    public ReciprocityPolicy inForceAt(Instant instant) {
        return jdbc.query("select * from policy_version where effective_from <= ? and replaced_by is null "
                        + "order by version desc fetch first 1 rows only", version, SqlTime.of(instant)).stream()
                .findFirst().orElseThrow(() -> new PolicyNotAdoptedException(instant));
    }

    @Override
    public Optional<ReciprocityPolicy> latest() {
        return jdbc.query("select * from policy_version where replaced_by is null order by version desc "
                        + "fetch first 1 rows only", version)
                .stream().findFirst();
    }

    @Override
    public List<ReciprocityPolicy> versions() {
        return jdbc.query("select * from policy_version where replaced_by is null order by version", version);
    }

    @EventHandler
    void on(PolicyChanged event, EventMessage<?> message) {
        // An event read back from the event store (the registries rebuilt from the history) committed long ago, in
        // time: only a change still on its way to the store can be too late.
        if (!(message instanceof TrackedEventMessage)) {
            requireInTime(event);
        }
        event.replaces().forEach(replaced -> jdbc.update("update policy_version set replaced_by = ? where version = ?",
                event.version(), replaced));
        jdbc.update("insert into policy_version (version, effective_from, rules) values (?, ?, ?)", event.version(),
                SqlTime.of(event.effectiveFrom()), EventJson.write(event.rules()));
    }

    private void requireInTime(PolicyChanged event) {
        // The notice was checked when the change was decided; half of it must still be left now, at its commit.
        Instant latestCommit = event.effectiveFrom().minus(notice.minimum().dividedBy(2));
        if (event.version() > 1 && GenericEventMessage.clock.instant().isAfter(latestCommit)) {
            throw new PolicyChangeRefusedException("the change to version " + event.version() + " took too long to "
                    + "store to be in place everywhere before " + event.effectiveFrom() + ": announce it further ahead");
        }
    }

}
