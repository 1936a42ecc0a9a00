package org.reciprocity.core.item;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.reciprocity.core.InvalidInputException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Traffic Light Protocol 2.0 markings (FIRST, 2022), from the most to the least shareable: the order is the rule
 * kernel's ({@code Delivery}), and a later marking is the more restrictive.
 */
public enum Tlp {
    CLEAR("CLEAR"),
    GREEN("GREEN"),
    AMBER("AMBER"),
    AMBER_STRICT("AMBER+STRICT"),
    RED("RED");

    private final String label;

    Tlp(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** Reads a marking as people write it: {@code amber+strict}, {@code TLP:AMBER+STRICT}, {@code AMBER_STRICT}. */
    @JsonCreator
    public static Tlp parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("tlp", "a TLP marking is required: one of " + allowed());
        }
        String label = text.trim().toUpperCase(Locale.ROOT).replace('_', '+');
        if (label.startsWith("TLP:")) {
            label = label.substring(4);
        }
        for (Tlp tlp : values()) {
            if (tlp.label.equals(label)) {
                return tlp;
            }
        }
        throw new InvalidInputException("tlp", "'" + text + "' is not a TLP 2.0 marking: use one of " + allowed());
    }

    private static String allowed() {
        return Arrays.stream(values()).map(Tlp::label).collect(Collectors.joining(", "));
    }
}
