package org.reciprocity.portal.stix;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.reciprocity.core.contribution.ContributeItems;
import org.reciprocity.core.contribution.ContributionReceipt;
import org.reciprocity.core.membership.PoolMemberships;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A STIX bundle contributed: one contribution, with the credit rules of any other. Its request key is the client's,
 * or else the bundle's own id, which STIX makes unique per bundle: the same bundle sent twice is counted once.
 */
@Service
public class StixContributions {

    public static final String STIX_MEDIA_TYPE = "application/stix+json;version=2.1";

    private final CommandGateway commands;
    private final PoolMemberships memberships;
    private final int maxItems;

    StixContributions(CommandGateway commands, PoolMemberships memberships,
                      @Value("${exchange.contribution.max-items}") int maxItems) {
        this.commands = commands;
        this.memberships = memberships;
        this.maxItems = maxItems;
    }

    /** @param requestKey the client's key, or null to key the contribution by the bundle's id */
    public ContributionReceipt contribute(String participantId, String requestKey, JsonNode bundle) {
        StixBundleReader.Contribution contribution = StixBundleReader.read(bundle, maxItems);
        return commands.sendAndWait(new ContributeItems(memberships.accountOf(participantId), participantId,
                requestKey != null ? requestKey : contribution.bundleId(), contribution.items()));
    }
}
