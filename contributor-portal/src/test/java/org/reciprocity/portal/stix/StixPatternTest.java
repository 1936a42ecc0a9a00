package org.reciprocity.portal.stix;

import org.junit.jupiter.api.Test;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.portal.stix.StixPattern.Comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StixPatternTest {

    @Test
    void equalityComparisonsJoinedByOrAreReadOneItemEach() {
        StixPattern.Reading reading = StixPattern.read("[ipv4-addr:value = '198.51.100.1' OR "
                + "ipv4-addr:value='198.51.100.2'] OR [file:hashes.'SHA-256' = 'ab' ] OR [file:hashes.MD5 = 'cd'] OR "
                + "[domain-name:value = 'x.example']");
        assertThat(reading.indexed()).containsExactly(new Comparison(ItemType.IPV4, "198.51.100.1"),
                new Comparison(ItemType.IPV4, "198.51.100.2"), new Comparison(ItemType.SHA256, "ab"),
                new Comparison(ItemType.MD5, "cd"), new Comparison(ItemType.DOMAIN, "x.example"));
        assertThat(reading.notIndexed()).isNull();
    }

    @Test
    void parenthesesGroupWithoutChangingWhatOrJoins() {
        assertThat(StixPattern.read("([ipv4-addr:value = '198.51.100.1'] OR [(domain-name:value = 'x.example')])")
                .indexed()).containsExactly(new Comparison(ItemType.IPV4, "198.51.100.1"),
                new Comparison(ItemType.DOMAIN, "x.example"));
        assertThatThrownBy(() -> StixPattern.read("([ipv4-addr:value = '198.51.100.1']"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not closed");
    }

    @Test
    void whatTheExchangeWritesItReadsBackEscapesIncluded() {
        String value = "http://x.example/it's\\here";
        assertThat(StixPattern.read(StixPattern.of(ItemType.URL, value)).indexed())
                .containsExactly(new Comparison(ItemType.URL, value));
        for (ItemType type : ItemType.values()) {
            assertThat(StixPattern.read(StixPattern.of(type, "v")).indexed()).containsExactly(new Comparison(type, "v"));
        }
    }

    @Test
    void andOnOneObjectNamesThatObjectByEachOfItsValues() {
        StixPattern.Reading reading = StixPattern.read("[file:hashes.MD5 = 'cd' AND file:hashes.'SHA-256' = 'ab' "
                + "AND file:name = 'evil.exe']");
        assertThat(reading.indexed()).containsExactly(new Comparison(ItemType.MD5, "cd"),
                new Comparison(ItemType.SHA256, "ab"));
        assertThat(reading.notIndexed()).contains("file:name");
    }

    @Test
    void whatNoSingleValueMatchesIsValidButNotIndexed() {
        StixPattern.Reading across = StixPattern.read("[ipv4-addr:value = '1.2.3.4' AND domain-name:value = "
                + "'x.example']");
        assertThat(across.indexed()).isEmpty();
        assertThat(across.notIndexed()).contains("AND across domain-name and ipv4-addr");
        StixPattern.Reading other = StixPattern.read("[process:name = 'evil.exe']");
        assertThat(other.indexed()).isEmpty();
        assertThat(other.notIndexed()).contains("process:name");
        for (String qualified : new String[] {"[ipv4-addr:value = '1.2.3.4'] WITHIN 5 SECONDS",
                "[ipv4-addr:value = '1.2.3.4'] AND [domain-name:value = 'x.example']",
                "[ipv4-addr:value = '1.2.3.4'] FOLLOWEDBY [domain-name:value = 'x.example']",
                "[ipv4-addr:value = '1.2.3.4'] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'"}) {
            StixPattern.Reading reading = StixPattern.read(qualified);
            assertThat(reading.indexed()).as(qualified).isEmpty();
            assertThat(reading.notIndexed()).as(qualified).contains("no single value matches");
        }
    }

    @Test
    void otherOperatorsAndNegationsAreNotEqualities() {
        StixPattern.Reading reading = StixPattern.read("[domain-name:value = 'a.example' OR domain-name:value "
                + "MATCHES '^b' OR domain-name:value NOT = 'c.example' OR domain-name:value IN ('d', 'e') OR "
                + "ipv4-addr:value != '1.2.3.4']");
        assertThat(reading.indexed()).containsExactly(new Comparison(ItemType.DOMAIN, "a.example"));
        assertThat(reading.notIndexed()).contains("MATCHES", "NOT =", "IN", "!=");
    }

    @Test
    void theWhitespaceStixSkipsIsSkipped() {
        assertThat(StixPattern.read("\t[ipv4-addr:value = '1.2.3.4']\r\n").indexed())
                .extracting(StixPattern.Comparison::value).containsExactly("1.2.3.4");
    }

    @Test
    void aMalformedPatternIsRefusedAsSuch() {
        for (String malformed : new String[] {"", "ipv4-addr:value = '1.2.3.4'", "[ipv4-addr:value = '1.2.3.4'",
                "[ipv4-addr:value = 1.2.3.4]", "[ipv4-addr:value = 'open]", "[] OR",
                "[ipv4-addr:value = '1.2.3.4'] OR", "[ipv4-addr:value = '1.2.3.4'] WITHIN SECONDS",
                "[ipv4-addr:value = '1.2.3.4'] [domain-name:value = 'x.example']", "OR [ipv4-addr:value = '1.2.3.4']",
                "\u001C[ipv4-addr:value = '1.2.3.4']", "[ipv4-addr:value = '1.2.3.4']\u0000"}) {
            assertThatThrownBy(() -> StixPattern.read(malformed)).as(malformed)
                    .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("not a STIX pattern");
        }
    }
}
