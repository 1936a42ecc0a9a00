package org.reciprocity.portal.stix;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.reciprocity.core.contribution.ContributeItems;
import org.reciprocity.core.contribution.ContributionReceipt;
import org.reciprocity.core.membership.PoolMemberships;
import org.reciprocity.portal.problem.FieldError;
import org.reciprocity.portal.problem.InvalidRequestException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Set;

/**
 * A STIX bundle contributed: one contribution, with the credit rules of any other. Its request key is the client's,
 * or else the bundle's own id, which STIX makes unique per bundle: the same bundle sent twice is counted once.
 */
@Service
public class StixContributions {

    public static final String STIX_MEDIA_TYPE = "application/stix+json;version=2.1";
    static final String OTHERS_OBJECT = "another participant sent this object first: only it may send versions of "
            + "it; send objects of your own under ids of your own";

    // Enough to fix a systematic mistake; more would only make the answer as large as the request.
    private static final int MAX_REPORTED = 100;

    private final CommandGateway commands;
    private final PoolMemberships memberships;
    private final int maxItems;

    StixContributions(CommandGateway commands, PoolMemberships memberships,
                      @Value("${exchange.contribution.max-items}") int maxItems) {
        this.commands = commands;
        this.memberships = memberships;
        this.maxItems = maxItems;
    }

    /**
     * What a contribution made of a bundle: the receipt (null when no object of it could be taken, and nothing was
     * sent), and each object with what became of it, in the order sent, those the account refused included.
     */
    public record Outcome(ContributionReceipt receipt, List<StixBundleReader.ObjectOutcome> objects) {

        static Outcome of(ContributionReceipt receipt, List<StixBundleReader.ObjectOutcome> read) {
            Set<String> refused = receipt == null ? Set.of() : Set.copyOf(receipt.objectsRefused());
            return new Outcome(receipt, read.stream().map(outcome -> outcome.failed()
                    || !refused.contains(outcome.id()) ? outcome : new StixBundleReader.ObjectOutcome(outcome.id(),
                    outcome.version(), true, 0, null, OTHERS_OBJECT)).toList());
        }

        public List<StixBundleReader.ObjectOutcome> failures() {
            return objects.stream().filter(StixBundleReader.ObjectOutcome::failed).toList();
        }

        /** The objects taken with something said of them: what of them the pool does not index. */
        public List<StixBundleReader.ObjectOutcome> notIndexed() {
            return objects.stream().filter(outcome -> !outcome.failed() && outcome.message() != null).toList();
        }
    }

    /**
     * The receipt the API answers a STIX contribution with: the contribution's, and what became of the objects.
     *
     * @param failures   the objects not taken, each with why
     * @param notIndexed the objects taken as context whose values the pool does not index, each with what it left
     */
    public record Receipt(@JsonUnwrapped ContributionReceipt receipt, int objectsReceived,
                          List<StixBundleReader.ObjectOutcome> failures,
                          List<StixBundleReader.ObjectOutcome> notIndexed) {
    }

    /**
     * A bundle contributed through the API.
     *
     * @throws InvalidRequestException when none of its objects can be taken, each named
     */
    public Receipt receipt(String participantId, String requestKey, JsonNode bundle) {
        Outcome outcome = contribute(participantId, requestKey, bundle);
        if (outcome.receipt() == null) {
            List<StixBundleReader.ObjectOutcome> failures = outcome.failures();
            throw new InvalidRequestException("none of the bundle's " + failures.size() + " objects can be "
                    + "contributed; nothing was stored", failures.stream().limit(MAX_REPORTED)
                    .map(failure -> new FieldError(failure.field() != null ? failure.field() : failure.id(),
                            failure.message())).toList());
        }
        return new Receipt(outcome.receipt(), outcome.objects().size(), outcome.failures(), outcome.notIndexed());
    }

    /**
     * @param requestKey the client's key, or null to key the contribution by the bundle's id
     * @return what became of the bundle's objects
     */
    public Outcome contribute(String participantId, String requestKey, JsonNode bundle) {
        StixBundleReader.Contribution contribution = StixBundleReader.read(bundle, maxItems);
        if (contribution.isEmpty()) {
            return Outcome.of(null, contribution.outcomes());
        }
        ContributionReceipt receipt = commands.sendAndWait(new ContributeItems(
                memberships.accountOf(participantId), participantId,
                requestKey != null ? requestKey : contribution.bundleId(), contribution.items(),
                contribution.context()));
        return Outcome.of(receipt, contribution.outcomes());
    }
}
