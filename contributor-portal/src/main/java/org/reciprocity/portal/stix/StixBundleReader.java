package org.reciprocity.portal.stix;

import com.fasterxml.jackson.databind.JsonNode;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.Text;
import org.reciprocity.core.context.ContextObject;
import org.reciprocity.core.event.Sighting;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.portal.problem.InvalidRequestException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a STIX 2.1 bundle (or the objects of a TAXII envelope) into one contribution: the pool's items, and every
 * object sent, kept whole as context with its own id. Nothing is dropped: each object is read into items and
 * context, kept as context alone, or listed as a failure with the reason; only a body that is not a bundle at all is
 * refused whole.
 * <ul>
 *     <li>{@code indicator} objects whose STIX pattern names values the pool indexes ({@link StixPattern}): an item
 *     per equality, with the indicator's confidence, {@code valid_from} and {@code valid_until} as first and last
 *     seen, its labels and indicator types as tags;</li>
 *     <li>the cyber-observables {@code ipv4-addr}, {@code ipv6-addr}, {@code domain-name}, {@code url},
 *     {@code email-addr} (their value) and {@code file} (its MD5, SHA-1 and SHA-256 hashes);</li>
 *     <li>everything else, and what of the above the pool cannot index (a network range, a pattern of AND across
 *     objects, a revoked indicator), is context alone.</li>
 * </ul>
 * Each object's TLP is the most restrictive TLP marking among its markings, on the whole object or on any of its
 * properties; an object with none is AMBER: the pool's members, and no further.
 */
public final class StixBundleReader {

    static final Tlp UNMARKED = Tlp.AMBER;
    // STIX 2.1, 3.1: a type is 3 to 250 characters of a-z, 0-9 and '-', beginning with a letter.
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{2,249}");
    private static final Pattern ID = Pattern.compile("([a-z][a-z0-9-]{2,249})--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Map<String, String> OBSERVABLES = Map.of("ipv4-addr", "ipv4", "ipv6-addr", "ipv6",
            "domain-name", "domain", "url", "url", "email-addr", "email");
    private static final Map<String, String> FILE_HASHES = Map.of("MD5", "md5", "SHA-1", "sha1", "SHA1", "sha1",
            "SHA-256", "sha256", "SHA256", "sha256");
    // Objects that are not versioned by modified, besides the observables.
    private static final Set<String> UNVERSIONED = Set.of("marking-definition");
    private static final Set<String> NOT_REFERENCES = Set.of("created_by_ref", "object_marking_refs");

    private final StixMarkings markings = new StixMarkings();
    private final List<Item> items = new ArrayList<>();
    private final List<ContextObject> context = new ArrayList<>();
    private final List<ObjectOutcome> outcomes = new ArrayList<>();
    // The id of a pool's indicator: what a sighting names when its sighter drew the item from the pool.
    private static final Pattern POOL_INDICATOR = Pattern.compile("indicator--([0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-"
            + "[89ab][0-9a-f]{3}-[0-9a-f]{12})");

    // What each object of the bundle yields, by id: what a sighting in it may be of.
    private final Map<String, List<Item>> itemsOf = new HashMap<>();
    private final List<SightingObject> sightingObjects = new ArrayList<>();

    private final Instant now;

    private StixBundleReader(Instant now) {
        this.now = now;
    }

    /**
     * A bundle read: its id, its items, every object it carries, and what became of each; and the sightings it
     * reports, of the items of indicators and observables it carries (the pool's indicators passed on included),
     * and of the pool's indicators it names without carrying them, which only the pool can tell the items of.
     */
    public record Contribution(String bundleId, List<Item> items, List<ContextObject> context,
                               List<ObjectOutcome> outcomes, List<Sighting> sightings,
                               List<PoolSighting> poolSightings) {

        /** Whether nothing of the bundle can be contributed. */
        public boolean isEmpty() {
            return context.isEmpty() && items.isEmpty();
        }

        public List<ObjectOutcome> failures() {
            return outcomes.stream().filter(ObjectOutcome::failed).toList();
        }
    }

    /**
     * A sighting of the pool's indicator {@code indicator--<itemId>}, which the bundle does not carry.
     *
     * @param outcome where the sighting object's outcome is among the bundle's
     */
    public record PoolSighting(UUID itemId, Instant firstSeen, Instant lastSeen, long count, int outcome) {

        /** The sighting of the item the pool holds under the id. */
        public Sighting of(ItemRef item) {
            return new Sighting(item, firstSeen, lastSeen, count);
        }
    }

    /**
     * What became of one object of a bundle.
     *
     * @param id      its id as sent
     * @param version its {@code modified} as sent; null when it has none
     * @param items   how many items it yields
     * @param field   the property at fault, as {@code objects[3].pattern}, when it failed for one
     * @param message why it failed (naming the property at fault first), or what of it was not indexed; null when
     *                there is nothing to say
     */
    public record ObjectOutcome(String id, String version, boolean failed, int items, String field, String message) {
    }

    /** @throws InvalidRequestException when the body is not a bundle of at most {@code maxObjects} objects */
    /** @param now what the bundle's sightings are of the past of */
    public static Contribution read(JsonNode bundle, int maxObjects, Instant now) {
        return new StixBundleReader(now).contribution(bundle, maxObjects);
    }

    private Contribution contribution(JsonNode bundle, int maxObjects) {
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
        if (objects.size() > maxObjects) {
            throw InvalidRequestException.of("objects", "a bundle carries at most " + maxObjects + " objects; this one "
                    + "has " + objects.size() + ": split it into several bundles");
        }
        // Marking definitions first: any object may refer to one defined later in the bundle.
        for (JsonNode object : objects) {
            if ("marking-definition".equals(object.path("type").asText())) {
                try {
                    markings.define(object);
                } catch (InvalidInputException e) {
                    // Read again as an object below, where the failure is reported.
                }
            }
        }
        for (int i = 0; i < objects.size(); i++) {
            JsonNode object = objects.get(i);
            String id = object.path("id").isTextual() ? object.path("id").asText() : "objects[" + i + "]";
            String version = object.path("modified").isTextual() ? object.path("modified").asText() : null;
            try {
                read(object, id, version);
            } catch (InvalidInputException e) {
                String field = "objects[" + i + "]." + e.field();
                outcomes.add(new ObjectOutcome(id, version, true, 0, field, field + ": " + e.getMessage()));
            }
        }
        if (items.size() > maxObjects) {
            throw InvalidRequestException.of("objects", "the bundle's objects make " + items.size() + " items; a "
                    + "contribution carries at most " + maxObjects);
        }
        // The sightings first: reading them tells each sighting's outcome.
        List<PoolSighting> ofThePool = new ArrayList<>();
        List<Sighting> sightings = sightings(ofThePool);
        return new Contribution(bundleId, List.copyOf(items), List.copyOf(context), List.copyOf(outcomes),
                sightings, List.copyOf(ofThePool));
    }

    /**
     * The sightings the bundle reports, each of what its {@code sighting_of_ref} yields, the outcome of each sighting
     * object telling how many items it was read as seen.
     */
    private List<Sighting> sightings(List<PoolSighting> ofThePool) {
        List<Sighting> sightings = new ArrayList<>();
        for (SightingObject sighting : sightingObjects) {
            List<Item> seen = sighting.count() == 0 ? List.of() : itemsOf.getOrDefault(sighting.of(), List.of());
            seen.forEach(item -> sightings.add(new Sighting(ItemRef.of(item), sighting.firstSeen(),
                    sighting.lastSeen(), sighting.count())));
            Matcher pooled = POOL_INDICATOR.matcher(sighting.of());
            ObjectOutcome kept = outcomes.get(sighting.outcome());
            if (sighting.count() > 0 && seen.isEmpty() && pooled.matches()) {
                // Only the pool can tell which item the id is, if it is one at all: the contribution asks it.
                ofThePool.add(new PoolSighting(UUID.fromString(pooled.group(1)), sighting.firstSeen(),
                        sighting.lastSeen(), sighting.count(), sighting.outcome()));
                outcomes.set(sighting.outcome(), new ObjectOutcome(kept.id(), kept.version(), false, kept.items(),
                        null, "kept as context; a sighting of the pool's indicator " + sighting.of()
                        + ", if you hold it"));
                continue;
            }
            outcomes.set(sighting.outcome(), new ObjectOutcome(kept.id(), kept.version(), false, kept.items(), null,
                    sighting.count() == 0 ? "kept as context; seen 0 times, so no sighting of anything"
                            : seen.isEmpty() ? "kept as context; not a sighting of any item: " + sighting.of()
                            + " is not an indicator or observable of this bundle that names an item"
                            : "kept as context; read as a sighting of " + seen.size() + " item(s)"));
        }
        return List.copyOf(sightings);
    }

    private void read(JsonNode object, String id, String versionText) {
        if (!object.isObject()) {
            throw new InvalidInputException("type", "every object of a bundle is a JSON object");
        }
        String type = object.path("type").isTextual() ? object.path("type").asText() : "";
        if (!TYPE.matcher(type).matches()) {
            throw new InvalidInputException("type", "every object has a type of 3 to 250 lower-case letters, digits "
                    + "and hyphens, such as 'indicator'; got '" + object.path("type") + "'");
        }
        if (!ID.matcher(id).matches()) {
            throw new InvalidInputException("id", "a " + type + " has an id '" + type + "--<uuid>'; got '" + id + "'");
        }
        if (!id.startsWith(type + "--")) {
            // Of a type and an id that disagree, the one STIX does not define is taken for the mistake.
            String named = id.substring(0, id.indexOf("--"));
            throw StixTypes.isDefined(type)
                    ? new InvalidInputException("id", "a " + type + " has an id '" + type + "--<uuid>'; got '" + id
                    + "'")
                    : new InvalidInputException("type", "an object's type is the one its id names, '" + named
                    + "'; got '" + type + "'");
        }

        boolean observable = StixTypes.isObservable(type);
        JsonNode specVersion = object.get("spec_version");
        if ((specVersion == null && !observable) || (specVersion != null && !"2.1".equals(specVersion.asText()))) {
            throw new InvalidInputException("spec_version", "the exchange reads STIX 2.1: spec_version is \"2.1\"; "
                    + "got " + specVersion);
        }
        if (type.equals("marking-definition")) {
            try {
                markings.define(object);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("definition", e.getMessage());
            }
        }
        // The pool names its own indicators by the value (UUID version 5). One sent back, as platforms pass on what
        // they drew, counts for its items; the object stays the pool's, and no contributor's may pass for it.
        boolean pools = type.equals("indicator") && UUID.fromString(id.substring(id.indexOf("--") + 2)).version() == 5;
        Instant version = null;
        if (!observable && !UNVERSIONED.contains(type)) {
            instant(object, "created", true);
            version = instant(object, "modified", true);
            if (!version.isAfter(Instant.EPOCH)) {
                throw new InvalidInputException("modified", "modified is after 1970-01-01T00:00:00Z; got " + version);
            }
        }
        Tlp tlp = tlpOf(object);
        List<String> refs = new ArrayList<>();
        references(object, "", refs, true);
        List<String> markingRefs = markingsOf(object);
        List<Item> yielded = new ArrayList<>();
        String notIndexed = null;
        if (object.path("revoked").asBoolean(false)) {
            notIndexed = "revoked by its producer: kept as a new version, indexing nothing";
        } else if (type.equals("indicator")) {
            notIndexed = indicator(object, tlp, yielded);
        } else if (OBSERVABLES.containsKey(type)) {
            notIndexed = observable(OBSERVABLES.get(type), text(object, "value"), tlp, yielded);
        } else if (type.equals("file")) {
            notIndexed = file(object, tlp, yielded);
        }
        items.addAll(yielded);
        itemsOf.put(id, List.copyOf(yielded));
        String author = object.has("created_by_ref") ? reference(object.get("created_by_ref"), "created_by_ref") : null;
        if (pools) {
            outcomes.add(new ObjectOutcome(id, versionText, false, yielded.size(), null, "the pool's own indicator: "
                    + "its items are counted, the object is not kept (ids of UUID version 5 under indicator-- are "
                    + "the pool's; name your own with random ones, as STIX recommends)"));
            return;
        }
        if (type.equals("sighting") && !object.path("revoked").asBoolean(false)) {
            sightingObjects.add(sighting(object, id, outcomes.size(), now));
        }
        context.add(new ContextObject(id, type, version, tlp, List.copyOf(new LinkedHashSet<>(refs)), markingRefs,
                yielded.stream().map(Item::id).distinct().toList(), object.toString(), author));
        outcomes.add(new ObjectOutcome(id, versionText, false, yielded.size(), null, notIndexed == null ? null
                : "kept as context; not indexed: " + notIndexed));
    }

    /** @return what of the pattern the pool does not index; null when it indexes all of it */
    private static String indicator(JsonNode indicator, Tlp tlp, List<Item> yielded) {
        String patternType = text(indicator, "pattern_type");
        text(indicator, "pattern");
        if (!patternType.equals("stix")) {
            return "a " + patternType + " pattern: the pool indexes STIX patterns";
        }
        StixPattern.Reading reading = StixPattern.read(text(indicator, "pattern"));
        Integer confidence = confidence(indicator);
        Instant validFrom = instant(indicator, "valid_from", false);
        Instant validUntil = instant(indicator, "valid_until", false);
        List<String> tags = new ArrayList<>(strings(indicator, "labels"));
        tags.addAll(strings(indicator, "indicator_types"));
        List<String> notIndexed = new ArrayList<>();
        if (reading.notIndexed() != null) {
            notIndexed.add(reading.notIndexed());
        }
        for (StixPattern.Comparison comparison : reading.indexed()) {
            try {
                yielded.add(Item.normalised(comparison.type().label(), comparison.value(), confidence, tlp.label(),
                        validFrom, validUntil, tags));
            } catch (InvalidInputException e) {
                if (!e.field().equals("value")) {
                    throw new InvalidInputException(indicatorProperty(e.field()), e.getMessage());
                }
                notIndexed.add("'" + comparison.value() + "': " + e.getMessage());
            }
        }
        return notIndexed.isEmpty() ? null : String.join("; ", notIndexed);
    }

    private static String observable(String itemType, String value, Tlp tlp, List<Item> yielded) {
        try {
            yielded.add(Item.normalised(itemType, value, null, tlp.label(), null, null, List.of()));
            return null;
        } catch (InvalidInputException e) {
            if (isNetworkRange(itemType, value)) {
                return "a network range: the pool indexes single addresses";
            }
            throw e;
        }
    }

    /** An address and a prefix length that fits it ({@code 223.166.0.0/15}): what STIX allows an address to be. */
    private static boolean isNetworkRange(String itemType, String value) {
        int slash = value.indexOf('/');
        if (!(itemType.equals("ipv4") || itemType.equals("ipv6")) || slash < 0
                || !value.substring(slash + 1).matches("\\d{1,3}")) {
            return false;
        }
        try {
            Item.normalised(itemType, value.substring(0, slash), null, Tlp.CLEAR.label(), null, null, List.of());
        } catch (InvalidInputException e) {
            return false;
        }
        return Integer.parseInt(value.substring(slash + 1)) <= (itemType.equals("ipv4") ? 32 : 128);
    }

    private static String file(JsonNode file, Tlp tlp, List<Item> yielded) {
        JsonNode hashes = file.path("hashes");
        for (Iterator<Map.Entry<String, JsonNode>> it = hashes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> hash = it.next();
            String itemType = FILE_HASHES.get(hash.getKey().toUpperCase(Locale.ROOT));
            if (itemType != null) {
                try {
                    yielded.add(Item.normalised(itemType, hash.getValue().asText(), null, tlp.label(), null, null,
                            List.of()));
                } catch (InvalidInputException e) {
                    throw new InvalidInputException("hashes." + hash.getKey(), e.getMessage());
                }
            }
        }
        return yielded.isEmpty() ? "no MD5, SHA-1 or SHA-256 hash: the pool indexes files by those" : null;
    }

    /**
     * The most restrictive TLP among the object's markings, those on the whole object and those on any of its
     * properties: an item is one value, so a restriction on part of the object restricts the item.
     */
    private Tlp tlpOf(JsonNode object) {
        List<Tlp> levels = new ArrayList<>();
        for (String reference : markingsOf(object)) {
            try {
                markings.levelOf(reference).ifPresent(levels::add);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("object_marking_refs", e.getMessage());
            }
        }
        return levels.stream().max(Comparator.naturalOrder()).orElse(UNMARKED);
    }

    private static List<String> markingsOf(JsonNode object) {
        JsonNode objectMarkings = object.get("object_marking_refs");
        if (objectMarkings != null && !objectMarkings.isArray()) {
            throw new InvalidInputException("object_marking_refs", "object_marking_refs is a list of marking ids");
        }
        Set<String> references = new LinkedHashSet<>(strings(object, "object_marking_refs"));
        object.path("granular_markings").forEach(marking -> {
            if (marking.path("marking_ref").isTextual()) {
                references.add(marking.path("marking_ref").asText());
            }
        });
        return List.copyOf(references);
    }

    /**
     * Every id the object refers to through a {@code *_ref} or {@code *_refs} property, at any depth (an e-mail's
     * body parts, an extension's), but its author and its markings.
     */
    private static void references(JsonNode node, String path, List<String> refs, boolean top) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                references(node.get(i), path + "[" + i + "]", refs, false);
            }
            return;
        }
        node.fields().forEachRemaining(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            String at = path.isEmpty() ? name : path + "." + name;
            if (top && (NOT_REFERENCES.contains(name) || name.equals("granular_markings"))) {
                return;
            }
            if (name.endsWith("_ref")) {
                refs.add(reference(value, at));
            } else if (name.endsWith("_refs")) {
                if (!value.isArray()) {
                    throw new InvalidInputException(at, at + " is a list of STIX ids");
                }
                value.forEach(element -> refs.add(reference(element, at)));
            } else if (value.isContainerNode()) {
                references(value, at, refs, false);
            }
        });
    }

    /**
     * A STIX sighting, as seen from {@code first_seen} (its {@code created} when absent) to {@code last_seen} (its
     * {@code first_seen} when absent), {@code count} times (once when absent).
     *
     * @param outcome where its outcome will be among the bundle's
     */
    private static SightingObject sighting(JsonNode object, String id, int outcome, Instant now) {
        if (!object.has("sighting_of_ref")) {
            throw new InvalidInputException("sighting_of_ref", "a sighting names what was seen: sighting_of_ref is "
                    + "required");
        }
        String of = reference(object.get("sighting_of_ref"), "sighting_of_ref");
        Instant firstSeen = instant(object, "first_seen", false);
        firstSeen = firstSeen != null ? firstSeen : instant(object, "created", true);
        Instant lastSeen = instant(object, "last_seen", false);
        lastSeen = lastSeen != null ? Sighting.requirePast("last_seen", lastSeen, now)
                : Sighting.requirePast("first_seen", firstSeen, now);
        if (lastSeen.isBefore(firstSeen)) {
            throw new InvalidInputException("last_seen", "last_seen is no earlier than first_seen (" + firstSeen
                    + "); got " + lastSeen);
        }
        JsonNode count = object.path("count");
        if (!count.isMissingNode() && (!count.isIntegralNumber() || !count.canConvertToLong() || count.asLong() < 0
                || count.asLong() > Sighting.MAX_COUNT)) {
            throw new InvalidInputException("count", "count is a whole number from 0 to " + Sighting.MAX_COUNT
                    + "; got " + count);
        }
        return new SightingObject(id, of, firstSeen, lastSeen, count.isMissingNode() ? 1 : count.asLong(), outcome);
    }

    /** A sighting object of the bundle, to be read once every object is; STIX lets it count 0 times. */
    private record SightingObject(String id, String of, Instant firstSeen, Instant lastSeen, long count,
                                  int outcome) {
    }

    private static String reference(JsonNode value, String at) {
        if (!value.isTextual() || !ID.matcher(value.asText()).matches()) {
            throw new InvalidInputException(at, at + " refers to STIX objects by id, 'type--<uuid>'; got " + value);
        }
        return value.asText();
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

    private static Instant instant(JsonNode object, String property, boolean required) {
        JsonNode value = object.get(property);
        if (value == null) {
            if (required) {
                throw new InvalidInputException(property, property + " is required on " + object.path("type").asText()
                        + " objects, as a STIX timestamp such as 2026-11-23T08:00:00.000Z");
            }
            return null;
        }
        try {
            return Text.requireStorable(property, Instant.parse(value.asText()));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(property, property + " is a STIX timestamp such as "
                    + "2026-11-23T08:00:00Z; got " + value);
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
