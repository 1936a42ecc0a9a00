package org.reciprocity.core.item;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.reciprocity.core.InvalidInputException;

import java.util.Arrays;
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

    /**
     * Reads a marking exactly as TLP 2.0 writes it. A spelling that is nearly right ({@code green}, {@code " RED"}) is
     * refused rather than guessed at: a marking decides who may receive an item, so it must mean one thing.
     */
    @JsonCreator
    public static Tlp parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidInputException("tlp", "a TLP marking is required: one of " + allowed());
        }
        for (Tlp tlp : values()) {
            if (tlp.label.equals(text)) {
                return tlp;
            }
        }
        throw new InvalidInputException("tlp", "'" + text + "' is not a TLP 2.0 marking: use one of " + allowed());
    }

    private static String allowed() {
        return Arrays.stream(values()).map(Tlp::label).collect(Collectors.joining(", "));
    }
}
