package org.reciprocity.core.kernel;

import org.junit.jupiter.api.Test;
import org.reciprocity.core.context.ContextObject;
import org.reciprocity.core.event.ContextRule;
import org.reciprocity.core.event.ContextRuling;
import org.reciprocity.core.item.Tlp;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which context objects a contribution adds: an object is its first sender's, and only its owner versions it. */
class ContextAdmissionTest {

    private static final Instant V1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant V2 = Instant.parse("2026-11-02T00:00:00Z");
    private static final ContextFacts NONE = new ContextFacts(Map.of());
    private static final String REPORT = "report--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061";

    @Test
    void aNewIdIsItsSendersAndANewVersionOnlyItsOwners() {
        ContextFacts held = facts("bank-a", V1);
        assertThat(rules(List.of(report(V1)), "bank-b", NONE)).containsExactly(ContextRule.NEW);
        assertThat(rules(List.of(report(V2)), "bank-a", held)).containsExactly(ContextRule.NEW_VERSION);
        assertThat(rules(List.of(report(V1)), "bank-b", held)).as("passed on as received")
                .containsExactly(ContextRule.SAME_VERSION);
        assertThat(rules(List.of(report(V2)), "bank-b", held)).containsExactly(ContextRule.ANOTHERS_OBJECT);
    }

    @Test
    void aContributionMayCarrySeveralVersionsAndRepeatsCountOnce() {
        List<ContextRuling> rulings = ContextAdmission.rulings(List.of(report(V1), report(V2), report(V1)), "bank-a",
                NONE);
        assertThat(rulings).extracting(ContextRuling::rule).containsExactly(ContextRule.NEW, ContextRule.NEW_VERSION);
        // Another's first version in the same contribution makes the second another's too.
        assertThat(rules(List.of(report(V2)), "bank-b", facts("bank-a", V1)))
                .containsExactly(ContextRule.ANOTHERS_OBJECT);
    }

    @Test
    void onlyWhatIsAddedKeepsItsContent() {
        List<ContextRuling> rulings = ContextAdmission.rulings(List.of(report(V1), report(V2)), "bank-b",
                facts("bank-a", V1));
        assertThat(rulings).extracting(ruling -> ruling.object().content()).containsOnlyNulls();
        assertThat(ContextAdmission.rulings(List.of(report(V1)), "bank-b", NONE).get(0).object()
                .content()).isNotNull();
    }

    @Test
    void anObservableHasOneVersion() {
        ContextObject address = new ContextObject("ipv4-addr--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0062", "ipv4-addr", null,
                Tlp.GREEN, List.of(), List.of(), List.of(), "{}");
        Set<Instant> unversioned = new HashSet<>();
        unversioned.add(null);
        ContextFacts held = new ContextFacts(Map.of(address.id(), new ObjectFacts("bank-a", unversioned)));
        assertThat(ContextAdmission.rulings(List.of(address), "bank-b", held)).extracting(ContextRuling::rule)
                .containsExactly(ContextRule.SAME_VERSION);
    }

    private static List<ContextRule> rules(List<ContextObject> sent, String contributor, ContextFacts facts) {
        return ContextAdmission.rulings(sent, contributor, facts).stream().map(ContextRuling::rule).toList();
    }

    private static ContextFacts facts(String owner, Instant version) {
        return new ContextFacts(Map.of(REPORT, new ObjectFacts(owner, Set.of(version))));
    }

    private static ContextObject report(Instant version) {
        return new ContextObject(REPORT, "report", version, Tlp.GREEN, List.of(), List.of(), List.of(),
                "{\"type\":\"report\"}");
    }
}
