package org.reciprocity.portal.stix;

import com.fasterxml.jackson.databind.JsonNode;
import org.reciprocity.core.item.Tlp;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * TLP as STIX writes it: the standard marking-definition objects of TLP 2.0 (the ones the exchange writes) and of
 * TLP 1.0 (which it reads: WHITE is CLEAR), and marking definitions a bundle carries itself.
 */
public final class StixMarkings {

    /** The TLP 2.0 extension definition, under which a bundle's own marking definition may state its level. */
    static final String TLP_2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    private static final Map<Tlp, String> TLP_2 = Map.of(
            Tlp.CLEAR, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
            Tlp.GREEN, "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
            Tlp.AMBER, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
            Tlp.AMBER_STRICT, "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
            Tlp.RED, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");
    private static final Map<String, Tlp> STANDARD = new HashMap<>();

    static {
        TLP_2.forEach((tlp, id) -> STANDARD.put(id, tlp));
        STANDARD.put("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", Tlp.CLEAR);
        STANDARD.put("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", Tlp.GREEN);
        STANDARD.put("marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", Tlp.AMBER);
        STANDARD.put("marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", Tlp.RED);
    }

    private final Map<String, Optional<Tlp>> defined = new HashMap<>();

    /** Whether the id is one of the standard TLP marking definitions, TLP 2.0's or TLP 1.0's. */
    static boolean isStandard(String id) {
        return STANDARD.containsKey(id);
    }

    /** The TLP 2.0 marking definition the exchange refers to for a level. */
    public static String idOf(Tlp tlp) {
        return TLP_2.get(tlp);
    }

    /**
     * Learns a marking definition a bundle carries: a TLP level (TLP 1.0's {@code definition.tlp}, or the TLP 2.0
     * extension's {@code tlp_2_0}), or another kind of marking (a statement) that says nothing of TLP.
     */
    void define(JsonNode markingDefinition) {
        String id = markingDefinition.path("id").asText();
        String level = markingDefinition.path("definition_type").asText().equals("tlp")
                ? markingDefinition.path("definition").path("tlp").asText(null)
                : markingDefinition.path("extensions").path(TLP_2_EXTENSION).path("tlp_2_0").asText(null);
        defined.put(id, level == null ? Optional.empty() : Optional.of(level.equalsIgnoreCase("white") ? Tlp.CLEAR
                : Tlp.parse(level.toUpperCase(Locale.ROOT))));
    }

    /**
     * The TLP level a marking reference gives, if any.
     *
     * @throws IllegalArgumentException when the reference is neither a standard TLP marking nor one the bundle
     *                                  defines
     */
    Optional<Tlp> levelOf(String reference) {
        if (STANDARD.containsKey(reference)) {
            return Optional.of(STANDARD.get(reference));
        }
        Optional<Tlp> level = defined.get(reference);
        if (level == null) {
            throw new IllegalArgumentException("unknown marking " + reference + ": use a standard TLP marking "
                    + "definition, or include the marking definition in the bundle");
        }
        return level;
    }
}
