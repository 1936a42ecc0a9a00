package org.reciprocity.core.sharing;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.InvalidInputException;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharingGroupTest {

    private static final Instant FORMED_AT = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final Set<String> REGISTERED = Set.of("bank-a", "bank-b", "cert-sg");

    private static final SharingGroupFormed FORMED = new SharingGroupFormed("finance-sg", "Banks in Singapore",
            List.of("financial-services"), List.of("SG"), List.of("cert-sg"), "operator", FORMED_AT);

    private AggregateTestFixture<SharingGroup> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SharingGroup.class);
        fixture.registerInjectableResource((KnownParticipants) REGISTERED::contains);
    }

    @Test
    void anOperatorFormsAGroupByTermsAndNamedMembersAtTheExchangesTime() {
        fixture.givenCurrentTime(FORMED_AT)
                .when(new FormSharingGroup("finance-sg", " Banks in Singapore ", List.of("financial-services"),
                        List.of("SG"), List.of("cert-sg"), "operator"))
                .expectEvents(FORMED);
    }

    @Test
    void formingATakenIdIsRefused() {
        fixture.given(FORMED).andGivenCurrentTime(NOW)
                .when(new FormSharingGroup("finance-sg", "Another", List.of(), List.of(), List.of("bank-a"),
                        "operator"))
                .expectNoEvents()
                .expectException(SharingGroupExistsException.class);
    }

    @Test
    void anUnregisteredMemberIsRefusedByItsPlaceInTheList() {
        fixture.givenCurrentTime(NOW)
                .when(new FormSharingGroup("named", "Named", List.of(), List.of(), List.of("bank-a", "nobody"),
                        "operator"))
                .expectNoEvents()
                .expectExceptionMessage("no participant 'nobody' is registered")
                .expectException(field("members[1]"));
    }

    @Test
    void anUnregisteredParticipantIsNotAdded() {
        fixture.given(FORMED).andGivenCurrentTime(NOW)
                .when(new AddSharingGroupMember("finance-sg", "nobody", "operator"))
                .expectNoEvents()
                .expectException(field("participantId"));
    }

    @Test
    void aMemberIsAddedOnceAndRemovedOnce() {
        fixture.given(FORMED).andGivenCurrentTime(NOW)
                .when(new AddSharingGroupMember("finance-sg", "bank-a", "operator"))
                .expectEvents(new SharingGroupMemberAdded("finance-sg", "bank-a", "operator", NOW));
        fixture.given(FORMED).andGivenCurrentTime(NOW)
                .when(new AddSharingGroupMember("finance-sg", "cert-sg", "operator"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(FORMED).andGivenCurrentTime(NOW)
                .when(new RemoveSharingGroupMember("finance-sg", "cert-sg", "operator"))
                .expectEvents(new SharingGroupMemberRemoved("finance-sg", "cert-sg", "operator", NOW));
        fixture.given(FORMED, new SharingGroupMemberRemoved("finance-sg", "cert-sg", "operator", FORMED_AT))
                .andGivenCurrentTime(NOW)
                .when(new RemoveSharingGroupMember("finance-sg", "cert-sg", "operator"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(FORMED, new SharingGroupMemberRemoved("finance-sg", "cert-sg", "operator", FORMED_AT))
                .andGivenCurrentTime(NOW)
                .when(new AddSharingGroupMember("finance-sg", "cert-sg", "operator"))
                .expectEvents(new SharingGroupMemberAdded("finance-sg", "cert-sg", "operator", NOW));
    }

    @Test
    void termsAreKeptSortedOnceEach() {
        FormSharingGroup form = new FormSharingGroup("g", "G", List.of("telecommunications", "financial-services",
                "telecommunications"), List.of("SG", "MY", "SG"), null, "operator");

        assertThat(form.sectors()).containsExactly("financial-services", "telecommunications");
        assertThat(form.countries()).containsExactly("MY", "SG");
        assertThat(form.members()).isEmpty();
    }

    @Test
    void badInputIsRefusedByItsField() {
        assertField(() -> new FormSharingGroup("Finance SG", "G", null, null, null, "operator"), "id");
        assertField(() -> new FormSharingGroup("g", " ", null, null, null, "operator"), "name");
        assertField(() -> new FormSharingGroup("g", "x".repeat(201), null, null, null, "operator"), "name");
        assertField(() -> new FormSharingGroup("g", "G\u0000", null, null, null, "operator"), "name");
        assertField(() -> new FormSharingGroup("g", "G", List.of("banking"), null, null, "operator"), "sectors[0]");
        assertField(() -> new FormSharingGroup("g", "G", null, List.of("SG", "XX"), null, "operator"),
                "countries[1]");
        assertField(() -> new FormSharingGroup("g", "G", null, null, List.of("bank-a", "bank-a"), "operator"),
                "members[1]");
        assertField(() -> new FormSharingGroup("g", "G", null, null, List.of("Bank A"), "operator"), "members[0]");
        List<String> tooMany = IntStream.rangeClosed(0, FormSharingGroup.MAX_MEMBERS).mapToObj(i -> "m" + i).toList();
        assertField(() -> new FormSharingGroup("g", "G", null, null, tooMany, "operator"), "members");
        assertField(() -> new AddSharingGroupMember("g", "Bank A", "operator"), "participantId");
        assertField(() -> new RemoveSharingGroupMember("g", null, "operator"), "participantId");
    }

    private static Matcher<InvalidInputException> field(String field) {
        return new CustomTypeSafeMatcher<>("a refusal of " + field) {
            @Override
            protected boolean matchesSafely(InvalidInputException refusal) {
                return refusal.field().equals(field);
            }
        };
    }

    private static void assertField(Runnable command, String field) {
        assertThatThrownBy(command::run)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
