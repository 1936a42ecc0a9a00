package org.reciprocity.core.account;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.contribution.ItemsContributed;
import org.reciprocity.core.participant.ParticipantDirectory;
import org.reciprocity.core.withdrawal.ItemsWithdrawn;
import org.reciprocity.core.withdrawal.WithdrawalRefused;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The request log as a table written in the same transaction as the answering event, so that it can never disagree
 * with the event store. It keeps only where the answer is; the answer itself is read back from the account's stream.
 */
@Component
@ProcessingGroup(ParticipantDirectory.PROCESSING_GROUP)
class JdbcRequestLog implements RequestLog {

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;

    JdbcRequestLog(JdbcTemplate jdbc, EventStore eventStore) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
    }

    @Override
    public Optional<Object> answerTo(String accountId, RequestKind kind, String requestKey, String fingerprint) {
        return jdbc.query("select fingerprint, sequence_number from request_log "
                                + "where account_id = ? and kind = ? and request_key = ?",
                        (rs, i) -> new Entry(rs.getString(1), rs.getLong(2)), accountId, kind.name(), requestKey)
                .stream().findFirst()
                .map(entry -> {
                    if (!entry.fingerprint().equals(fingerprint)) {
                        throw new IdempotencyKeyReusedException(kind, requestKey);
                    }
                    DomainEventStream stream = eventStore.readEvents(EventStreams.account(accountId),
                            entry.sequenceNumber());
                    return stream.next().getPayload();
                });
    }

    @EventHandler
    void on(ItemsContributed event, @SequenceNumber long sequenceNumber) {
        record(event.accountId(), RequestKind.CONTRIBUTION, event.requestKey(), event.requestFingerprint(),
                sequenceNumber);
    }

    @EventHandler
    void on(ItemsWithdrawn event, @SequenceNumber long sequenceNumber) {
        record(event.accountId(), RequestKind.WITHDRAWAL, event.requestKey(), event.requestFingerprint(),
                sequenceNumber);
    }

    @EventHandler
    void on(WithdrawalRefused event, @SequenceNumber long sequenceNumber) {
        record(event.accountId(), RequestKind.WITHDRAWAL, event.requestKey(), event.requestFingerprint(),
                sequenceNumber);
    }

    private void record(String accountId, RequestKind kind, String requestKey, String fingerprint,
                        long sequenceNumber) {
        jdbc.update("insert into request_log (account_id, kind, request_key, fingerprint, sequence_number) "
                + "values (?, ?, ?, ?, ?)", accountId, kind.name(), requestKey, fingerprint, sequenceNumber);
    }

    private record Entry(String fingerprint, long sequenceNumber) {
    }
}
