package org.reciprocity.core.registry;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.account.IdempotencyKeyReusedException;
import org.reciprocity.core.account.RequestLog;
import org.reciprocity.core.event.AnsweredRequest;
import org.reciprocity.core.event.RequestKind;
import org.reciprocity.core.kernel.Request;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The request log as a table written in the same transaction as the answering event, so that it can never disagree
 * with the event store. It keeps only where the answer is; the answer itself is read back from the account's stream.
 */
@Component
@ProcessingGroup(Registries.PROCESSING_GROUP)
class JdbcRequestLog implements RequestLog {

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;

    JdbcRequestLog(JdbcTemplate jdbc, EventStore eventStore) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
    }

    @Override
    public Optional<AnsweredRequest> answerTo(Request request, RequestKind kind) {
        String accountId = request.accountId();
        String requestKey = request.requestKey();
        return jdbc.query("select fingerprint, sequence_number from request_log "
                                + "where account_id = ? and kind = ? and requester_id = ? and request_key = ?",
                        (rs, i) -> new Entry(rs.getString(1), rs.getLong(2)), accountId, kind.name(),
                        request.requesterId(), requestKey)
                .stream().findFirst()
                .map(entry -> {
                    if (!entry.fingerprint().equals(request.fingerprint())) {
                        throw new IdempotencyKeyReusedException(kind, requestKey);
                    }
                    DomainEventStream stream = eventStore.readEvents(EventStreams.account(accountId),
                            entry.sequenceNumber());
                    Object answer = stream.hasNext() ? stream.next().getPayload() : null;
                    // The log and the stream are written in one transaction; should they ever disagree (a restored
                    // backup, a hand-edited table), no request may be given another's answer.
                    if (!(answer instanceof AnsweredRequest answered) || answered.kind() != kind
                            || !answered.requestKey().equals(requestKey) || !answered.accountId().equals(accountId)
                            || !answered.requesterId().equals(request.requesterId())) {
                        throw new IllegalStateException("the request log places the answer to " + kind + " key '"
                                + requestKey + "' of account '" + accountId + "' at sequence "
                                + entry.sequenceNumber() + ", which holds no such answer");
                    }
                    return answered;
                });
    }

    @EventHandler
    void on(AnsweredRequest answer, @SequenceNumber long sequenceNumber) {
        jdbc.update("insert into request_log (account_id, kind, requester_id, request_key, fingerprint, "
                        + "sequence_number) values (?, ?, ?, ?, ?, ?)", answer.accountId(),
                answer.kind().name(), answer.requesterId(), answer.requestKey(), answer.requestFingerprint(),
                sequenceNumber);
    }

    private record Entry(String fingerprint, long sequenceNumber) {
    }
}
