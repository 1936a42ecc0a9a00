package org.reciprocity.core.kernel;

import org.junit.jupiter.api.Test;
import org.reciprocity.core.sharing.SharingGroupFormed;
import org.reciprocity.core.sharing.SharingGroupMemberAdded;
import org.reciprocity.core.sharing.SharingGroupMemberRemoved;
import org.reciprocity.core.sharing.SharingGroupTerms;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whom a sharing group takes in by its terms, and whom it named at each instant. */
class SharingGroupHistoryTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);

    @Test
    void termsTakeInBySectorAndCountryEachEmptyForAny() {
        SharingGroupTerms banksInSg = new SharingGroupTerms(List.of("financial-services"), List.of("SG"));
        assertThat(Audiences.takesIn(banksInSg, "financial-services", "SG")).isTrue();
        assertThat(Audiences.takesIn(banksInSg, "financial-services", "MY")).isFalse();
        assertThat(Audiences.takesIn(banksInSg, "telecommunications", "SG")).isFalse();

        SharingGroupTerms banksAnywhere = new SharingGroupTerms(List.of("financial-services", "insurance"), List.of());
        assertThat(Audiences.takesIn(banksAnywhere, "insurance", "NL")).isTrue();
        assertThat(Audiences.takesIn(banksAnywhere, "energy", "NL")).isFalse();

        SharingGroupTerms asean = new SharingGroupTerms(List.of(), List.of("MY", "SG"));
        assertThat(Audiences.takesIn(asean, "energy", "MY")).isTrue();
        assertThat(Audiences.takesIn(asean, "energy", "NL")).isFalse();

        assertThat(Audiences.takesIn(SharingGroupTerms.NAMED_ONLY, "energy", "MY")).as("named members alone")
                .isFalse();
    }

    @Test
    void aGroupCountsFromItsFormingAndANamedMemberForItsSpellsOnly() {
        SharingGroupHistory history = new SharingGroupHistory();
        history.formed(new SharingGroupFormed("banks-sg", "Banks in Singapore", List.of("financial-services"),
                List.of("SG"), List.of(), "operator", T0));
        history.formed(new SharingGroupFormed("named", "Named", List.of(), List.of(), List.of("cert-my"), "operator",
                T0));
        history.added(new SharingGroupMemberAdded("named", "telco-b", "operator", T1));
        history.removed(new SharingGroupMemberRemoved("named", "cert-my", "operator", T1));
        history.added(new SharingGroupMemberAdded("named", "cert-my", "operator", T2));

        Instant before = T0.minusNanos(1);
        assertThat(history.groupsOf("bank-a", "financial-services", "SG", before)).isEmpty();
        assertThat(history.groupsOf("bank-a", "financial-services", "SG", T0)).containsExactly("banks-sg");
        assertThat(history.groupsOf("bank-a", "financial-services", "MY", T2)).isEmpty();

        assertThat(history.groupsOf("cert-my", "government-national", "MY", before)).isEmpty();
        assertThat(history.groupsOf("cert-my", "government-national", "MY", T0)).containsExactly("named");
        assertThat(history.groupsOf("cert-my", "government-national", "MY", T1)).as("taken out at T1").isEmpty();
        assertThat(history.groupsOf("cert-my", "government-national", "MY", T2)).as("named again")
                .containsExactly("named");

        assertThat(history.groupsOf("telco-b", "telecommunications", "SG", T1.minusNanos(1))).isEmpty();
        assertThat(history.groupsOf("telco-b", "telecommunications", "SG", T1)).containsExactly("named");

        assertThat(history.groupsOf("bank-sg", "financial-services", "SG", T2)).containsExactly("banks-sg");
        history.added(new SharingGroupMemberAdded("named", "bank-sg", "operator", T2));
        assertThat(history.groupsOf("bank-sg", "financial-services", "SG", T2)).as("by terms and by name")
                .containsExactly("banks-sg", "named");
    }

    @Test
    void groupsNotYetFormedAreUnknown() {
        SharingGroupHistory history = new SharingGroupHistory();
        history.formed(new SharingGroupFormed("named", "Named", List.of(), List.of(), List.of("cert-my"), "operator",
                T1));

        assertThat(history.unknownAmong(List.of("named", "nope"), T0)).containsExactly("named", "nope");
        assertThat(history.unknownAmong(List.of("named", "nope"), T1)).containsExactly("nope");
    }
}
