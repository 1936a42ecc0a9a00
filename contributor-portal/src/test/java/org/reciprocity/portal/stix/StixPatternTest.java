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
        assertThat(StixPattern.read("[ipv4-addr:value = '198.51.100.1' OR ipv4-addr:value='198.51.100.2'] OR "
                + "[file:hashes.'SHA-256' = 'ab' ] OR [file:hashes.MD5 = 'cd'] OR [domain-name:value = 'x.example']"))
                .containsExactly(new Comparison(ItemType.IPV4, "198.51.100.1"),
                        new Comparison(ItemType.IPV4, "198.51.100.2"), new Comparison(ItemType.SHA256, "ab"),
                        new Comparison(ItemType.MD5, "cd"), new Comparison(ItemType.DOMAIN, "x.example"));
    }

    @Test
    void parenthesesGroupNothingWhenOrIsTheOnlyOperator() {
        assertThat(StixPattern.read("([ipv4-addr:value = '198.51.100.1'] OR [(domain-name:value = 'x.example')])"))
                .containsExactly(new Comparison(ItemType.IPV4, "198.51.100.1"),
                        new Comparison(ItemType.DOMAIN, "x.example"));
        assertThatThrownBy(() -> StixPattern.read("([ipv4-addr:value = '198.51.100.1']"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not closed");
    }

    @Test
    void whatTheExchangeWritesItReadsBackEscapesIncluded() {
        String value = "http://x.example/it's\\here";
        assertThat(StixPattern.read(StixPattern.of(ItemType.URL, value)))
                .containsExactly(new Comparison(ItemType.URL, value));
        for (ItemType type : ItemType.values()) {
            assertThat(StixPattern.read(StixPattern.of(type, "v"))).containsExactly(new Comparison(type, "v"));
        }
    }

    @Test
    void aPatternSayingMoreThanEqualityIsValidButNotMetered() {
        assertThatThrownBy(() -> StixPattern.read("[ipv4-addr:value = '1.2.3.4' AND domain-name:value = 'x.example']"))
                .isInstanceOf(StixPattern.UnsupportedPatternException.class).hasMessageContaining("AND");
        assertThatThrownBy(() -> StixPattern.read("[process:name = 'evil.exe']"))
                .isInstanceOf(StixPattern.UnsupportedPatternException.class).hasMessageContaining("process:name");
        assertThatThrownBy(() -> StixPattern.read("[ipv4-addr:value = '1.2.3.4'] WITHIN 5 SECONDS"))
                .isInstanceOf(StixPattern.UnsupportedPatternException.class);
    }

    @Test
    void theWhitespaceStixSkipsIsSkipped() {
        assertThat(StixPattern.read("\t[ipv4-addr:value = '1.2.3.4']\r\n")).extracting(StixPattern.Comparison::value)
                .containsExactly("1.2.3.4");
    }

    @Test
    void aMalformedPatternIsRefusedAsSuch() {
        for (String malformed : new String[] {"", "ipv4-addr:value = '1.2.3.4'", "[ipv4-addr:value = '1.2.3.4'",
                "[ipv4-addr:value = 1.2.3.4]", "[ipv4-addr:value = 'open]", "[] OR",
                "\u001C[ipv4-addr:value = '1.2.3.4']", "[ipv4-addr:value = '1.2.3.4']\u0000"}) {
            assertThatThrownBy(() -> StixPattern.read(malformed)).as(malformed)
                    .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("not a STIX pattern");
        }
    }
}
