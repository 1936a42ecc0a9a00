package org.reciprocity.core.item;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.Text;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One piece of telemetry as the exchange keeps it: a type and canonical value (which together are the item's
 * identity) and what its contributor said of it. Every event of the store holds items in this JSON form.
 * <p>
 * A value class rather than a record only to keep its identifier, a SHA-1 of the type and value, once worked out:
 * deciding on an item, recording it and replaying the decision ask for it several times. It is worked out when first
 * asked for, not when the item is built, so that a replay's reading thread only reads, and the thread taking the
 * decisions again, which had less to do, does the hashing.
 */
@JsonPropertyOrder({"type", "value", "confidence", "tlp", "firstSeen", "lastSeen", "tags"})
public final class Item {

    public static final int MAX_TAGS = 32;
    public static final int MAX_TAG_LENGTH = 64;

    private final ItemType type;
    private final String value;
    private final Integer confidence;
    private final Tlp tlp;
    private final Instant firstSeen;
    private final Instant lastSeen;
    private final List<String> tags;
    // Worked out on first use and kept, as String keeps its hash: two threads that both find it missing compute the
    // same value, and a UUID is immutable, so either sees a complete one.
    private UUID id;

    @JsonCreator
    public Item(@JsonProperty("type") ItemType type, @JsonProperty("value") String value,
                @JsonProperty("confidence") Integer confidence, @JsonProperty("tlp") Tlp tlp,
                @JsonProperty("firstSeen") Instant firstSeen, @JsonProperty("lastSeen") Instant lastSeen,
                @JsonProperty("tags") List<String> tags) {
        this.type = Objects.requireNonNull(type, "type");
        this.value = Objects.requireNonNull(value, "value");
        this.tlp = Objects.requireNonNull(tlp, "tlp");
        this.tags = tags == null ? List.of() : List.copyOf(tags);
        if (confidence != null && (confidence < 0 || confidence > 100)) {
            throw new InvalidInputException("confidence", "confidence is 0 to 100; got " + confidence);
        }
        if (firstSeen != null && lastSeen != null && lastSeen.isBefore(firstSeen)) {
            throw new InvalidInputException("lastSeen", "lastSeen (" + lastSeen + ") is before firstSeen (" + firstSeen
                    + ")");
        }
        this.confidence = confidence;
        this.firstSeen = firstSeen;
        this.lastSeen = lastSeen;
    }

    /**
     * An item from what a contributor wrote: the value is brought to its canonical text and the tags to their
     * canonical set.
     *
     * @throws InvalidInputException naming the attribute at fault
     */
    public static Item normalised(String type, String value, Integer confidence, String tlp, Instant firstSeen,
                                  Instant lastSeen, List<String> tags) {
        ItemType itemType = ItemType.parse(type);
        return new Item(itemType, itemType.normalise(value), confidence, Tlp.parse(tlp),
                Text.requireStorable("firstSeen", firstSeen), Text.requireStorable("lastSeen", lastSeen),
                canonicalTags(tags));
    }

    /** The item's identifier: the same for the same type and canonical value, whatever else was said of it. */
    public UUID id() {
        UUID known = id;
        if (known == null) {
            known = ItemIdentity.of(type, value);
            id = known;
        }
        return known;
    }

    @JsonProperty
    public ItemType type() {
        return type;
    }

    @JsonProperty
    public String value() {
        return value;
    }

    /** 0 to 100, or null when the contributor did not say. */
    @JsonProperty
    public Integer confidence() {
        return confidence;
    }

    @JsonProperty
    public Tlp tlp() {
        return tlp;
    }

    /** Null when the contributor did not say. */
    @JsonProperty
    public Instant firstSeen() {
        return firstSeen;
    }

    /** Null when the contributor did not say. */
    @JsonProperty
    public Instant lastSeen() {
        return lastSeen;
    }

    /** Lower case, sorted, without repeats. */
    @JsonProperty
    public List<String> tags() {
        return tags;
    }

    // Equal when everything said of them is: two contributors' words on one item are two items with one identifier.
    @Override
    public boolean equals(Object other) {
        return other instanceof Item item && type == item.type && value.equals(item.value)
                && Objects.equals(confidence, item.confidence) && tlp == item.tlp
                && Objects.equals(firstSeen, item.firstSeen) && Objects.equals(lastSeen, item.lastSeen)
                && tags.equals(item.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, value, confidence, tlp, firstSeen, lastSeen, tags);
    }

    @Override
    public String toString() {
        return "Item[type=" + type + ", value=" + value + ", confidence=" + confidence + ", tlp=" + tlp
                + ", firstSeen=" + firstSeen + ", lastSeen=" + lastSeen + ", tags=" + tags + "]";
    }

    private static List<String> canonicalTags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        TreeSet<String> canonical = new TreeSet<>();
        for (String tag : tags) {
            String text = tag == null ? "" : Text.requirePrintable("tags", tag.strip().toLowerCase(Locale.ROOT));
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
