package org.reciprocity.portal.contribution;

import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.reciprocity.core.context.ContextObject;
import org.reciprocity.core.contribution.ContributionPreview;
import org.reciprocity.core.contribution.PreviewContribution;
import org.reciprocity.core.event.CreditRule;
import org.reciprocity.core.event.ItemCredit;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.membership.PoolMemberships;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.sharing.Audience;
import org.reciprocity.portal.problem.FieldError;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a contribution would earn, asked of the account that would decide it, which decides it as it would a
 * contribution and records nothing. The answer can differ from the contribution sent next: another account may bring
 * one of the items first in between, making a new item a corroboration.
 */
@Service
public class ContributionPreviews {

    /** The rule of an item sent again within the same request, which counts once, where it was first sent. */
    static final String DUPLICATE = "DUPLICATE";

    private final CommandGateway commands;
    private final PoolMemberships memberships;

    ContributionPreviews(CommandGateway commands, PoolMemberships memberships) {
        this.commands = commands;
        this.memberships = memberships;
    }

    /**
     * The preview of a contribution: each item sent, in the order sent, with what it would earn; the totals a
     * receipt would show; and every entry of the body that could not be read, which a contribution would refuse.
     *
     * @param balance      the account's balance now
     * @param balanceAfter the balance the contribution's receipt would show
     * @param audience     whom the items would be shared with, its border resolved into countries
     */
    public record Preview(String accountId, String contributorId, List<PreviewedItem> items, int itemsAccepted,
                          long newItems, long corroborations, long repeats, int duplicatesInRequest,
                          Credit creditEarned, Credit drawableAdded, Instant expiresAt, Instant vestsAt, Credit balance,
                          Credit balanceAfter, int policyVersion, int contextObjects, List<String> objectsRefused,
                          List<FieldError> errors, Audience audience) {

        static Preview of(ContributionBatch batch, ContributionPreview decided, Audience audience) {
            Map<UUID, ItemCredit> credits = new HashMap<>();
            decided.credits().forEach(credit -> credits.put(credit.item().id(), credit));
            Map<UUID, String> firstSent = new HashMap<>();
            List<PreviewedItem> items = new ArrayList<>(batch.sent().size());
            for (ContributionBatch.Sent sent : batch.sent()) {
                UUID id = sent.item().id();
                String first = firstSent.putIfAbsent(id, sent.at());
                items.add(first == null ? PreviewedItem.earning(sent.at(), credits.get(id))
                        : PreviewedItem.duplicate(sent, first));
            }
            return new Preview(decided.accountId(), decided.contributorId(), items, decided.credits().size(),
                    decided.count(CreditRule.NEW), decided.count(CreditRule.CORROBORATION),
                    decided.count(CreditRule.REPEAT), decided.duplicatesInRequest(), decided.creditEarned(),
                    decided.drawableAdded(), decided.expiresAt(), decided.vestsAt(), decided.balance(),
                    decided.balanceAfter(),
                    decided.policyVersion(), decided.contextObjects(), decided.objectsRefused(), batch.errors(),
                    audience);
        }
    }

    /**
     * One item sent, and what it would earn.
     *
     * @param at          where the sender wrote it: {@code items[3]}, {@code lines[4]}, {@code objects[2]}
     * @param value       in canonical form
     * @param duplicateOf where the same item was first sent in this request, for a duplicate
     */
    public record PreviewedItem(String at, ItemType type, String value, Tlp tlp,
                                @Schema(allowableValues = {"NEW", "CORROBORATION", "REPEAT", "RECEIVED", DUPLICATE})
                                String rule, BigDecimal weight, Credit credit, String duplicateOf) {

        static PreviewedItem earning(String at, ItemCredit credit) {
            return new PreviewedItem(at, credit.item().type(), credit.item().value(), credit.item().tlp(),
                    credit.rule().name(), credit.weight(), credit.credit(), null);
        }

        static PreviewedItem duplicate(ContributionBatch.Sent sent, String firstSent) {
            return new PreviewedItem(sent.at(), sent.item().type(), sent.item().value(), sent.item().tlp(), DUPLICATE,
                    BigDecimal.ZERO, Credit.ZERO, firstSent);
        }
    }

    /**
     * @param context  the STIX objects sent with the items
     * @param audience whom they would be shared with, checked already
     */
    public Preview preview(String participantId, ContributionBatch batch, List<ContextObject> context,
                           Audience audience) {
        ContributionPreview decided = commands.sendAndWait(new PreviewContribution(
                memberships.accountOf(participantId), participantId, batch.items(), context, audience));
        return Preview.of(batch, decided, audience);
    }
}
