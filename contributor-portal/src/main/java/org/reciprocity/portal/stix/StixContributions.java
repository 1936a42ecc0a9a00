package org.reciprocity.portal.stix;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.Lists;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.reciprocity.core.account.RequestKeys;
import org.reciprocity.core.contribution.ContributeItems;
import org.reciprocity.core.contribution.ContributionReceipt;
import org.reciprocity.core.event.Sighting;
import org.reciprocity.core.feedback.ReportSightings;
import org.reciprocity.core.feedback.SightingsReceipt;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.membership.PoolMemberships;
import org.reciprocity.core.sharing.Audience;
import org.reciprocity.core.sharing.Recipients;
import org.reciprocity.ledger.catalogue.CataloguePage;
import org.reciprocity.ledger.catalogue.FindCataloguePage;
import org.reciprocity.portal.contribution.ContributionBatch;
import org.reciprocity.portal.contribution.ContributionPreviews;
import org.reciprocity.portal.problem.FieldError;
import org.reciprocity.portal.problem.InvalidRequestException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A STIX bundle contributed: one contribution, with the credit rules of any other. Its request key is the client's,
 * or else the bundle's own id, which STIX makes unique per bundle: the same bundle sent twice is counted once. The
 * sightings it carries are then reported as the contributor's, under a key that follows from the contribution's.
 */
@Service
public class StixContributions {

    public static final String STIX_MEDIA_TYPE = "application/stix+json;version=2.1";
    static final String OTHERS_OBJECT = "another participant sent this object first: only it may send versions of "
            + "it; send objects of your own under ids of your own";

    // Enough to fix a systematic mistake; more would only make the answer as large as the request.
    private static final int MAX_REPORTED = 100;
    // The pool's items looked up at once for the sightings of its indicators: a page of the catalogue.
    private static final int LOOKUP = 1000;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final PoolMemberships memberships;
    private final Recipients recipients;
    private final ContributionPreviews previews;
    private final int maxItems;
    private final Clock clock;

    StixContributions(CommandGateway commands, QueryGateway queries, PoolMemberships memberships,
                      Recipients recipients, ContributionPreviews previews,
                      @Value("${exchange.contribution.max-items}") int maxItems, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.memberships = memberships;
        this.recipients = recipients;
        this.previews = previews;
        this.maxItems = maxItems;
        this.clock = clock;
    }

    /**
     * What a contribution made of a bundle: the receipt (null when no object of it could be taken, and nothing was
     * sent), each object with what became of it, in the order sent, those the account refused included, and the
     * report of the sightings it carried (null when it carried none).
     */
    public record Outcome(ContributionReceipt receipt, List<StixBundleReader.ObjectOutcome> objects,
                          SightingsReceipt sightings) {

        static Outcome of(ContributionReceipt receipt, List<StixBundleReader.ObjectOutcome> read,
                          SightingsReceipt sightings) {
            return new Outcome(receipt, ruled(read, receipt == null ? List.of() : receipt.objectsRefused()),
                    sightings);
        }

        public List<StixBundleReader.ObjectOutcome> failures() {
            return StixContributions.failures(objects);
        }

        /** The objects taken with something said of them: what of them the pool does not index. */
        public List<StixBundleReader.ObjectOutcome> notIndexed() {
            return StixContributions.notIndexed(objects);
        }
    }

    /**
     * The receipt the API answers a STIX contribution with: the contribution's, and what became of the objects.
     *
     * @param failures   the objects not taken, each with why
     * @param notIndexed the objects taken as context whose values the pool does not index, each with what it left
     * @param sightings  the report of the sightings the bundle carried; absent when it carried none
     */
    public record Receipt(@JsonUnwrapped ContributionReceipt receipt, int objectsReceived,
                          List<StixBundleReader.ObjectOutcome> failures,
                          List<StixBundleReader.ObjectOutcome> notIndexed,
                          @JsonInclude(JsonInclude.Include.NON_NULL) SightingsReceipt sightings) {
    }

    /**
     * What a bundle would earn, with what would become of its objects: the receipt's {@code failures} and
     * {@code notIndexed}; its {@code errors} are the objects that are not valid STIX.
     */
    public record Preview(@JsonUnwrapped ContributionPreviews.Preview preview, int objectsReceived,
                          List<StixBundleReader.ObjectOutcome> failures,
                          List<StixBundleReader.ObjectOutcome> notIndexed) {
    }

    /**
     * A bundle contributed through the API.
     *
     * @throws InvalidRequestException when none of its objects can be taken, each named
     */
    public Receipt receipt(String participantId, String requestKey, JsonNode bundle, Audience audience) {
        Outcome outcome = contribute(participantId, requestKey, bundle, audience);
        if (outcome.receipt() == null) {
            List<StixBundleReader.ObjectOutcome> failures = outcome.failures();
            throw new InvalidRequestException("none of the bundle's " + failures.size() + " objects can be "
                    + "contributed; nothing was stored", failures.stream().limit(MAX_REPORTED)
                    .map(StixContributions::errorOf).toList());
        }
        return new Receipt(outcome.receipt(), outcome.objects().size(), outcome.failures(), outcome.notIndexed(),
                outcome.sightings());
    }

    /**
     * @param requestKey the client's key, or null to key the contribution by the bundle's id
     * @return what became of the bundle's objects
     */
    public Outcome contribute(String participantId, String requestKey, JsonNode bundle, Audience audience) {
        StixBundleReader.Contribution contribution = StixBundleReader.read(bundle, maxItems, clock.instant());
        if (contribution.isEmpty()) {
            return Outcome.of(null, contribution.outcomes(), null);
        }
        String accountId = memberships.accountOf(participantId);
        String key = requestKey != null ? requestKey : contribution.bundleId();
        ContributionReceipt receipt = commands.sendAndWait(new ContributeItems(accountId, participantId, key,
                contribution.items(), contribution.context(), audience));
        // After the contribution, so that what the bundle itself brings is the sighter's own and counts for nothing.
        List<StixBundleReader.ObjectOutcome> outcomes = new ArrayList<>(contribution.outcomes());
        List<Sighting> seen = new ArrayList<>(contribution.sightings());
        seen.addAll(ofThePool(participantId, accountId, contribution.poolSightings(), outcomes));
        SightingsReceipt sightings = seen.isEmpty() ? null : commands.sendAndWait(new ReportSightings(accountId,
                participantId, "sightings:" + RequestKeys.fingerprint(key), seen));
        return Outcome.of(receipt, outcomes, sightings);
    }

    /**
     * The sightings of the pool's indicators the bundle named without carrying them, of the items the pool holds
     * under those ids and the sighter holds (drew or sent): what it could have seen. Each sighting object's outcome
     * says which it was.
     */
    private List<Sighting> ofThePool(String participantId, String accountId,
                                     List<StixBundleReader.PoolSighting> poolSightings,
                                     List<StixBundleReader.ObjectOutcome> outcomes) {
        if (poolSightings.isEmpty()) {
            return List.of();
        }
        Map<UUID, ItemRef> held = new HashMap<>();
        List<UUID> ids = poolSightings.stream().map(StixBundleReader.PoolSighting::itemId).distinct().toList();
        for (List<UUID> chunk : Lists.partition(ids, LOOKUP)) {
            queries.query(new FindCataloguePage(null, null, chunk, new FindCataloguePage.Holder(participantId,
                    accountId), recipients.of(participantId, clock.instant()), chunk.size()), CataloguePage.class)
                    .join().items().forEach(pooled -> held.put(pooled.item().id(), ItemRef.of(pooled.item())));
        }
        List<Sighting> sightings = new ArrayList<>();
        for (StixBundleReader.PoolSighting sighting : poolSightings) {
            ItemRef item = held.get(sighting.itemId());
            StixBundleReader.ObjectOutcome kept = outcomes.get(sighting.outcome());
            if (item != null) {
                sightings.add(sighting.of(item));
            }
            outcomes.set(sighting.outcome(), new StixBundleReader.ObjectOutcome(kept.id(), kept.version(), false,
                    kept.items(), null, item != null ? "kept as context; read as a sighting of the pool's "
                    + item.type().label() + " " + item.value() : "kept as context; not a sighting of any item: "
                    + "its sighting_of_ref is not an object of this bundle, nor an item of the pool you hold"));
        }
        return sightings;
    }

    /**
     * A bundle previewed: what it would earn, each item named after the object it is read from ({@code objects[2]}),
     * and what would become of the objects, recording nothing.
     *
     * @throws InvalidRequestException when the body is not a bundle
     */
    public Preview preview(String participantId, JsonNode bundle, Audience audience) {
        StixBundleReader.Contribution contribution = StixBundleReader.read(bundle, maxItems, clock.instant());
        List<StixBundleReader.ObjectOutcome> outcomes = contribution.outcomes();
        List<ContributionBatch.Sent> sent = new ArrayList<>(contribution.items().size());
        Iterator<Item> items = contribution.items().iterator();
        // The reader lists each object's items in the order of the objects, one outcome an object.
        for (int i = 0; i < outcomes.size(); i++) {
            for (int n = 0; n < outcomes.get(i).items(); n++) {
                sent.add(new ContributionBatch.Sent("objects[" + i + "]", items.next()));
            }
        }
        ContributionPreviews.Preview preview = previews.preview(participantId, new ContributionBatch(sent,
                contribution.failures().stream().map(StixContributions::errorOf).toList()), contribution.context(),
                audience);
        List<StixBundleReader.ObjectOutcome> objects = ruled(outcomes, preview.objectsRefused());
        return new Preview(preview, objects.size(), failures(objects), notIndexed(objects));
    }

    /** The objects as read, those the account refused as another participant's failed with why. */
    private static List<StixBundleReader.ObjectOutcome> ruled(List<StixBundleReader.ObjectOutcome> read,
                                                              List<String> objectsRefused) {
        Set<String> refused = Set.copyOf(objectsRefused);
        return read.stream().map(outcome -> outcome.failed() || !refused.contains(outcome.id()) ? outcome
                : new StixBundleReader.ObjectOutcome(outcome.id(), outcome.version(), true, 0, null, OTHERS_OBJECT))
                .toList();
    }

    private static List<StixBundleReader.ObjectOutcome> failures(List<StixBundleReader.ObjectOutcome> objects) {
        return objects.stream().filter(StixBundleReader.ObjectOutcome::failed).toList();
    }

    private static List<StixBundleReader.ObjectOutcome> notIndexed(List<StixBundleReader.ObjectOutcome> objects) {
        return objects.stream().filter(outcome -> !outcome.failed() && outcome.message() != null).toList();
    }

    private static FieldError errorOf(StixBundleReader.ObjectOutcome failure) {
        return new FieldError(failure.field() != null ? failure.field() : failure.id(), failure.message());
    }
}
