package org.reciprocity.portal.misp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.portal.problem.InvalidRequestException;
import org.reciprocity.portal.stix.StixIndicators;
import org.reciprocity.portal.stix.StixMarkings;
import org.reciprocity.portal.stix.StixPattern;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A MISP event, as MISP exports it ({@code {"Event": {...}}}), read into the STIX 2.1 bundle the exchange takes any
 * contribution as, so that the same rules read it: the event is a {@code report} of everything in it; an attribute
 * whose type names values the pool indexes is an {@code indicator} with the equality that matches each (an item),
 * labelled when MISP does not flag it for IDS, any other attribute a {@code note} on the event; a MISP object a {@code grouping} of its
 * attributes; an object reference a {@code relationship}; a galaxy cluster the STIX object of its kind (a threat
 * actor, a malware, a tool, an attack pattern, an intrusion set). Ids follow from MISP's uuids, so an event sent
 * again is the same objects again. {@code tlp:} tags are markings (on the event, for all of it; on an attribute, for
 * it), other tags labels.
 */
public final class MispEventReader {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Map<String, Tlp> TLP_TAGS = Map.of("tlp:white", Tlp.CLEAR, "tlp:clear", Tlp.CLEAR,
            "tlp:green", Tlp.GREEN, "tlp:amber", Tlp.AMBER, "tlp:amber+strict", Tlp.AMBER_STRICT, "tlp:red", Tlp.RED);
    // MISP's galaxy types, by what names them, as STIX objects: the first that a galaxy's type contains.
    private static final List<Map.Entry<String, String>> GALAXIES = List.of(Map.entry("threat-actor",
            "threat-actor"), Map.entry("intrusion-set", "intrusion-set"), Map.entry("attack-pattern",
            "attack-pattern"), Map.entry("tool", "tool"), Map.entry("malware", "malware"),
            Map.entry("malpedia", "malware"), Map.entry("ransomware", "malware"), Map.entry("botnet", "malware"));

    private final List<ObjectNode> objects = new ArrayList<>();
    private final Map<String, String> stixIds = new HashMap<>();
    private String eventUuid;
    private String eventTimestamp;
    private Tlp eventTlp;

    private MispEventReader() {
    }

    /** The event as a STIX bundle, named after the event and its version, so that one version is one bundle. */
    public static ObjectNode read(JsonNode body) {
        return new MispEventReader().bundle(body);
    }

    private ObjectNode bundle(JsonNode body) {
        JsonNode event = body == null ? null : body.path("Event");
        if (event == null || !event.isObject()) {
            throw InvalidRequestException.of("Event", "a MISP contribution is one event as MISP exports it: "
                    + "{\"Event\": {\"uuid\": ..., \"info\": ..., \"Attribute\": [...], \"Object\": [...]}}");
        }
        String uuid = uuid(event, "Event.uuid");
        eventUuid = uuid;
        String info = text(event, "info", "Event.info");
        eventTimestamp = timestamp(event, "Event.timestamp");
        eventTlp = tlpOf(event.path("Tag"));
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < event.path("Attribute").size(); i++) {
            contents.add(attribute(event.path("Attribute").get(i), "Event.Attribute[" + i + "]"));
        }
        for (int i = 0; i < event.path("Object").size(); i++) {
            contents.add(object(event.path("Object").get(i), "Event.Object[" + i + "]"));
        }
        // References name their targets by uuid, which may come later in the event: read once all are known.
        for (int i = 0; i < event.path("Object").size(); i++) {
            references(event.path("Object").get(i), "Event.Object[" + i + "]", contents);
        }
        galaxies(event.path("Galaxy"), contents);
        if (contents.isEmpty()) {
            throw InvalidRequestException.of("Event.Attribute", "the event holds no attribute and no object");
        }
        ObjectNode report = sdo("report", uuid, eventTimestamp).put("name", info)
                .put("published", event.has("date") ? published(event) : eventTimestamp);
        report.putArray("report_types").add("threat-report");
        contents.forEach(report.putArray("object_refs")::add);
        labelled(report, event.path("Tag"), eventTlp);
        objects.add(0, report);
        ObjectNode bundle = JSON.objectNode().put("type", "bundle").put("id", "bundle--" + UUID.nameUUIDFromBytes(
                ("misp-event:" + uuid + ":" + eventTimestamp).getBytes(StandardCharsets.UTF_8)));
        ArrayNode all = bundle.putArray("objects");
        objects.forEach(all::add);
        return bundle;
    }

    /** @return the STIX id of what the attribute became */
    private String attribute(JsonNode attribute, String at) {
        String uuid = uuid(attribute, at + ".uuid");
        String type = text(attribute, "type", at + ".type");
        String value = text(attribute, "value", at + ".value");
        String timestamp = attribute.has("timestamp") ? timestamp(attribute, at + ".timestamp") : eventTimestamp;
        Tlp tlp = tlpOf(attribute.path("Tag"));
        List<MispAttributes.Part> parts = MispAttributes.items(type, value);
        ObjectNode made;
        // Whatever MISP says of detection, a value the pool indexes is an item: as context it would go out for
        // nothing. Those not for IDS are labelled so.
        if (!parts.isEmpty()) {
            List<String> comparisons = new ArrayList<>();
            for (MispAttributes.Part part : parts) {
                comparisons.add(StixPattern.of(ItemType.parse(part.itemType()), part.value()));
            }
            made = sdo("indicator", uuid, timestamp).put("name", type + " " + value)
                    .put("pattern_type", "stix").put("pattern", String.join(" OR ", comparisons))
                    .put("valid_from", firstSeen(attribute, timestamp));
            if (attribute.path("last_seen").isTextual()) {
                made.put("valid_until", iso(attribute.path("last_seen").asText(), at + ".last_seen"));
            }
            if (!attribute.path("to_ids").asBoolean(false)) {
                made.putArray("labels").add("misp:not-for-ids");
            }
        } else {
            made = sdo("note", uuid, timestamp).put("abstract", type).put("content", type + ": " + value);
            // A note is about something: the event it is part of.
            made.putArray("object_refs").add("report--" + eventUuid);
        }
        String comment = attribute.path("comment").asText("");
        if (!comment.isBlank()) {
            if (made.path("type").asText().equals("note")) {
                made.put("content", made.path("content").asText() + " (" + comment + ")");
            } else {
                made.put("description", comment);
            }
        }
        labelled(made, attribute.path("Tag"), tlp != null ? tlp : eventTlp);
        return keep(uuid, made);
    }

    private String object(JsonNode object, String at) {
        String uuid = uuid(object, at + ".uuid");
        String name = text(object, "name", at + ".name");
        String timestamp = object.has("timestamp") ? timestamp(object, at + ".timestamp") : eventTimestamp;
        List<String> members = new ArrayList<>();
        for (int i = 0; i < object.path("Attribute").size(); i++) {
            members.add(attribute(object.path("Attribute").get(i), at + ".Attribute[" + i + "]"));
        }
        if (members.isEmpty()) {
            throw InvalidRequestException.of(at + ".Attribute", "a MISP object holds at least one attribute; "
                    + uuid + " holds none");
        }
        ObjectNode grouping = sdo("grouping", uuid, timestamp).put("name", name)
                .put("context", "suspicious-activity");
        if (object.path("comment").isTextual() && !object.path("comment").asText().isBlank()) {
            grouping.put("description", object.path("comment").asText());
        }
        members.forEach(grouping.putArray("object_refs")::add);
        labelled(grouping, JSON.arrayNode(), eventTlp);
        return keep(uuid, grouping);
    }

    private void references(JsonNode object, String at, List<String> contents) {
        String source = stixIds.get(object.path("uuid").asText());
        JsonNode references = object.path("ObjectReference");
        for (int i = 0; i < references.size(); i++) {
            JsonNode reference = references.get(i);
            String where = at + ".ObjectReference[" + i + "]";
            String target = stixIds.get(text(reference, "referenced_uuid", where + ".referenced_uuid"));
            if (target == null) {
                throw InvalidRequestException.of(where + ".referenced_uuid", "a reference names an attribute or "
                        + "object of the same event; " + reference.path("referenced_uuid").asText() + " is none");
            }
            String type = text(reference, "relationship_type", where + ".relationship_type")
                    .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
            String uuid = reference.path("uuid").isTextual() ? uuid(reference, where + ".uuid")
                    : UUID.nameUUIDFromBytes((source + type + target).getBytes(StandardCharsets.UTF_8)).toString();
            ObjectNode relationship = sdo("relationship", uuid, eventTimestamp).put("relationship_type", type)
                    .put("source_ref", source).put("target_ref", target);
            labelled(relationship, JSON.arrayNode(), eventTlp);
            contents.add(keep(uuid, relationship));
        }
    }

    private void galaxies(JsonNode galaxies, List<String> contents) {
        for (int g = 0; g < galaxies.size(); g++) {
            JsonNode galaxy = galaxies.get(g);
            String kind = GALAXIES.stream().filter(entry -> galaxy.path("type").asText().contains(entry.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (kind == null) {
                continue;
            }
            JsonNode clusters = galaxy.path("GalaxyCluster");
            for (int c = 0; c < clusters.size(); c++) {
                JsonNode cluster = clusters.get(c);
                String at = "Event.Galaxy[" + g + "].GalaxyCluster[" + c + "]";
                String uuid = uuid(cluster, at + ".uuid");
                ObjectNode made = sdo(kind, uuid, eventTimestamp).put("name", text(cluster, "value", at + ".value"));
                if (cluster.path("description").isTextual()) {
                    made.put("description", cluster.path("description").asText());
                }
                if (kind.equals("malware")) {
                    made.put("is_family", true);
                }
                labelled(made, JSON.arrayNode(), eventTlp);
                contents.add(keep(uuid, made));
            }
        }
    }

    private String keep(String uuid, ObjectNode object) {
        objects.add(object);
        String id = object.path("id").asText();
        stixIds.put(uuid, id);
        return id;
    }

    private static ObjectNode sdo(String type, String uuid, String timestamp) {
        return JSON.objectNode().put("type", type).put("spec_version", "2.1").put("id", type + "--" + uuid)
                .put("created", timestamp).put("modified", timestamp);
    }

    /** Tags as labels, but TLP's, which mark the object. */
    private static void labelled(ObjectNode object, JsonNode tags, Tlp tlp) {
        ArrayNode labels = JSON.arrayNode();
        tags.forEach(tag -> {
            String name = tag.path("name").asText("");
            if (!name.isBlank() && !TLP_TAGS.containsKey(name.toLowerCase(Locale.ROOT))) {
                labels.add(name);
            }
        });
        JsonNode given = object.remove("labels");
        if (given != null) {
            given.forEach(labels::add);
        }
        if (!labels.isEmpty()) {
            object.set("labels", labels);
        }
        if (tlp != null) {
            object.putArray("object_marking_refs").add(StixMarkings.idOf(tlp));
        }
    }

    /** The most restrictive TLP tag; null when there is none. */
    private static Tlp tlpOf(JsonNode tags) {
        Tlp most = null;
        for (JsonNode tag : tags) {
            Tlp tlp = TLP_TAGS.get(tag.path("name").asText("").toLowerCase(Locale.ROOT));
            if (tlp != null && (most == null || tlp.compareTo(most) > 0)) {
                most = tlp;
            }
        }
        return most;
    }

    private static String published(JsonNode event) {
        try {
            return StixIndicators.timestamp(LocalDate.parse(event.path("date").asText()).atStartOfDay()
                    .toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.of("Event.date", "a MISP event's date is YYYY-MM-DD; got "
                    + event.path("date"));
        }
    }

    private static String firstSeen(JsonNode attribute, String timestamp) {
        return attribute.path("first_seen").isTextual() ? iso(attribute.path("first_seen").asText(),
                "first_seen") : timestamp;
    }

    /** MISP's seconds since the epoch, as a STIX timestamp. */
    private static String timestamp(JsonNode node, String at) {
        JsonNode value = node.path(at.substring(at.lastIndexOf('.') + 1));
        try {
            long seconds = value.isNumber() ? value.asLong() : Long.parseLong(value.asText());
            return StixIndicators.timestamp(Instant.ofEpochSecond(seconds));
        } catch (NumberFormatException | DateTimeException e) {
            throw InvalidRequestException.of(at, "MISP's timestamps are seconds since 1970, as \"1764547200\"; got "
                    + value);
        }
    }

    private static String iso(String text, String at) {
        try {
            return StixIndicators.timestamp(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.of(at, at + " is an ISO 8601 time such as 2026-11-01T00:00:00.000000+00:00; "
                    + "got '" + text + "'");
        }
    }

    private static String uuid(JsonNode node, String at) {
        String uuid = node.path("uuid").asText("");
        if (!UUID_TEXT.matcher(uuid).matches()) {
            throw InvalidRequestException.of(at, "MISP names every event, attribute and object by a uuid; got '"
                    + uuid + "'");
        }
        return uuid.toLowerCase(Locale.ROOT);
    }

    private static String text(JsonNode node, String property, String at) {
        JsonNode value = node.path(property);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw InvalidRequestException.of(at, at + " is required, as a string");
        }
        return value.asText();
    }
}
