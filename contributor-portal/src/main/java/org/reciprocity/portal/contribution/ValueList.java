package org.reciprocity.portal.contribution;

import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.portal.problem.InvalidRequestException;

import java.util.List;

/**
 * A contribution written as a plain list: a value a line, each of the type its text is of
 * ({@link ItemType#recognised}), all under the one TLP marking the request names. Blank lines and lines starting with
 * {@code #} are passed over; lines are numbered as in the file, so that an error points where the sender's editor
 * does.
 */
final class ValueList {

    private ValueList() {
    }

    /**
     * @param tlp the marking of every value, as the request's query names it
     * @throws InvalidRequestException naming {@code tlp} when the marking is missing or not one
     */
    static ContributionBatch read(String text, String tlp, int maxItems) {
        Tlp marking = marking(tlp);
        ContributionBatch.Reader batch = new ContributionBatch.Reader("lines", maxItems);
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String value = lines.get(i).strip();
            if (!value.isEmpty() && !value.startsWith("#")) {
                batch.read(i + 1, () -> Item.normalised(ItemType.recognised(value).label(), value, null,
                        marking.label(), null, null, null));
            }
        }
        return batch.batch();
    }

    private static Tlp marking(String tlp) {
        if (tlp == null) {
            throw InvalidRequestException.of("tlp", "a list of values is marked as a whole: name its TLP marking in "
                    + "the query, as in ?tlp=GREEN");
        }
        try {
            return Tlp.parse(tlp);
        } catch (InvalidInputException e) {
            // A '+' in a query reads as a space, so AMBER+STRICT arrives as "AMBER STRICT" unless it is encoded.
            throw InvalidRequestException.of("tlp", e.getMessage() + (tlp.contains(" ") ? " (in a query, write "
                    + "AMBER+STRICT as AMBER%2BSTRICT)" : ""));
        }
    }
}
