package org.reciprocity.portal.stix;

import com.fasterxml.jackson.databind.JsonNode;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.portal.problem.FieldError;
import org.reciprocity.portal.problem.InvalidRequestException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a STIX 2.1 bundle into the items of one contribution, or refuses it whole, naming every object at fault.
 * <ul>
 *     <li>{@code indicator} objects with a STIX pattern the exchange meters (see {@link StixPattern}): an item per
 *     comparison, with the indicator's confidence, {@code valid_from} and {@code valid_until} as first and last seen,
 *     its labels and indicator types as tags;</li>
 *     <li>the cyber-observables {@code ipv4-addr}, {@code ipv6-addr}, {@code domain-name}, {@code url},
 *     {@code email-addr} (their value) and {@code file} (its MD5, SHA-1 and SHA-256 hashes);</li>
 *     <li>{@code marking-definition} and {@code identity} objects are read for what they say of the others (their
 *     TLP level, who made them) and not metered.</li>
 * </ul>
 * Anything else (relationships, malware, campaigns, reports, indicators whose pattern says more than equality) is
 * refused, not dropped: the exchange meters indicators item by item, and would rather say so than keep what it does
 * not count. Each item's TLP is the most restrictive TLP marking among its object's {@code object_marking_refs};
 * an object with none is shared as AMBER: the pool's members, and no further.
 */
public final class StixBundleReader {

    static final Tlp UNMARKED = Tlp.AMBER;
    private static final int MAX_REPORTED_ERRORS = 100;
    // STIX 2.1, 3.1: a type is 3 to 250 characters of a-z, 0-9 and '-', beginning with a letter.
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{2,249}");
    private static final Pattern ID = Pattern.compile("([a-z0-9-]+)--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Map<String, String> OBSERVABLES = Map.of("ipv4-addr", "ipv4", "ipv6-addr", "ipv6",
            "domain-name", "domain", "url", "url", "email-addr", "email");
    private static final Map<String, String> FILE_HASHES = Map.of("MD5", "md5", "SHA-1", "sha1", "SHA1", "sha1",
            "SHA-256", "sha256", "SHA256", "sha256");
    private static final Set<String> READ_NOT_METERED = Set.of("marking-definition", "identity");
    // Domain and marking objects carry spec_version always; cyber-observables may leave it out.
    private static final Set<String> SPEC_VERSION_REQUIRED = Set.of("indicator", "marking-definition", "identity");

    private final List<FieldError> errors = new ArrayList<>();
    private final StixMarkings markings = new StixMarkings();
    private int invalid;

    private StixBundleReader() {
    }

    /** A bundle read: its id, and the items it contributes. */
    public record Contribution(String bundleId, List<Item> items) {
    }

    public static Contribution read(JsonNode bundle, int maxItems) {
        return new StixBundleReader().contribution(bundle, maxItems);
    }

    private Contribution contribution(JsonNode bundle, int maxItems) {
        if (bundle == null || !bundle.isObject() || !"bundle".equals(bundle.path("type").asText())) {
            throw InvalidRequestException.of("type", "a STIX contribution is one bundle: {\"type\": \"bundle\", "
                    + "\"id\": \"bundle--<uuid>\", \"objects\": [...]}");
        }
        String bundleId = bundle.path("id").asText();
        if (!ID.matcher(bundleId).matches() || !bundleId.startsWith("bundle--")) {
            throw InvalidRequestException.of("id", "a bundle has an id 'bundle--<uuid>'; got '" + bundleId + "'");
        }
        JsonNode objects = bundle.path("objects");
        if (!objects.isArray() || objects.isEmpty()) {
            throw InvalidRequestException.of("objects", "a bundle carries at least one object");
        }
        if (objects.size() > maxItems) {
            throw InvalidRequestException.of("objects", "a bundle carries at most " + maxItems + " objects; this one "
                    + "has " + objects.size() + ": split it into several bundles");
        }
        // Marking definitions first: any object may refer to one defined later in the bundle.
        for (int i = 0; i < objects.size(); i++) {
            if ("marking-definition".equals(objects.get(i).path("type").asText())) {
                try {
                    markings.define(objects.get(i));
                } catch (InvalidInputException e) {
                    refuse("objects[" + i + "].definition", e.getMessage());
                }
            }
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            String field = "objects[" + i + "]";
            try {
                items.addAll(itemsOf(objects.get(i), field));
            } catch (InvalidInputException e) {
                refuse(field + "." + e.field(), e.getMessage());
            } catch (IllegalArgumentException e) {
                refuse(field, e.getMessage());
            }
        }
        if (invalid > 0) {
            throw new InvalidRequestException(invalid + " of " + objects.size() + " objects cannot be contributed"
                    + (invalid > errors.size() ? " (the first " + errors.size() + " are listed)" : "")
                    + "; nothing was stored", errors);
        }
        if (items.size() > maxItems) {
            throw InvalidRequestException.of("objects", "the bundle's objects make " + items.size() + " items; a "
                    + "contribution carries at most " + maxItems);
        }
        return new Contribution(bundleId, items);
    }

    private List<Item> itemsOf(JsonNode object, String field) {
        String type = object.path("type").isTextual() ? object.path("type").asText() : "";
        String id = object.path("id").asText();
        if (!TYPE.matcher(type).matches()) {
            throw new InvalidInputException("type", "every object has a type of 3 to 250 lower-case letters, digits "
                    + "and hyphens, such as 'indicator'; got '" + object.path("type") + "'");
        }
        if (!ID.matcher(id).matches() || !id.startsWith(type + "--")) {
            throw new InvalidInputException("id", "a " + type + " has an id '" + type + "--<uuid>'; got '" + id + "'");
        }
        JsonNode specVersion = object.get("spec_version");
        if ((specVersion == null && SPEC_VERSION_REQUIRED.contains(type))
                || (specVersion != null && !"2.1".equals(specVersion.asText()))) {
            throw new InvalidInputException("spec_version", "the exchange reads STIX 2.1: spec_version is \"2.1\"; "
                    + "got " + specVersion);
        }
        if (READ_NOT_METERED.contains(type)) {
            return List.of();
        }
        if (object.path("revoked").asBoolean(false)) {
            throw new IllegalArgumentException(id + ": revoked by its producer; a revoked object is not contributed");
        }
        Tlp tlp = tlpOf(object);
        if (type.equals("indicator")) {
            return indicator(object, tlp);
        }
        if (OBSERVABLES.containsKey(type)) {
            return List.of(Item.normalised(OBSERVABLES.get(type), text(object, "value"), null, tlp.label(), null,
                    null, List.of()));
        }
        if (type.equals("file")) {
            List<Item> hashes = new ArrayList<>();
            object.path("hashes").fields().forEachRemaining(hash -> {
                String itemType = FILE_HASHES.get(hash.getKey().toUpperCase(Locale.ROOT));
                if (itemType != null) {
                    hashes.add(Item.normalised(itemType, hash.getValue().asText(), null, tlp.label(), null, null,
                            List.of()));
                }
            });
            if (hashes.isEmpty()) {
                throw new IllegalArgumentException(id + ": the exchange meters a file by its MD5, SHA-1 or SHA-256 "
                        + "hash; this one has none");
            }
            return hashes;
        }
        throw new IllegalArgumentException(id + ": the exchange meters indicators and the observables ipv4-addr, "
                + "ipv6-addr, domain-name, url, email-addr and file, not " + type + " objects; send the bundle "
                + "without them");
    }

    private List<Item> indicator(JsonNode indicator, Tlp tlp) {
        String patternType = indicator.path("pattern_type").asText();
        if (!patternType.equals("stix")) {
            throw new IllegalArgumentException(indicator.path("id").asText() + ": the exchange reads STIX patterns; "
                    + "pattern_type is '" + patternType + "'");
        }
        List<StixPattern.Comparison> comparisons;
        try {
            comparisons = StixPattern.read(text(indicator, "pattern"));
        } catch (StixPattern.UnsupportedPatternException e) {
            throw new IllegalArgumentException(indicator.path("id").asText() + ": " + e.getMessage());
        }
        Integer confidence = confidence(indicator);
        Instant validFrom = instant(indicator, "valid_from");
        Instant validUntil = instant(indicator, "valid_until");
        List<String> tags = new ArrayList<>(strings(indicator, "labels"));
        tags.addAll(strings(indicator, "indicator_types"));
        List<Item> items = new ArrayList<>();
        for (StixPattern.Comparison comparison : comparisons) {
            try {
                items.add(Item.normalised(comparison.type().label(), comparison.value(), confidence, tlp.label(),
                        validFrom, validUntil, tags));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(indicatorProperty(e.field()), e.getMessage());
            }
        }
        return items;
    }

    /**
     * The most restrictive TLP among the object's markings, those on the whole object and those on any of its
     * properties: an item is one value, so a restriction on part of the object restricts the item.
     */
    private Tlp tlpOf(JsonNode object) {
        JsonNode objectMarkings = object.get("object_marking_refs");
        if (objectMarkings != null && !objectMarkings.isArray()) {
            throw new InvalidInputException("object_marking_refs", "object_marking_refs is a list of marking ids");
        }
        List<String> references = new ArrayList<>();
        object.path("object_marking_refs").forEach(reference -> references.add(reference.asText()));
        object.path("granular_markings").forEach(marking -> {
            if (marking.has("marking_ref")) {
                references.add(marking.path("marking_ref").asText());
            }
        });
        List<Tlp> levels = new ArrayList<>();
        for (String reference : references) {
            markings.levelOf(reference).ifPresent(levels::add);
        }
        return levels.stream().max(Comparator.naturalOrder()).orElse(UNMARKED);
    }

    private static Integer confidence(JsonNode indicator) {
        JsonNode confidence = indicator.get("confidence");
        if (confidence == null) {
            return null;
        }
        // asInt() of a number beyond an int wraps around: 2^63 would read as 0.
        if (!confidence.isNumber() || !confidence.canConvertToExactIntegral() || !confidence.canConvertToInt()) {
            throw new InvalidInputException("confidence", "confidence is a whole number from 0 to 100; got "
                    + confidence);
        }
        return confidence.asInt();
    }

    private static String text(JsonNode object, String property) {
        JsonNode value = object.get(property);
        if (value == null || !value.isTextual()) {
            throw new InvalidInputException(property, property + " is required, as a string");
        }
        return value.asText();
    }

    private static Instant instant(JsonNode object, String property) {
        JsonNode value = object.get(property);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(property, property + " is a STIX timestamp such as "
                    + "2026-11-23T08:00:00Z; got " + value);
        }
    }

    private void refuse(String field, String message) {
        invalid++;
        if (errors.size() < MAX_REPORTED_ERRORS) {
            errors.add(new FieldError(field, message));
        }
    }

    /** A property STIX defines as a list of strings: absent, or that, or refused. */
    private static List<String> strings(JsonNode object, String property) {
        JsonNode list = object.path(property);
        if (list.isMissingNode()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new InvalidInputException(property, property + " is a list of strings; got " + list);
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode element : list) {
            if (!element.isTextual()) {
                throw new InvalidInputException(property, property + " is a list of strings; it holds " + element);
            }
            strings.add(element.asText());
        }
        return strings;
    }

    /** The indicator's property an item's field was read from: the refusal names what the sender wrote. */
    private static String indicatorProperty(String itemField) {
        return switch (itemField) {
            case "type", "value" -> "pattern";
            case "tags" -> "labels";
            case "firstSeen" -> "valid_from";
            case "lastSeen" -> "valid_until";
            case "tlp" -> "object_marking_refs";
            default -> itemField;
        };
    }
}
