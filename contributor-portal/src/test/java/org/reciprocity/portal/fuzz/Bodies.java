package org.reciprocity.portal.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

import static org.reciprocity.portal.fuzz.JsonText.NODES;
import static org.reciprocity.portal.fuzz.JsonText.raw;

/** What makes a body unreadable as a whole, whatever its fields: broken, cut, trailed, or not an object at all. */
final class Bodies {

    /** Keys no request body of the API has: a misspelling, another case of a real key, nothing at all. */
    static final Arbitrary<String> UNKNOWN_KEYS = Arbitraries.of("extra", "__proto__", "Type", "ID", "Items",
            "Limit", "Value", "value ", "accountId");

    private static final int SHOWN = 80;
    private static final int PARSER_LIMIT = 1_000;
    private static final int FIELD_DEPTH = 8;

    private Bodies() {
    }

    /** {@code required}: the endpoint needs a body, so no body and JSON null are defects too. */
    static Arbitrary<Consumer<Draft>> documents(boolean required) {
        // Without a body the request is valid where a body is optional: there a cut leaves at least a byte.
        int shortest = required ? 0 : 1;
        Arbitrary<Consumer<Draft>> cut = Arbitraries.doubles().between(0, true, 1, false).map(share -> draft -> {
            if (!draft.claimBody()) {
                return;
            }
            draft.byteEdits.add(body -> Arrays.copyOf(body, Math.max(shortest, (int) (body.length * share))));
            draft.wrong(Defect.unreadable("the body cut short at " + Math.round(share * 100) + "%"));
        });
        Arbitrary<Consumer<Draft>> trailed = Arbitraries.of(" x", "}", "]", "{}", " {\"a\": 1}", ",", " null", " 1",
                "\u0000", "//", "\"\"").map(tail -> draft -> {
            if (!draft.claimBody()) {
                return;
            }
            draft.byteEdits.add(body -> concat(body, tail.getBytes(StandardCharsets.UTF_8)));
            draft.wrong(Defect.unreadable("'" + Malformed.visible(tail) + "' after the JSON document"));
        });
        Arbitrary<Consumer<Draft>> broken = Combinators.combine(Arbitraries.of(new byte[] {0}, new byte[] {(byte) 0xff},
                        new byte[] {(byte) 0xc3, 0x28}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}),
                Arbitraries.doubles().between(0, true, 1, false)).as((bytes, share) -> draft -> {
            if (!draft.claimBody()) {
                return;
            }
            draft.byteEdits.add(body -> insert(body, (int) (body.length * share), bytes));
            draft.wrong(Defect.unreadable("the bytes " + Arrays.toString(bytes) + " inside the body, which are "
                    + "neither JSON nor UTF-8"));
        });
        Arbitrary<JsonNode> others = required
                ? Arbitraries.of(NODES.arrayNode(), NODES.textNode("items"), NODES.numberNode(5), NODES.booleanNode(true),
                NODES.nullNode(), NODES.arrayNode().add(NODES.objectNode()), raw("[".repeat(5_000) + "]".repeat(5_000)))
                : Arbitraries.of(NODES.arrayNode(), NODES.textNode("items"), NODES.numberNode(5), NODES.booleanNode(true));
        Arbitrary<Consumer<Draft>> notAnObject = others.map(other -> draft -> {
            if (!draft.claimBody()) {
                return;
            }
            draft.json = other;
            draft.duplicates.clear();
            draft.wrong(Defect.unreadable("the body " + shown(other) + " where an object belongs"));
        });
        if (!required) {
            return Arbitraries.oneOf(cut, trailed, broken, notAnObject);
        }
        Arbitrary<Consumer<Draft>> none = Arbitraries.just(draft -> {
            if (!draft.claimBody()) {
                return;
            }
            draft.json = null;
            draft.wrong(Defect.unreadable("no body"));
        });
        return Arbitraries.oneOf(cut, trailed, broken, notAnObject, none);
    }

    /**
     * Whether a value is beyond what the JSON parser reads at all (a thousand nested levels, a number of a thousand
     * digits): the value is refused with the document, not as a field.
     */
    static boolean beyondParserLimits(JsonNode value) {
        if (value instanceof POJONode raw && raw.getPojo() instanceof RawValue text) {
            return text.rawValue().toString().length() >= PARSER_LIMIT;
        }
        for (JsonNode child : value) {
            if (beyondParserLimits(child)) {
                return true;
            }
        }
        // The parser counts levels from the document's root; a field stands a few levels down.
        return depth(value) >= PARSER_LIMIT - FIELD_DEPTH;
    }

    private static int depth(JsonNode value) {
        int deepest = 0;
        for (JsonNode child : value) {
            deepest = Math.max(deepest, depth(child));
        }
        return value.isContainerNode() ? deepest + 1 : 0;
    }

    /** A value as the report shows it: its JSON, cut after a few dozen characters. */
    static String shown(JsonNode value) {
        String text = Malformed.visible(JsonText.write(value));
        return text.length() > SHOWN ? text.substring(0, SHOWN) + "… (" + text.length() + " characters)" : text;
    }

    private static byte[] concat(byte[] body, byte[] tail) {
        byte[] joined = Arrays.copyOf(body, body.length + tail.length);
        System.arraycopy(tail, 0, joined, body.length, tail.length);
        return joined;
    }

    private static byte[] insert(byte[] body, int at, byte[] bytes) {
        byte[] joined = new byte[body.length + bytes.length];
        System.arraycopy(body, 0, joined, 0, at);
        System.arraycopy(bytes, 0, joined, at, bytes.length);
        System.arraycopy(body, at, joined, at + bytes.length, body.length - at);
        return joined;
    }
}
