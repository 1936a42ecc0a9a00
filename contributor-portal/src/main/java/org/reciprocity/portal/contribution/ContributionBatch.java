package org.reciprocity.portal.contribution;

import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.item.Item;
import org.reciprocity.portal.problem.FieldError;
import org.reciprocity.portal.problem.InvalidRequestException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A contribution as read from its body: each item that could be read, with where the sender wrote it
 * ({@code items[3]}, {@code lines[4]}, {@code objects[2]}), and every entry that could not, named the same way down to
 * the field at fault. A contribution takes the batch whole or refuses it; a preview shows both halves.
 *
 * @param errors one for each entry that could not be read, in the order sent
 */
public record ContributionBatch(List<Sent> sent, List<FieldError> errors) {

    // Enough to fix a systematic mistake; more would only make the answer as large as the request.
    static final int MAX_REPORTED_ERRORS = 100;

    public ContributionBatch {
        sent = List.copyOf(sent);
        errors = List.copyOf(errors);
    }

    /** An item, and where in the body the sender wrote it. */
    public record Sent(String at, Item item) {
    }

    /** The items of a contribution request in JSON, named {@code items[0]}, {@code items[1]}... */
    static ContributionBatch of(ContributionRequest request, int maxItems) {
        List<ContributionRequest.ItemInput> inputs = request.items() == null ? List.of() : request.items();
        Reader batch = new Reader("items", maxItems);
        for (int i = 0; i < inputs.size(); i++) {
            ContributionRequest.ItemInput input = inputs.get(i);
            if (input == null) {
                batch.refuse(i, "an item is an object with at least type, value and tlp");
            } else {
                batch.read(i, () -> Item.normalised(input.type(), input.value(), input.confidence(), input.tlp(),
                        input.firstSeen(), input.lastSeen(), input.tags(), input.validUntil()));
            }
        }
        return batch.batch();
    }

    public List<Item> items() {
        return sent.stream().map(Sent::item).toList();
    }

    /**
     * The items to contribute, all of them.
     *
     * @throws InvalidRequestException naming every entry at fault (the first hundred), when any is
     */
    List<Item> itemsOrRefusal() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors.size() + " of " + (sent.size() + errors.size())
                    + " items are invalid" + (errors.size() > MAX_REPORTED_ERRORS ? " (the first "
                    + MAX_REPORTED_ERRORS + " are listed)" : "") + "; nothing was stored: correct them and send the "
                    + "batch again", errors.subList(0, Math.min(errors.size(), MAX_REPORTED_ERRORS)));
        }
        return items();
    }

    /** A batch read entry by entry, each entry named by its number in the body's list of them. */
    static final class Reader {

        private final String entries;
        private final int maxItems;
        private final List<Sent> sent = new ArrayList<>();
        private final List<FieldError> errors = new ArrayList<>();

        /** @param entries what the body lists items as: {@code items}, {@code lines} */
        Reader(String entries, int maxItems) {
            this.entries = entries;
            this.maxItems = maxItems;
        }

        /** The item read from entry {@code number}, or the field of it the exchange refuses. */
        void read(int number, Supplier<Item> item) {
            try {
                sent.add(new Sent(at(number), item.get()));
            } catch (InvalidInputException e) {
                errors.add(new FieldError(at(number) + "." + e.field(), e.getMessage()));
            }
        }

        /** Entry {@code number} refused as a whole. */
        void refuse(int number, String message) {
            errors.add(new FieldError(at(number), message));
        }

        /** @throws InvalidRequestException when the body lists no item, or more than a contribution carries */
        ContributionBatch batch() {
            int count = sent.size() + errors.size();
            if (count == 0) {
                throw InvalidRequestException.of(entries, "a contribution carries at least one item");
            }
            if (count > maxItems) {
                throw InvalidRequestException.of(entries, "a contribution carries at most " + maxItems + " items; "
                        + "this one has " + count + ": split it into several contributions, each with its own key");
            }
            return new ContributionBatch(sent, errors);
        }

        private String at(int number) {
            return entries + "[" + number + "]";
        }
    }
}
