package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.kernel.SharingGroupHistory;
import org.reciprocity.core.registry.JdbcSharingGroups;
import org.reciprocity.core.sharing.SharingGroupFormed;
import org.reciprocity.core.sharing.SharingGroupMemberAdded;
import org.reciprocity.core.sharing.SharingGroupMemberRemoved;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.Participant;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sharing groups formed and changed over the API: the registry the exchange decides with answers, at every instant
 * before and after each change, as the auditor's replay of the same events does.
 */
class SharingGroupsTest extends H2ExchangeTest {

    private static final String PROBLEM = "urn:reciprocity-exchange:problem:";

    @Autowired
    EventStore events;
    @Autowired
    JdbcSharingGroups registry;

    @Test
    void theRegistryAnswersAsTheReplayOfTheSameEventsAtEveryInstant() {
        ExchangeClient api = exchange();
        // Firms register in financial-services, agencies in government-national, all in SG.
        Participant bankA = api.register("firm");
        Participant bankB = api.register("firm");
        Participant agency = api.register("agency");
        String banks = "banks-" + suffix();
        String named = "named-" + suffix();

        assertThat(form(api, banks, List.of("financial-services"), List.of("SG"), List.of()).status()).isEqualTo(201);
        Response formed = form(api, named, List.of(), List.of(), List.of(agency.id()));
        assertThat(formed.status()).isEqualTo(201);
        assertThat(formed.body().path("members").toString()).isEqualTo("[\"" + agency.id() + "\"]");

        assertThat(addMember(api, named, bankA.id()).status()).isEqualTo(200);
        Response again = addMember(api, named, bankA.id());
        assertThat(again.status()).as("naming a member again").isEqualTo(200);
        assertThat(again.body().path("members").size()).isEqualTo(2);
        assertThat(removeMember(api, named, agency.id()).status()).isEqualTo(200);
        assertThat(removeMember(api, named, agency.id()).status()).as("taking out one not named").isEqualTo(200);
        assertThat(addMember(api, named, agency.id()).status()).isEqualTo(200);
        assertThat(addMember(api, banks, bankB.id()).status()).as("named besides its terms").isEqualTo(200);
        assertThat(removeMember(api, banks, bankB.id()).status()).isEqualTo(200);

        List<Object> bankEvents = eventsOf(banks);
        List<Object> namedEvents = eventsOf(named);
        assertThat(namedEvents).as("no event for what changed nothing").hasSize(4);
        assertThat(bankEvents).hasSize(3);

        SharingGroupHistory history = new SharingGroupHistory();
        List<Instant> instants = new ArrayList<>();
        for (Object event : concat(bankEvents, namedEvents)) {
            instants.add(feed(history, event));
        }
        Set<String> ours = Set.of(banks, named);
        Map<Participant, String[]> who = Map.of(bankA, new String[]{"financial-services", "SG"},
                bankB, new String[]{"financial-services", "SG"}, agency, new String[]{"government-national", "SG"});
        for (Instant change : instants) {
            for (Instant at : probes(change)) {
                who.forEach((participant, profile) -> {
                    Set<String> recorded = new TreeSet<>(registry.groupsOf(participant.id(), profile[0], profile[1],
                            at));
                    recorded.retainAll(ours);
                    assertThat(recorded).as(participant.id() + " at " + at)
                            .isEqualTo(history.groupsOf(participant.id(), profile[0], profile[1], at));
                });
                assertThat(registry.unknownAmong(List.of(banks, named), at))
                        .isEqualTo(history.unknownAmong(List.of(banks, named), at));
            }
        }

        Instant addedA = ((SharingGroupMemberAdded) namedEvents.get(1)).addedAt();
        Instant removedAgency = ((SharingGroupMemberRemoved) namedEvents.get(2)).removedAt();
        Instant now = ((SharingGroupMemberRemoved) bankEvents.get(2)).removedAt().plusSeconds(1);
        assertThat(history.groupsOf(bankA.id(), "financial-services", "SG", addedA.minusNanos(1000)))
                .containsExactly(banks);
        assertThat(history.groupsOf(bankA.id(), "financial-services", "SG", now)).containsExactly(banks, named);
        assertThat(history.groupsOf(agency.id(), "government-national", "SG", removedAgency)).isEmpty();
        assertThat(history.groupsOf(agency.id(), "government-national", "SG", now)).containsExactly(named);
        assertThat(history.groupsOf(bankB.id(), "financial-services", "SG", now)).containsExactly(banks);
    }

    @Test
    void everyoneSeesTheGroupsAndWhetherItBelongsButOnlyOverseersSeeWhoIsNamed() {
        ExchangeClient api = exchange();
        Participant bank = api.register("firm");
        Participant agency = api.register("agency");
        Participant auditor = api.register("auditor");
        String banks = "banks-" + suffix();
        form(api, banks, List.of("financial-services"), List.of("SG"), List.of(agency.id()));

        JsonNode asBank = find(api.get("/api/sharing-groups", bank.apiKey()).body(), banks);
        assertThat(asBank.path("member").asBoolean()).isTrue();
        assertThat(asBank.path("sectors").toString()).isEqualTo("[\"financial-services\"]");
        assertThat(asBank.path("countries").toString()).isEqualTo("[\"SG\"]");
        assertThat(asBank.has("formedAt")).isTrue();
        assertThat(asBank.has("members")).as("who is named is for overseers").isFalse();
        assertThat(api.get("/api/sharing-groups/" + banks, agency.apiKey()).body().path("member").asBoolean())
                .as("named").isTrue();
        JsonNode asAuditor = api.get("/api/sharing-groups/" + banks, auditor.apiKey()).body();
        assertThat(asAuditor.path("member").asBoolean()).as("registered in financial-services in SG too").isTrue();
        assertThat(asAuditor.path("members").toString()).isEqualTo("[\"" + agency.id() + "\"]");
    }

    @Test
    void refusalsSayWhatIsWrongAndRecordNothing() {
        ExchangeClient api = exchange();
        Participant bank = api.register("firm");
        String group = "group-" + suffix();
        assertThat(form(api, group, List.of(), List.of("SG"), List.of()).status()).isEqualTo(201);

        Response taken = form(api, group, List.of(), List.of(), List.of());
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body().path("type").asText()).isEqualTo(PROBLEM + "sharing-group-exists");

        String other = "group-" + suffix();
        Response unknownMember = form(api, other, List.of(), List.of(), List.of(bank.id(), "nobody-" + suffix()));
        assertThat(unknownMember.status()).isEqualTo(400);
        assertThat(unknownMember.body().path("errors").get(0).path("field").asText()).isEqualTo("members[1]");
        assertThat(api.get("/api/sharing-groups/" + other, operatorKey()).status()).as("not formed").isEqualTo(404);
        assertThat(eventsOf(other)).isEmpty();

        Response badSector = form(api, other, List.of("banking"), List.of(), List.of());
        assertThat(badSector.body().path("errors").get(0).path("field").asText()).isEqualTo("sectors[0]");

        Response unknownParticipant = addMember(api, group, "nobody-" + suffix());
        assertThat(unknownParticipant.status()).isEqualTo(400);
        assertThat(unknownParticipant.body().path("errors").get(0).path("field").asText())
                .isEqualTo("participantId");

        assertThat(addMember(api, "no-such-group", bank.id()).status()).isEqualTo(404);
        assertThat(removeMember(api, "no-such-group", bank.id()).status()).isEqualTo(404);
        assertThat(api.get("/api/sharing-groups/no-such-group", bank.apiKey()).status()).isEqualTo(404);
        assertThat(eventsOf(group)).hasSize(1);
    }

    private Response form(ExchangeClient api, String id, List<String> sectors, List<String> countries,
                          List<String> members) {
        return api.post("/api/sharing-groups", operatorKey(), null, Map.of("id", id, "name", "Group " + id,
                "sectors", sectors, "countries", countries, "members", members));
    }

    private Response addMember(ExchangeClient api, String group, String participantId) {
        return api.post("/api/sharing-groups/" + group + "/members", operatorKey(), null,
                Map.of("participantId", participantId));
    }

    private Response removeMember(ExchangeClient api, String group, String participantId) {
        return api.send("DELETE", "/api/sharing-groups/" + group + "/members/" + participantId, operatorKey());
    }

    private List<Object> eventsOf(String groupId) {
        return events.readEvents(EventStreams.sharingGroup(groupId)).asStream()
                .map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
    }

    // The groups are independent, so each one's events in its own order are what the replay would read.
    private static List<Object> concat(List<Object> first, List<Object> second) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static Instant feed(SharingGroupHistory history, Object event) {
        if (event instanceof SharingGroupFormed formed) {
            history.formed(formed);
            return formed.formedAt();
        }
        if (event instanceof SharingGroupMemberAdded added) {
            history.added(added);
            return added.addedAt();
        }
        SharingGroupMemberRemoved removed = (SharingGroupMemberRemoved) event;
        history.removed(removed);
        return removed.removedAt();
    }

    // The registry keeps instants to the microsecond: a microsecond either side, and the instant itself when the
    // clock gave no finer one.
    private static Set<Instant> probes(Instant change) {
        Set<Instant> probes = new HashSet<>(List.of(change.minusNanos(1000), change.plusNanos(1000)));
        if (change.getNano() % 1000 == 0) {
            probes.add(change);
        }
        return probes;
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode group : list) {
            if (group.path("id").asText().equals(id)) {
                return group;
            }
        }
        throw new AssertionError("no group " + id + " in " + list);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
