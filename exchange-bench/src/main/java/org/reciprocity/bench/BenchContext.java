package org.reciprocity.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.reciprocity.core.context.ContextObject;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.Tlp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The context a threat report sends around its indicators, as the benchmark contributes it: each item read from an
 * indicator of its own, each indicator said to indicate one of a batch's four malware families, the malware using an
 * attack pattern, and a report listing every indicator and malware of the batch. Eight kinds of object, and about
 * three objects per item: what a consumer drawing those items receives with them.
 */
final class BenchContext {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Instant SENT = Instant.parse("2026-11-01T00:00:00Z");
    private static final int FAMILIES = 4;

    private BenchContext() {
    }

    /** The context of items {@code first} onwards. */
    static List<ContextObject> around(List<Item> items, long first) {
        List<ContextObject> context = new ArrayList<>(items.size() * 2 + FAMILIES * 2 + 2);
        List<String> listed = new ArrayList<>();
        String pattern = id("attack-pattern", first, 0);
        context.add(object(sdo("attack-pattern", pattern).put("name", "Application layer protocol"), List.of(),
                List.of()));
        for (int f = 0; f < FAMILIES; f++) {
            String malware = id("malware", first, f);
            listed.add(malware);
            context.add(object(sdo("malware", malware).put("name", "Family " + first + "-" + f)
                    .put("is_family", true), List.of(), List.of()));
            String uses = id("relationship", first, 1_000_000 + f);
            context.add(object(relationship(uses, malware, "uses", pattern), List.of(malware, pattern), List.of()));
        }
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String indicator = id("indicator", first + i, 0);
            listed.add(indicator);
            context.add(object(sdo("indicator", indicator).put("name", item.type().label() + " " + item.value())
                    .put("pattern_type", "stix").put("pattern", "[" + item.type().label() + " = '" + item.value()
                            + "']").put("valid_from", SENT.toString()), List.of(), List.of(item.id())));
            String malware = id("malware", first, i % FAMILIES);
            String indicates = id("relationship", first + i, 0);
            context.add(object(relationship(indicates, indicator, "indicates", malware), List.of(indicator, malware),
                    List.of()));
        }
        ObjectNode report = sdo("report", id("report", first, 0)).put("name", "Bench report " + first)
                .put("published", SENT.toString());
        listed.forEach(report.putArray("object_refs")::add);
        context.add(object(report, listed, List.of()));
        return context;
    }

    private static ContextObject object(ObjectNode content, List<String> refs, List<UUID> items) {
        return new ContextObject(content.path("id").asText(), content.path("type").asText(), SENT, Tlp.GREEN, refs,
                List.of(), items, content.toString());
    }

    private static ObjectNode sdo(String type, String id) {
        return JSON.objectNode().put("type", type).put("spec_version", "2.1").put("id", id)
                .put("created", SENT.toString()).put("modified", SENT.toString());
    }

    private static ObjectNode relationship(String id, String source, String type, String target) {
        return sdo("relationship", id).put("relationship_type", type).put("source_ref", source)
                .put("target_ref", target);
    }

    private static String id(String type, long n, int part) {
        return type + "--" + UUID.nameUUIDFromBytes(("bench-" + type + "-" + n + "-" + part)
                .getBytes(StandardCharsets.UTF_8));
    }
}
