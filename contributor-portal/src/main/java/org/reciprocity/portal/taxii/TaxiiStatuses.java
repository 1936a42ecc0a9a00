package org.reciprocity.portal.taxii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.queryhandling.QueryGateway;
import org.reciprocity.core.SqlTime;
import org.reciprocity.core.messaging.EventJson;
import org.reciprocity.ledger.context.IsCatalogued;
import org.reciprocity.portal.stix.StixBundleReader;
import org.reciprocity.portal.stix.StixContributions;
import org.reciprocity.portal.stix.StixIndicators;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The status resources of objects added through TAXII (section 4.3), kept so that a client can ask again later. A
 * status is complete only once the catalogue has taken the contribution in, so that whoever reads the objects after
 * it finds them: until then its objects are pending. An add waits a moment for that, and a status read later looks
 * again.
 */
@Component
class TaxiiStatuses {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Duration POLL = Duration.ofMillis(10);

    private final JdbcTemplate jdbc;
    private final QueryGateway queries;
    private final Duration wait;

    TaxiiStatuses(JdbcTemplate jdbc, QueryGateway queries,
                  @Value("${exchange.taxii.status-wait:PT5S}") Duration wait) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.wait = wait;
    }

    /**
     * The status of a contribution just made, kept; the same request answered again keeps the first. Objects that
     * failed are failures at once; the others are successes once the catalogue holds them, pending until then.
     *
     * @param bundleId names the status when no object could be taken, and no contribution was made
     */
    JsonNode answer(String participantId, String bundleId, Instant received, StixContributions.Outcome outcome) {
        UUID contribution = outcome.receipt() == null ? null : outcome.receipt().contributionId();
        String statusId = contribution != null ? contribution.toString() : UUID.nameUUIDFromBytes(
                (participantId + "\n" + bundleId).getBytes(StandardCharsets.UTF_8)).toString();
        ObjectNode status = JSON.objectNode().put("id", statusId).put("status", "pending")
                .put("request_timestamp", StixIndicators.timestamp(received));
        List<StixBundleReader.ObjectOutcome> objects = outcome.objects();
        long failed = objects.stream().filter(StixBundleReader.ObjectOutcome::failed).count();
        status.put("total_count", objects.size()).put("success_count", 0).put("failure_count", failed)
                .put("pending_count", objects.size() - failed);
        ArrayNode failures = status.putArray("failures");
        ArrayNode pendings = status.putArray("pendings");
        for (StixBundleReader.ObjectOutcome object : objects) {
            ObjectNode details = (object.failed() ? failures : pendings).addObject().put("id", object.id());
            // An object's version is its modified time; observables have none, and are versioned as received.
            details.put("version", object.version() != null ? object.version() : StixIndicators.timestamp(received));
            if (object.message() != null) {
                details.put("message", object.message());
            }
        }
        if (contribution == null || awaitCatalogued(contribution)) {
            complete(status);
        }
        jdbc.update("insert into taxii_status (status_id, participant_id, created, body) select ?, ?, ?, ? "
                        + "where not exists (select 1 from taxii_status where status_id = ?)", statusId, participantId,
                SqlTime.of(received), EventJson.write(status), statusId);
        return find(statusId, participantId).orElse(status);
    }

    /** A status, to the participant whose request it answers only, complete once its objects can be drawn. */
    Optional<JsonNode> find(String statusId, String participantId) {
        Optional<ObjectNode> kept = jdbc.query("select body from taxii_status where status_id = ? and "
                        + "participant_id = ?", (rs, i) -> EventJson.read(rs.getString(1), ObjectNode.class), statusId,
                participantId).stream().findFirst();
        kept.filter(status -> status.path("status").asText().equals("pending")
                && queries.query(new IsCatalogued(UUID.fromString(statusId)), Boolean.class).join()).ifPresent(status -> {
                    complete(status);
                    jdbc.update("update taxii_status set body = ? where status_id = ?", EventJson.write(status),
                            statusId);
                });
        return kept.map(JsonNode.class::cast);
    }

    private boolean awaitCatalogued(UUID contributionId) {
        // Time elapsed, not the time of day: the exchange's clock is for what is recorded.
        long until = System.nanoTime() + wait.toNanos();
        while (!queries.query(new IsCatalogued(contributionId), Boolean.class).join()) {
            if (System.nanoTime() - until > 0) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static void complete(ObjectNode status) {
        JsonNode pendings = status.remove("pendings");
        status.put("status", "complete").put("success_count", pendings.size()).put("pending_count", 0);
        status.set("successes", pendings);
        status.putArray("pendings");
    }
}
