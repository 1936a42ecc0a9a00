package org.reciprocity.core.participant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.membership.FormPool;
import org.reciprocity.core.membership.JoinPool;
import org.reciprocity.core.membership.LeavePool;
import org.reciprocity.core.membership.MemberJoinedPool;
import org.reciprocity.core.membership.MemberLeftPool;
import org.reciprocity.core.membership.MembershipRefusedException;
import org.reciprocity.core.testing.InMemoryMemberships;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoolTest {

    private final ParticipantProfile pool = new ParticipantProfile("pool-west", ParticipantKind.POOL,
            "Western municipalities", "government-local", "MY");
    private final ParticipantRegistered formed = new ParticipantRegistered("pool-west", ParticipantKind.POOL,
            "Western municipalities", "government-local", "MY", null, "operator");

    private AggregateTestFixture<Participant> fixture;
    private InMemoryMemberships memberships;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Participant.class);
        memberships = new InMemoryMemberships();
        fixture.registerInjectableResource(memberships);
    }

    @Test
    void anOperatorFormsAPoolWithItsMembers() {
        fixture.givenNoPriorActivity()
                .when(new FormPool(pool, List.of("town-a", "town-b"), "operator"))
                .expectEvents(formed, new MemberJoinedPool("pool-west", "town-a", "operator"),
                        new MemberJoinedPool("pool-west", "town-b", "operator"));
    }

    @Test
    void aPoolWithoutMembersOrWithItselfAsMemberIsRefused() {
        assertThatThrownBy(() -> new FormPool(pool, List.of(), "operator"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("members"));
        assertThatThrownBy(() -> new FormPool(pool, List.of("town-a", "town-a"), "operator"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new FormPool(pool, List.of("pool-west"), "operator"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aParticipantBelongsToOnePoolAtMost() {
        memberships.joined(new MemberJoinedPool("pool-east", "town-a", "operator"));
        fixture.givenNoPriorActivity()
                .when(new FormPool(pool, List.of("town-b", "town-a"), "operator"))
                .expectNoEvents()
                .expectException(MembershipRefusedException.class)
                .expectExceptionMessage("'town-a' is a member of pool 'pool-east' already: a participant belongs "
                        + "to one pool at most");
        fixture.given(formed, new MemberJoinedPool("pool-west", "town-b", "operator"))
                .when(new JoinPool("pool-west", "town-a", "operator"))
                .expectNoEvents()
                .expectException(MembershipRefusedException.class);
    }

    @Test
    void membersJoinAndLeaveButThePoolKeepsOne() {
        fixture.given(formed, new MemberJoinedPool("pool-west", "town-a", "operator"))
                .when(new JoinPool("pool-west", "town-b", "operator"))
                .expectEvents(new MemberJoinedPool("pool-west", "town-b", "operator"));
        fixture.given(formed, new MemberJoinedPool("pool-west", "town-a", "operator"),
                        new MemberJoinedPool("pool-west", "town-b", "operator"))
                .when(new LeavePool("pool-west", "town-a", "operator"))
                .expectEvents(new MemberLeftPool("pool-west", "town-a", "operator"));
        fixture.given(formed, new MemberJoinedPool("pool-west", "town-a", "operator"))
                .when(new LeavePool("pool-west", "town-a", "operator"))
                .expectNoEvents()
                .expectException(MembershipRefusedException.class);
        fixture.given(formed, new MemberJoinedPool("pool-west", "town-a", "operator"))
                .when(new LeavePool("pool-west", "town-z", "operator"))
                .expectNoEvents()
                .expectException(MembershipRefusedException.class);
    }

    @Test
    void onlyAPoolTakesMembers() {
        fixture.given(new ParticipantRegistered("bank-a", ParticipantKind.FIRM, "Bank A", "financial-services", "SG",
                        "hash", "operator"))
                .when(new JoinPool("bank-a", "town-a", "operator"))
                .expectNoEvents()
                .expectException(MembershipRefusedException.class);
    }

    @Test
    void aPoolHasNoKey() {
        fixture.given(formed, new MemberJoinedPool("pool-west", "town-a", "operator"))
                .when(new ReissueApiKey("pool-west", "default", "hash", "operator", null, null))
                .expectNoEvents()
                .expectException(MembershipRefusedException.class);
    }

    @Test
    void aPoolHasNoKeyToRevoke() {
        fixture.given(formed, new MemberJoinedPool("pool-west", "town-a", "operator"))
                .when(new RevokeApiKey("pool-west", "default", "operator"))
                .expectNoEvents()
                .expectException(MembershipRefusedException.class);
    }

    @Test
    void aPoolIsFormedWithItsMembersNotRegisteredAlone() {
        fixture.givenNoPriorActivity()
                .when(new RegisterParticipant(pool, "hash", "operator"))
                .expectNoEvents()
                .expectException(MembershipRefusedException.class);
    }
}
