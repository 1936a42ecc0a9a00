package org.reciprocity.portal.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.context.ContextObject;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.item.Tlp;
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

class StixBundleReaderTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

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
                ]}""".formatted(GREEN, "a".repeat(64), TLP1_RED)), 100, NOW);

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
    void everyObjectIsKeptWholeWithItsOwnIdAndLinks() throws IOException {
        StixBundleReader.Contribution contribution = StixBundleReader.read(json("""
                {"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [
                  {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                   "created": "2026-11-01T00:00:00.000Z", "modified": "2026-11-02T00:00:00.123456Z",
                   "created_by_ref": "identity--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd30",
                   "pattern_type": "stix", "pattern": "[ipv4-addr:value = '198.51.100.7']"},
                  {"type": "relationship", "spec_version": "2.1", "id": "relationship--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd33",
                   "created": "2026-11-01T00:00:00Z", "modified": "2026-11-01T00:00:00Z", "relationship_type": "indicates",
                   "source_ref": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                   "target_ref": "malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd34", "object_marking_refs": ["%s"]},
                  {"type": "malware", "spec_version": "2.1", "id": "malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd34",
                   "created": "2026-11-01T00:00:00Z", "modified": "2026-11-01T00:00:00Z", "name": "Poison Ivy",
                   "is_family": true, "kill_chain_phases": [{"kill_chain_name": "lockheed", "phase_name": "c2"}]}
                ]}""".formatted(GREEN)), 100, NOW);

        assertThat(contribution.failures()).isEmpty();
        assertThat(contribution.items()).extracting(Item::value).containsExactly("198.51.100.7");
        assertThat(contribution.context()).extracting(ContextObject::id).containsExactly(
                "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "relationship--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd33",
                "malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd34");
        ContextObject indicator = contribution.context().get(0);
        assertThat(indicator.version()).isEqualTo(Instant.parse("2026-11-02T00:00:00.123456Z"));
        assertThat(indicator.items()).containsExactly(contribution.items().get(0).id());
        assertThat(indicator.refs()).as("the author links nothing").isEmpty();
        assertThat(JSON.readTree(indicator.content()).path("created_by_ref").asText())
                .isEqualTo("identity--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd30");
        ContextObject relationship = contribution.context().get(1);
        assertThat(relationship.refs()).containsExactly("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                "malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd34");
        assertThat(relationship.tlp()).isEqualTo(Tlp.GREEN);
        assertThat(relationship.markings()).containsExactly(GREEN);
        assertThat(JSON.readTree(contribution.context().get(2).content()).path("kill_chain_phases").get(0)
                .path("phase_name").asText()).isEqualTo("c2");
    }

    @Test
    void whatThePoolCannotIndexIsKeptAsContextSayingWhy() throws IOException {
        StixBundleReader.Contribution contribution = StixBundleReader.read(json("""
                {"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [
                  {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd30",
                   "created": "2026-11-01T00:00:00Z", "modified": "2026-11-01T00:00:00Z", "pattern_type": "stix",
                   "pattern": "[domain-name:value = 'domain autuo.xicp.net' OR ipv4-addr:value = '60.10.1.115']"},
                  {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd31",
                   "created": "2026-11-01T00:00:00Z", "modified": "2026-11-01T00:00:00Z", "pattern_type": "snort",
                   "pattern": "alert tcp any any -> any 80"},
                  {"type": "ipv4-addr", "id": "ipv4-addr--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd32", "value": "223.166.0.0/15"},
                  {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd33",
                   "created": "2026-11-01T00:00:00Z", "modified": "2026-11-03T00:00:00Z", "revoked": true,
                   "pattern_type": "stix", "pattern": "[ipv4-addr:value = '198.51.100.1']"}
                ]}"""), 100, NOW);

        assertThat(contribution.failures()).isEmpty();
        assertThat(contribution.items()).extracting(Item::value).containsExactly("60.10.1.115");
        assertThat(contribution.context()).hasSize(4);
        assertThat(contribution.outcomes()).extracting(StixBundleReader.ObjectOutcome::message).satisfiesExactly(
                message -> assertThat(message).contains("domain autuo.xicp.net"),
                message -> assertThat(message).contains("snort"),
                message -> assertThat(message).contains("network range"),
                message -> assertThat(message).contains("revoked"));
    }

    @Test
    void objectsThatAreNotValidStixFailOneByOneTheRestIsTaken() throws IOException {
        StixBundleReader.Contribution contribution = StixBundleReader.read(json("""
                {"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [
                  {"type": "indicator", "spec_version": "2.1", "pattern_type": "stix", "pattern": "[ipv4-addr:value = '198.51.100.7']"},
                  {"type": "indicator", "spec_version": "2.0", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd30",
                   "pattern_type": "stix", "pattern": "[ipv4-addr:value = '198.51.100.8']"},
                  {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd31",
                   "created": "2026-11-01T00:00:00Z", "modified": "2026-11-01T00:00:00Z",
                   "pattern_type": "stix", "pattern": "[ipv4-addr:value = '198.51.100.9'"},
                  {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd32",
                   "created": "2026-11-01T00:00:00Z", "modified": "2026-11-01T00:00:00Z",
                   "pattern_type": "stix", "pattern": "[ipv4-addr:value = '198.51.100.10']",
                   "object_marking_refs": ["marking-definition--00000000-0000-4000-8000-000000000000"]},
                  {"type": "relationship", "spec_version": "2.1", "id": "relationship--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd33"},
                  {"type": "ipv4-addr", "id": "ipv4-addr--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd34", "value": "999.1.1.1"},
                  {"type": "note", "spec_version": "2.1", "id": "note--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd35",
                   "created": "2026-11-01T00:00:00Z", "modified": "2026-11-01T00:00:00Z", "content": "seen",
                   "object_refs": ["not an id"]},
                  {"type": "url", "id": "url--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd36", "value": "http://x.example/"}
                ]}"""), 100, NOW);

        assertThat(contribution.failures()).extracting(StixBundleReader.ObjectOutcome::message).satisfiesExactly(
                message -> assertThat(message).startsWith("objects[0].id"),
                message -> assertThat(message).startsWith("objects[1].spec_version"),
                message -> assertThat(message).startsWith("objects[2].pattern").contains("not a STIX pattern"),
                message -> assertThat(message).startsWith("objects[3].object_marking_refs").contains("unknown marking"),
                message -> assertThat(message).startsWith("objects[4].created").contains("required"),
                message -> assertThat(message).startsWith("objects[5].value"),
                message -> assertThat(message).startsWith("objects[6].object_refs"));
        assertThat(contribution.context()).extracting(ContextObject::id)
                .containsExactly("url--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd36");
        assertThat(contribution.items()).extracting(Item::value).containsExactly("http://x.example/");
    }

    @Test
    void aRestrictionOnAnyPartOfAnObjectRestrictsItsItem() throws IOException {
        List<Item> items = StixBundleReader.read(json("""
                {"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [
                  {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                   "created": "2026-11-01T00:00:00Z", "modified": "2026-11-01T00:00:00Z",
                   "pattern_type": "stix", "pattern": "[ipv4-addr:value = '198.51.100.7']",
                   "object_marking_refs": ["%s"],
                   "granular_markings": [{"marking_ref": "%s", "selectors": ["pattern"]}]}]}""".formatted(GREEN,
                TLP1_RED)), 10, NOW).items();
        assertThat(items).extracting(Item::tlp).containsExactly(Tlp.RED);
    }

    @Test
    void oddConfidencesMarkingsAndLevelsFail() throws IOException {
        StixBundleReader.Contribution contribution = StixBundleReader.read(json("""
                {"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [
                  {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd32",
                   "created": "2026-11-01T00:00:00Z", "modified": "2026-11-01T00:00:00Z",
                   "pattern_type": "stix", "pattern": "[ipv4-addr:value = '198.51.100.2']", "confidence": "high"},
                  {"type": "url", "id": "url--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd33", "value": "http://x.example/",
                   "object_marking_refs": "%s"},
                  {"type": "marking-definition", "spec_version": "2.1", "id": "marking-definition--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd34",
                   "definition_type": "tlp", "definition": {"tlp": "purple"}}
                ]}""".formatted(GREEN)), 10, NOW);
        assertThat(contribution.failures()).extracting(StixBundleReader.ObjectOutcome::message).satisfiesExactly(
                message -> assertThat(message).startsWith("objects[0].confidence"),
                message -> assertThat(message).startsWith("objects[1].object_marking_refs"),
                message -> assertThat(message).startsWith("objects[2].definition"));
        assertThat(contribution.isEmpty()).isTrue();
    }

    @Test
    void notABundleOrAnOversizedOneIsRefused() throws IOException {
        assertThatThrownBy(() -> StixBundleReader.read(json("{\"type\": \"indicator\"}"), 100, NOW))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("one bundle");
        assertThatThrownBy(() -> StixBundleReader.read(json("""
                {"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [
                  {"type": "url", "id": "url--5d0092c5-5f74-4287-9642-33f4c354e56f", "value": "http://x.example/a"},
                  {"type": "url", "id": "url--5d0092c5-5f74-4287-9642-33f4c354e560", "value": "http://x.example/b"}]}"""),
                1, NOW)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("at most 1");
    }

    /** The official example bundles: each is taken whole, every object kept with its own id. */
    @Test
    @RequiresStixSchemas
    void theOfficialExampleBundlesAreTakenWhole() throws IOException {
        try (Stream<Path> files = Files.walk(StixSchemas.root().resolve("examples"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).toList()) {
                JsonNode example = JSON.readTree(file.toFile());
                if (!example.path("type").asText().equals("bundle")) {
                    continue;
                }
                StixBundleReader.Contribution contribution = StixBundleReader.read(example, 10_000, NOW);
                assertThat(contribution.failures()).as(file.toString()).isEmpty();
                List<String> sent = new java.util.ArrayList<>();
                example.path("objects").forEach(object -> sent.add(object.path("id").asText()));
                assertThat(contribution.context()).as(file.toString()).extracting(ContextObject::id)
                        .containsExactlyElementsOf(sent);
            }
        }
        StixBundleReader.Contribution apt1 = StixBundleReader.read(JSON.readTree(StixSchemas.root()
                .resolve("examples/threat-reports/apt1.json").toFile()), 10_000, NOW);
        assertThat(apt1.items()).extracting(Item::value).contains("hugesoft.org", "001dd76872d80801692ff942308c64e6");
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }
}
