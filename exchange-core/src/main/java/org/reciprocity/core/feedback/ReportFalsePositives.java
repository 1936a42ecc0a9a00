package org.reciprocity.core.feedback;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.account.RequestKeys;
import org.reciprocity.core.event.FalsePositive;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A consumer reports items it drew as false positives, each with its reason: what, once enough independent consumers
 * agree, takes an item out of the pool, claws back its contributors' credit and refunds what it was paid.
 *
 * @param accountId  the consumer's account (its own, or its pool's), where the report is recorded
 * @param consumerId the participant reporting
 */
public record ReportFalsePositives(String accountId, String consumerId, String requestKey,
                                   List<FalsePositive> reports) {

    public static final int MAX_REPORTS = 10_000;

    public ReportFalsePositives {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(consumerId, "consumerId");
        RequestKeys.require(requestKey);
        if (reports == null || reports.isEmpty() || reports.size() > MAX_REPORTS) {
            throw new InvalidInputException("items", "a report names 1 to " + MAX_REPORTS + " items");
        }
        reports = List.copyOf(reports);
    }

    @TargetAggregateIdentifier
    public String accountStream() {
        return EventStreams.account(accountId);
    }

    public String fingerprint() {
        return RequestKeys.fingerprint(consumerId + "\n" + reports.stream()
                .map(report -> report.item().type().label() + "|" + report.item().value() + "|" + report.reason())
                .collect(Collectors.joining("\n")));
    }
}
