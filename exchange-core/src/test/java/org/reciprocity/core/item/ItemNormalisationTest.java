package org.reciprocity.core.item;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.reciprocity.core.InvalidInputException;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemNormalisationTest {

    @ParameterizedTest(name = "{0} ''{1}'' is known as ''{2}''")
    @CsvSource(delimiter = '|', value = {
            "ipv4   | 203.0.113.7                          | 203.0.113.7",
            "ipv4   | ' 0.0.0.0 '                          | 0.0.0.0",
            "ipv4   | 255.255.255.255                      | 255.255.255.255",
            "ipv6   | 2001:DB8:0:0:0:0:0:1                 | 2001:db8::1",
            "ipv6   | 2001:0db8:0000:0000:0001:0000:0000:0001 | 2001:db8::1:0:0:1",
            "ipv6   | ::1                                  | ::1",
            "domain | Evil.Example.COM.                    | evil.example.com",
            "domain | bücher.example                       | xn--bcher-kva.example",
            "url    | HTTP://Evil.Example.com:80           | http://evil.example.com/",
            "url    | https://evil.example.com:8443/Path?q=A#F | https://evil.example.com:8443/Path?q=A#F",
            "url    | http://[2001:DB8::1]/x               | http://[2001:db8::1]/x",
            "md5    | D41D8CD98F00B204E9800998ECF8427E     | d41d8cd98f00b204e9800998ecf8427e",
            "sha1   | DA39A3EE5E6B4B0D3255BFEF95601890AFD80709 | da39a3ee5e6b4b0d3255bfef95601890afd80709",
            "sha256 | E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855 | e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "email  | Phisher@Evil.Example.COM             | phisher@evil.example.com",
    })
    void valuesAreBroughtToOneCanonicalText(String type, String written, String canonical) {
        assertThat(ItemType.parse(type).normalise(written)).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} ''{1}'' is refused")
    @CsvSource(delimiter = '|', value = {
            "ipv4   | 999.1.1.1           | octet 999 is above 255",
            "ipv4   | 010.1.1.1           | leading zero",
            "ipv4   | 1.2.3                | four decimal octets",
            "ipv4   | example.com          | four decimal octets",
            "ipv6   | 2001:db8::g          | not an IPv6 address",
            "ipv6   | 1.2.3.4              | not an IPv6 address",
            "ipv6   | ::ffff:192.0.2.1     | contribute it as ipv4 192.0.2.1",
            "ipv6   | fe80::1%eth0         | zone index",
            "domain | localhost            | single label",
            "domain | bad_name.example     | not a domain name",
            "domain | -bad.example         | not a domain name",
            "url    | evil.example.com/x   | absolute URL",
            "url    | http://evil example  | not a URL",
            "url    | mailto:a@b.example   | absolute URL",
            "md5    | d41d8cd98f00b204e9800998ecf8427  | is 32 hexadecimal characters; 'd41d8cd98f00b204e9800998ecf8427' has 31",
            "sha256 | e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b785 | is 64 hexadecimal characters",
            "sha1   | zz39a3ee5e6b4b0d3255bfef95601890afd80709 | 'z' at position 1 is not a hexadecimal digit",
            "email  | not-an-address       | local-part@domain",
            "email  | a..b@example.com     | separated by single dots",
            "email  | a@localhost          | single label",
    })
    void invalidValuesAreRefusedWithAReason(String type, String written, String reason) {
        assertThatThrownBy(() -> ItemType.parse(type).normalise(written))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("value"))
                .hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "''{0}'' is recognised as {1}")
    @CsvSource(delimiter = '|', value = {
            "203.0.113.7                          | ipv4",
            "2001:DB8::1                          | ipv6",
            "Evil.Example.COM.                    | domain",
            "bücher.example                       | domain",
            "deadbeef.example                     | domain",
            "HTTP://Evil.Example.com:80           | url",
            "http://203.0.113.7/x                 | url",
            "Phisher@Evil.Example.COM             | email",
            "D41D8CD98F00B204E9800998ECF8427E     | md5",
            "da39a3ee5e6b4b0d3255bfef95601890afd80709 | sha1",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 | sha256",
    })
    void aValueWrittenWithoutATypeIsOfTheOneTypeThatAcceptsIt(String written, String type) {
        assertThat(ItemType.recognised(written)).isEqualTo(ItemType.parse(type));
        assertThat(Arrays.stream(ItemType.values()).filter(candidate -> accepts(candidate, written)))
                .containsExactly(ItemType.parse(type));
    }

    @ParameterizedTest(name = "''{0}'' is of no type")
    @CsvSource(delimiter = '|', value = {
            "999.1.1.1        | is not a domain name",
            "localhost        | single label",
            "d41d8cd98f00b204 | single label",
    })
    void aValueOfNoTypeIsRefusedWithWhatTheDomainRuleFound(String written, String reason) {
        assertThatThrownBy(() -> ItemType.recognised(written))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("value"))
                .hasMessageStartingWith("'" + written + "' is not an IPv4 or IPv6 address, a URL, an e-mail address")
                .hasMessageContaining(reason);
    }

    private static boolean accepts(ItemType type, String written) {
        try {
            type.normalise(written);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    @Test
    void aSha256OfThirtyOneCharactersIsRefused() {
        assertThatThrownBy(() -> Item.normalised("sha256", "a".repeat(31), 50, "GREEN", null, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("a SHA-256 digest is 64 hexadecimal characters; '" + "a".repeat(31) + "' has 31");
    }

    @Test
    void unknownTypesAndMarkingsNameTheField() {
        assertThatThrownBy(() -> Item.normalised("ja3", "x", 50, "GREEN", null, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("type"))
                .hasMessageContaining("ipv4, ipv6, domain, url, md5, sha1, sha256, email");
        assertThatThrownBy(() -> Item.normalised("ipv4", "192.0.2.1", 50, "WHITE", null, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("tlp"))
                .hasMessageContaining("CLEAR, GREEN, AMBER, AMBER+STRICT, RED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"amber+strict", "TLP:AMBER+STRICT", "AMBER_STRICT", " RED", "RED\u0000", "Green"})
    void aMarkingNearlyRightIsRefusedNotGuessedAt(String marking) {
        assertThatThrownBy(() -> Tlp.parse(marking))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("tlp"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"IPV4", " ipv4", "ipv4\u0000", "Domain"})
    void aTypeNearlyRightIsRefusedNotGuessedAt(String type) {
        assertThatThrownBy(() -> ItemType.parse(type))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("type"));
    }

    @Test
    void markingsAndTypesAreReadAsTheyAreWritten() {
        assertThat(Tlp.parse("AMBER+STRICT")).isEqualTo(Tlp.AMBER_STRICT);
        assertThat(ItemType.parse("sha256")).isEqualTo(ItemType.SHA256);
    }

    @Test
    void confidenceSeenTimesAndTagsAreChecked() {
        assertThatThrownBy(() -> Item.normalised("ipv4", "192.0.2.1", 101, "GREEN", null, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("confidence"));
        assertThatThrownBy(() -> Item.normalised("ipv4", "192.0.2.1", 50, "GREEN", Instant.parse("2026-02-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"), null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("lastSeen"));
        assertThatThrownBy(() -> Item.normalised("ipv4", "192.0.2.1", 50, "GREEN", null, null, List.of(" ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("tags"));
        assertThat(Item.normalised("ipv4", "192.0.2.1", null, "GREEN", null, null, List.of("C2", " botnet", "c2")).tags())
                .containsExactly("botnet", "c2");
    }

    @Test
    void anEndOfValidityComesAfterTheFirstSightingAndWithinTheStorableYears() {
        Instant first = Instant.parse("2026-02-01T00:00:00Z");
        assertThatThrownBy(() -> Item.normalised("ipv4", "192.0.2.1", 50, "GREEN", first, null, null, first))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("validUntil"));
        assertThatThrownBy(() -> Item.normalised("ipv4", "192.0.2.1", 50, "GREEN", null, null, null,
                Instant.parse("+12026-01-01T00:00:00Z")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("validUntil"));
        assertThat(Item.normalised("ipv4", "192.0.2.1", 50, "GREEN", first, null, null, first.plusNanos(1500))
                .validUntil()).as("to the microsecond").isEqualTo(first.plusNanos(1000));
    }

    @Test
    void theSameItemHasTheSameIdentifierHoweverWritten() {
        Item one = Item.normalised("domain", "EVIL.example.com.", 10, "GREEN", null, null, null);
        Item other = Item.normalised("domain", "evil.example.com", 90, "RED", null, null, List.of("x"));
        assertThat(one.id()).isEqualTo(other.id()).hasToString(ItemIdentity.of(ItemType.DOMAIN, "evil.example.com")
                .toString());
        assertThat(one.id().version()).isEqualTo(5);
        assertThat(Item.normalised("url", "http://evil.example.com/", 10, "GREEN", null, null, null).id())
                .isNotEqualTo(one.id());
    }
}
