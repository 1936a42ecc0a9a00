package org.reciprocity.core.feedback;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.account.RequestKeys;
import org.reciprocity.core.event.Sighting;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A consumer reports having seen items it drew from the pool in its own systems: the evidence that corroborates an
 * item and earns its contributor a bonus, as MISP's sightings and STIX's {@code sighting} objects say.
 *
 * @param accountId  the consumer's account (its own, or its pool's), where the report is recorded
 * @param consumerId the participant reporting
 */
public record ReportSightings(String accountId, String consumerId, String requestKey, List<Sighting> sightings) {

    public static final int MAX_SIGHTINGS = 10_000;

    public ReportSightings {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(consumerId, "consumerId");
        RequestKeys.require(requestKey);
        if (sightings == null || sightings.isEmpty() || sightings.size() > MAX_SIGHTINGS) {
            throw new InvalidInputException("sightings", "a report names 1 to " + MAX_SIGHTINGS + " sightings");
        }
        sightings = List.copyOf(sightings);
    }

    @TargetAggregateIdentifier
    public String accountStream() {
        return EventStreams.account(accountId);
    }

    public String fingerprint() {
        return RequestKeys.fingerprint(consumerId + "\n" + sightings.stream()
                .map(seen -> seen.item().type().label() + "|" + seen.item().value() + "|" + seen.firstSeen() + "|"
                        + seen.lastSeen() + "|" + seen.count())
                .collect(Collectors.joining("\n")));
    }
}
