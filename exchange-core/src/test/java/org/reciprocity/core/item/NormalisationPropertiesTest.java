package org.reciprocity.core.item;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Canonical text is a fixed point: normalising it again changes nothing, so replays and retries agree. */
class NormalisationPropertiesTest {

    @Property
    void ipv4IsItsOwnCanonicalForm(@ForAll @IntRange(max = 255) int a, @ForAll @IntRange(max = 255) int b,
                                   @ForAll @IntRange(max = 255) int c, @ForAll @IntRange(max = 255) int d) {
        String written = a + "." + b + "." + c + "." + d;
        assertThat(ItemType.IPV4.normalise(written)).isEqualTo(written);
    }

    @Property
    void ipv6NormalisesToAFixedPointWhateverTheCaseAndPadding(@ForAll("ipv6Groups") int[] groups,
                                                              @ForAll boolean upper, @ForAll boolean padded) {
        StringBuilder written = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            String hex = padded ? String.format("%04x", groups[i]) : Integer.toHexString(groups[i]);
            written.append(i == 0 ? "" : ":").append(upper ? hex.toUpperCase(Locale.ROOT) : hex);
        }
        String canonical = ItemType.IPV6.normalise(written.toString());
        assertThat(ItemType.IPV6.normalise(canonical)).isEqualTo(canonical);
        assertThat(canonical).isEqualTo(canonical.toLowerCase(Locale.ROOT)).doesNotContain(":::");
    }

    @Property
    void domainsNormaliseToAFixedPoint(@ForAll("domains") String domain, @ForAll boolean upper,
                                       @ForAll boolean trailingDot) {
        String written = (upper ? domain.toUpperCase(Locale.ROOT) : domain) + (trailingDot ? "." : "");
        String canonical = ItemType.DOMAIN.normalise(written);
        assertThat(canonical).isEqualTo(domain);
        assertThat(ItemType.DOMAIN.normalise(canonical)).isEqualTo(canonical);
    }

    @Provide
    Arbitrary<int[]> ipv6Groups() {
        // Mostly zeros, so that runs to compress are common: the case most implementations get wrong.
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, Arbitraries.just(0)),
                        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(1, 0xffff)))
                .array(int[].class).ofSize(8)
                .filter(groups -> !(groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0
                        && groups[4] == 0 && groups[5] == 0xffff));
    }

    @Provide
    Arbitrary<String> domains() {
        Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1)
                .ofMaxLength(20).filter(l -> Character.isLetter(l.charAt(0)));
        Arbitrary<String> tld = Arbitraries.of("com", "net", "sg", "my", "example", "org");
        return label.list().ofMinSize(1).ofMaxSize(3)
                .flatMap(labels -> tld.map(t -> String.join(".", labels) + "." + t));
    }
}
