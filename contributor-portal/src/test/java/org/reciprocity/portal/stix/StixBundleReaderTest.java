package org.reciprocity.portal.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.portal.problem.FieldError;
import org.reciprocity.portal.problem.InvalidRequestException;
import org.reciprocity.portal.support.RequiresStixSchemas;
import org.reciprocity.portal.support.StixSchemas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StixBundleReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
    private static final String TLP1_RED = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed";

    @Test
    void indicatorsAndObservablesBecomeItemsWithTheirMarkingConfidenceAndTimes() throws IOException {
        StixBundleReader.Contribution contribution = StixBundleReader.read(json("""
                {"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [
                  {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                   "created": "2026-11-01T00:00:00.000Z", "modified": "2026-11-01T00:00:00.000Z",
                   "pattern_type": "stix", "valid_from": "2026-11-01T00:00:00Z", "valid_until": "2026-12-01T00:00:00Z",
                   "pattern": "[ipv4-addr:value = '198.51.100.7' OR domain-name:value = 'C2.Example.COM']",
                   "confidence": 85, "labels": ["c2"], "indicator_types": ["malicious-activity"],
                   "object_marking_refs": ["%s"]},
                  {"type": "file", "spec_version": "2.1", "id": "file--5d0092c5-5f74-4287-9642-33f4c354e56e",
                   "hashes": {"SHA-256": "%s", "SHA-512": "ignored"}, "object_marking_refs": ["%s"]},
                  {"type": "marking-definition", "spec_version": "2.1",
                   "id": "marking-definition--f0a0b0c0-5f74-4287-9642-33f4c354e56e", "created": "2026-11-01T00:00:00Z",
                   "definition_type": "statement", "definition": {"statement": "Copyright Bank A"}},
                  {"type": "url", "id": "url--5d0092c5-5f74-4287-9642-33f4c354e56f", "value": "http://x.example/a",
                   "object_marking_refs": ["marking-definition--f0a0b0c0-5f74-4287-9642-33f4c354e56e"]}
                ]}""".formatted(GREEN, "a".repeat(64), TLP1_RED)), 100);

        assertThat(contribution.bundleId()).isEqualTo("bundle--5d0092c5-5f74-4287-9642-33f4c354e56d");
        List<Item> items = contribution.items();
        assertThat(items).extracting(Item::type, Item::value, Item::tlp).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ItemType.IPV4, "198.51.100.7", Tlp.GREEN),
                org.assertj.core.groups.Tuple.tuple(ItemType.DOMAIN, "c2.example.com", Tlp.GREEN),
                org.assertj.core.groups.Tuple.tuple(ItemType.SHA256, "a".repeat(64), Tlp.RED),
                org.assertj.core.groups.Tuple.tuple(ItemType.URL, "http://x.example/a", StixBundleReader.UNMARKED));
        assertThat(items.get(0).confidence()).isEqualTo(85);
        assertThat(items.get(0).firstSeen()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(items.get(0).lastSeen()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(items.get(0).tags()).containsExactly("c2", "malicious-activity");
    }

    @Test
    void everyInvalidObjectIsNamedAndNothingIsTaken() throws IOException {
        InvalidRequestException refused = catchThrowableOfType(() -> StixBundleReader.read(json("""
                {"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [
                  {"type": "indicator", "spec_version": "2.1", "pattern_type": "stix", "pattern": "[ipv4-addr:value = '198.51.100.7']"},
                  {"type": "indicator", "spec_version": "2.0", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd30",
                   "pattern_type": "stix", "pattern": "[ipv4-addr:value = '198.51.100.8']"},
                  {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd31",
                   "pattern_type": "stix", "pattern": "[ipv4-addr:value = '198.51.100.9'"},
                  {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd32",
                   "pattern_type": "stix", "pattern": "[ipv4-addr:value = '198.51.100.10']",
                   "object_marking_refs": ["marking-definition--00000000-0000-4000-8000-000000000000"]},
                  {"type": "relationship", "spec_version": "2.1", "id": "relationship--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd33"},
                  {"type": "ipv4-addr", "id": "ipv4-addr--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd34", "value": "999.1.1.1"}
                ]}"""), 100), InvalidRequestException.class);

        assertThat(refused.getMessage()).startsWith("6 of 6 objects cannot be contributed");
        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("objects[0].id",
                "objects[1].spec_version", "objects[2].pattern", "objects[3]", "objects[4]", "objects[5].value");
        assertThat(refused.errors().get(3).message()).contains("unknown marking");
        assertThat(refused.errors().get(4).message()).contains("not relationship objects");
    }

    @Test
    void aRestrictionOnAnyPartOfAnObjectRestrictsItsItem() throws IOException {
        List<Item> items = StixBundleReader.read(json("""
                {"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [
                  {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                   "pattern_type": "stix", "pattern": "[ipv4-addr:value = '198.51.100.7']",
                   "object_marking_refs": ["%s"],
                   "granular_markings": [{"marking_ref": "%s", "selectors": ["pattern"]}]}]}""".formatted(GREEN,
                TLP1_RED)), 10).items();
        assertThat(items).extracting(Item::tlp).containsExactly(Tlp.RED);
    }

    @Test
    void revokedObjectsOddConfidencesMarkingsAndLevelsAreRefused() throws IOException {
        InvalidRequestException refused = catchThrowableOfType(() -> StixBundleReader.read(json("""
                {"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [
                  {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd31",
                   "pattern_type": "stix", "pattern": "[ipv4-addr:value = '198.51.100.1']", "revoked": true},
                  {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd32",
                   "pattern_type": "stix", "pattern": "[ipv4-addr:value = '198.51.100.2']", "confidence": "high"},
                  {"type": "url", "id": "url--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd33", "value": "http://x.example/",
                   "object_marking_refs": "%s"},
                  {"type": "marking-definition", "spec_version": "2.1", "id": "marking-definition--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd34",
                   "definition_type": "tlp", "definition": {"tlp": "purple"}}
                ]}""".formatted(GREEN)), 10), InvalidRequestException.class);
        assertThat(refused.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("objects[3].definition",
                "objects[0]", "objects[1].confidence", "objects[2].object_marking_refs");
    }

    @Test
    void notABundleOrAnOversizedOneIsRefused() throws IOException {
        assertThatThrownBy(() -> StixBundleReader.read(json("{\"type\": \"indicator\"}"), 100))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("one bundle");
        assertThatThrownBy(() -> StixBundleReader.read(json("""
                {"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [
                  {"type": "url", "id": "url--5d0092c5-5f74-4287-9642-33f4c354e56f", "value": "http://x.example/a"},
                  {"type": "url", "id": "url--5d0092c5-5f74-4287-9642-33f4c354e560", "value": "http://x.example/b"}]}"""),
                1)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("at most 1");
    }

    /** The official examples: each is taken, or refused with every reason named; never anything else. */
    @Test
    @RequiresStixSchemas
    void theOfficialExamplesAreAcceptedOrRefusedWithAReason() throws IOException {
        try (Stream<Path> files = Files.walk(StixSchemas.root().resolve("examples"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).toList()) {
                JsonNode example = JSON.readTree(file.toFile());
                try {
                    StixBundleReader.Contribution contribution = StixBundleReader.read(example, 10_000);
                    assertThat(contribution.items()).as(file.toString()).isNotEmpty();
                } catch (InvalidRequestException refused) {
                    assertThat(refused.errors()).as(file.toString()).isNotEmpty()
                            .allSatisfy(error -> assertThat(error.message()).isNotBlank());
                }
            }
        }
        StixBundleReader.Contribution c2 = StixBundleReader.read(JSON.readTree(StixSchemas.root()
                .resolve("examples/indicator-for-c2-ip-address.json").toFile()), 100);
        assertThat(c2.items()).extracting(Item::value).containsExactly("10.0.0.0");
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }
}
