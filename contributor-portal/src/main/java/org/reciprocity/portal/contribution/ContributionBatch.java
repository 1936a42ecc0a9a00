package org.reciprocity.portal.contribution;

import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.item.Item;
import org.reciprocity.portal.problem.FieldError;
import org.reciprocity.portal.problem.InvalidRequestException;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a contribution request into canonical items, or refuses the whole batch naming every item and field at
 * fault: a batch is stored whole or not at all.
 */
final class ContributionBatch {

    // Enough to fix a systematic mistake; more would only make the answer as large as the request.
    static final int MAX_REPORTED_ERRORS = 100;

    private ContributionBatch() {
    }

    static List<Item> items(ContributionRequest request, int maxItems) {
        List<ContributionRequest.ItemInput> inputs = request.items();
        if (inputs == null || inputs.isEmpty()) {
            throw InvalidRequestException.of("items", "a contribution carries at least one item");
        }
        if (inputs.size() > maxItems) {
            throw InvalidRequestException.of("items", "a contribution carries at most " + maxItems + " items; this one "
                    + "has " + inputs.size() + ": split it into several contributions, each with its own key");
        }
        List<Item> items = new ArrayList<>(inputs.size());
        List<FieldError> errors = new ArrayList<>();
        int invalid = 0;
        for (int i = 0; i < inputs.size(); i++) {
            ContributionRequest.ItemInput input = inputs.get(i);
            if (input == null) {
                invalid++;
                report(errors, "items[" + i + "]", "an item is an object with at least type, value and tlp");
                continue;
            }
            try {
                items.add(Item.normalised(input.type(), input.value(), input.confidence(), input.tlp(),
                        input.firstSeen(), input.lastSeen(), input.tags()));
            } catch (InvalidInputException e) {
                invalid++;
                report(errors, "items[" + i + "]." + e.field(), e.getMessage());
            }
        }
        if (invalid > 0) {
            throw new InvalidRequestException(invalid + " of " + inputs.size() + " items are invalid"
                    + (invalid > errors.size() ? " (the first " + errors.size() + " are listed)" : "")
                    + "; nothing was stored: correct them and send the batch again", errors);
        }
        return items;
    }

    private static void report(List<FieldError> errors, String field, String message) {
        if (errors.size() < MAX_REPORTED_ERRORS) {
            errors.add(new FieldError(field, message));
        }
    }
}
