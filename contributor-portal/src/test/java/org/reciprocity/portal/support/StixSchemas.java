package org.reciprocity.portal.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The official STIX 2.1 JSON schemas (OASIS cti-stix2-json-schemas), read from the folder beside the repository
 * ({@code ../shared/stix2-json-schemas}, passed in as {@code stix.schemas}), their {@code $id}s mapped to the files.
 */
public final class StixSchemas {

    private static final String PUBLISHED = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/"
            + "schemas/";
    private static final List<String> FOLDERS = List.of("sdos", "sros", "observables", "common");
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private StixSchemas() {
    }

    /** Where the folder holding {@code schemas/} and {@code examples/} is looked for. */
    public static Path location() {
        return Path.of(System.getProperty("stix.schemas", "../../shared/stix2-json-schemas"));
    }

    /** Whether the schemas are there: a clone of the repository alone does not have them. */
    public static boolean available() {
        return Files.isDirectory(location().resolve("schemas"));
    }

    /** The folder holding {@code schemas/} and {@code examples/}; tests that use it are {@link RequiresStixSchemas}. */
    public static Path root() {
        Path root = location();
        if (!available()) {
            throw new IllegalStateException("the STIX 2.1 schemas are not at " + root.toAbsolutePath() + ": the tests "
                    + "read them from ../shared/stix2-json-schemas beside the repository");
        }
        return root;
    }

    /** What the object's own schema (by its type) says is wrong with it; empty when it is valid. */
    public static List<String> problemsWith(JsonNode object) {
        String type = object.path("type").asText();
        String folder = FOLDERS.stream().filter(candidate -> Files.exists(root().resolve("schemas")
                .resolve(candidate).resolve(type + ".json"))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("STIX 2.1 has no schema for " + type));
        JsonSchema schema = SCHEMAS.computeIfAbsent(type, key -> factory().getSchema(SchemaLocation.of(PUBLISHED
                + folder + "/" + key + ".json")));
        return schema.validate(object).stream().map(ValidationMessage::getMessage).toList();
    }

    private static JsonSchemaFactory factory() {
        String local = root().resolve("schemas").toAbsolutePath().toUri().toString();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(PUBLISHED, local)));
    }
}
