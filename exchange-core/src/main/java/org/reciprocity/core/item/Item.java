package org.reciprocity.core.item;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.Text;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One piece of telemetry as the exchange keeps it: a type and canonical value (which together are the item's
 * identity) and what its contributor said of it.
 *
 * @param confidence 0 to 100, or null when the contributor did not say
 * @param firstSeen  null when the contributor did not say
 * @param lastSeen   null when the contributor did not say
 * @param tags       lower case, sorted, without repeats
 * @param validUntil when the contributor says the item stops being worth acting on (STIX's {@code valid_until});
 *                   null when it did not say, as in every item recorded before items could expire
 */
public record Item(ItemType type, String value, Integer confidence, Tlp tlp, Instant firstSeen, Instant lastSeen,
                   List<String> tags,
                   // Left out when unset, so that an item is written as it was before items could expire.
                   @JsonInclude(JsonInclude.Include.NON_NULL) Instant validUntil) {

    public static final int MAX_TAGS = 32;
    public static final int MAX_TAG_LENGTH = 64;

    public Item {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(tlp, "tlp");
        tags = tags == null ? List.of() : List.copyOf(tags);
        // To the microsecond, as the registries keep it: an expiry is the same instant live and in the replay.
        validUntil = validUntil == null ? null : validUntil.truncatedTo(ChronoUnit.MICROS);
        if (confidence != null && (confidence < 0 || confidence > 100)) {
            throw new InvalidInputException("confidence", "confidence is 0 to 100; got " + confidence);
        }
        if (firstSeen != null && lastSeen != null && lastSeen.isBefore(firstSeen)) {
            throw new InvalidInputException("lastSeen", "lastSeen (" + lastSeen + ") is before firstSeen (" + firstSeen
                    + ")");
        }
        if (firstSeen != null && validUntil != null && !validUntil.isAfter(firstSeen)) {
            throw new InvalidInputException("validUntil", "validUntil (" + validUntil + ") must be after firstSeen ("
                    + firstSeen + ")");
        }
    }

    /** An item its contributor gave no end of validity. */
    public Item(ItemType type, String value, Integer confidence, Tlp tlp, Instant firstSeen, Instant lastSeen,
                List<String> tags) {
        this(type, value, confidence, tlp, firstSeen, lastSeen, tags, null);
    }

    /**
     * An item from what a contributor wrote: the value is brought to its canonical text and the tags to their
     * canonical set.
     *
     * @throws InvalidInputException naming the attribute at fault
     */
    public static Item normalised(String type, String value, Integer confidence, String tlp, Instant firstSeen,
                                  Instant lastSeen, List<String> tags, Instant validUntil) {
        ItemType itemType = ItemType.parse(type);
        return new Item(itemType, itemType.normalise(value), confidence, Tlp.parse(tlp),
                Text.requireStorable("firstSeen", firstSeen), Text.requireStorable("lastSeen", lastSeen),
                canonicalTags(tags), Text.requireStorable("validUntil", validUntil));
    }

    /** An item from what a contributor wrote, with no end of validity. */
    public static Item normalised(String type, String value, Integer confidence, String tlp, Instant firstSeen,
                                  Instant lastSeen, List<String> tags) {
        return normalised(type, value, confidence, tlp, firstSeen, lastSeen, tags, null);
    }

    public UUID id() {
        return ItemIdentity.of(type, value);
    }

    private static List<String> canonicalTags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        TreeSet<String> canonical = new TreeSet<>();
        for (String tag : tags) {
            // Checked before the spaces go: strip() would take a tab or a control character away unseen.
            String text = tag == null ? "" : Text.requirePrintable("tags", tag).strip().toLowerCase(Locale.ROOT);
            if (text.isEmpty() || text.length() > MAX_TAG_LENGTH) {
                throw new InvalidInputException("tags", "a tag is 1 to " + MAX_TAG_LENGTH + " characters; got '" + tag
                        + "'");
            }
            canonical.add(text);
        }
        if (canonical.size() > MAX_TAGS) {
            throw new InvalidInputException("tags", "at most " + MAX_TAGS + " tags per item; got " + canonical.size());
        }
        return List.copyOf(canonical);
    }
}
