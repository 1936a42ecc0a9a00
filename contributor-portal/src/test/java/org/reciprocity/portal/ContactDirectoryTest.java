package org.reciprocity.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.reciprocity.ledger.projection.ProjectionReplays;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.MovableClock;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.Projections;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The point-of-contact directory over HTTP on H2: each entry reaches whom its audience, marking and border reach, a
 * withheld entry is answered exactly as a missing one, and the operator sees whose entries have gone stale. Its own
 * database and a clock the test moves on.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(MovableClock.AsTheExchangesClock.class)
class ContactDirectoryTest {

    private static final String OPERATOR_KEY = "rx_operator-key-for-the-contact-directory-test";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:h2:mem:contact-directory;DB_CLOSE_DELAY=-1");
        properties.add("exchange.data-dir", () -> TestDatabases.dataDir("contact-directory"));
        properties.add("exchange.operator.initial-key", () -> OPERATOR_KEY);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ProjectionReplays projections;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    private ExchangeClient exchange;

    @BeforeEach
    void setUp() {
        exchange = ExchangeClient.over(mvc, () -> OPERATOR_KEY);
    }

    @AfterAll
    void realTime() {
        clock.reset();
    }

    @Test
    void anEntryForTheWholeExchangeIsSeenByEveryone() {
        Participant cert = register("agency", "SG");
        Participant bank = register("firm", "MY");
        Participant auditor = register("auditor", "SG");
        assertThat(publish(cert, contacts("SingCERT", null)).status()).isEqualTo(200);
        Projections.awaitCaughtUp(projections, ProjectionReplays.CONTACTS);

        for (String key : List.of(cert.apiKey(), bank.apiKey(), auditor.apiKey(), OPERATOR_KEY)) {
            Response entry = exchange.get("/api/participants/" + cert.id() + "/contacts", key);
            assertThat(entry.status()).as(entry.body().toString()).isEqualTo(200);
            assertThat(entry.body().path("team").asText()).isEqualTo("SingCERT");
            assertThat(entry.body().path("name").asText()).as("a directory names whose entry it is")
                    .isEqualTo("Test agency");
            assertThat(entry.body().path("tlp").asText()).isEqualTo("GREEN");
            assertThat(ids(exchange.get("/api/contacts", key))).contains(cert.id());
        }
        assertThat(exchange.get("/api/participants/" + cert.id() + "/contacts", bank.apiKey()).body()
                .has("audience")).as("a reader is not told who else reads the entry").isFalse();
        assertThat(exchange.get("/api/participants/" + cert.id() + "/contacts", cert.apiKey()).body()
                .path("audience").path("exchange").asBoolean()).isTrue();
    }

    @Test
    void anEntryForNamedParticipantsIsSeenByThemAlone() {
        Participant cert = register("agency", "SG");
        Participant named = register("agency", "MY");
        Participant other = register("firm", "SG");
        publish(cert, contacts("SingCERT", audience(false, List.of(), List.of(named.id()), null)));
        Projections.awaitCaughtUp(projections, ProjectionReplays.CONTACTS);

        assertThat(status(cert, named)).isEqualTo(200);
        assertThat(status(cert, other)).isEqualTo(404);
        assertThat(ids(exchange.get("/api/contacts", named.apiKey()))).contains(cert.id());
        assertThat(ids(exchange.get("/api/contacts", other.apiKey()))).doesNotContain(cert.id());
        assertThat(ids(exchange.get("/api/contacts", cert.apiKey()))).as("its own, always").contains(cert.id());
    }

    @Test
    void aBorderOfItsOwnCountryHidesAnEntryFromAnotherCountrysMember() {
        Participant cert = register("agency", "SG");
        Participant neighbour = register("agency", "SG");
        Participant abroad = register("agency", "MY");
        publish(cert, contacts("SingCERT", audience(true, List.of(), List.of(abroad.id()), "own-country")));
        Projections.awaitCaughtUp(projections, ProjectionReplays.CONTACTS);

        assertThat(status(cert, neighbour)).isEqualTo(200);
        assertThat(status(cert, abroad)).as("a border holds even for the named").isEqualTo(404);
        Response own = exchange.get("/api/participants/" + cert.id() + "/contacts", cert.apiKey());
        assertThat(own.body().path("audience").path("border").asText()).isEqualTo("own-country");
        assertThat(own.body().path("audience").path("countries").toString()).isEqualTo("[\"SG\"]");
    }

    @Test
    void aRedEntryForAGroupReachesItsNamedParticipantsAloneNotTheGroup() {
        Participant cert = register("agency", "SG");
        Participant inGroup = register("firm", "SG");
        Participant named = register("firm", "MY");
        String group = "finance-" + SEQUENCE.incrementAndGet();
        formGroup(group, inGroup.id());
        assertThat(publish(cert, withTlp(contacts("SingCERT", audience(false, List.of(group), List.of(named.id()),
                null)), "RED")).status()).isEqualTo(200);
        Projections.awaitCaughtUp(projections, ProjectionReplays.CONTACTS);

        assertThat(status(cert, named)).isEqualTo(200);
        assertThat(status(cert, inGroup)).isEqualTo(404);

        publish(cert, withTlp(contacts("SingCERT", audience(false, List.of(group), List.of(named.id()), null)),
                "AMBER"));
        Projections.awaitCaughtUp(projections, ProjectionReplays.CONTACTS);
        assertThat(status(cert, inGroup)).as("AMBER reaches the group").isEqualTo(200);
    }

    @Test
    void anEntryNotSharedIsAnsweredByteForByteAsOneThatDoesNotExist() throws Exception {
        Participant cert = register("agency", "SG");
        Participant named = register("agency", "MY");
        Participant outsider = register("firm", "SG");
        String path = "/api/participants/" + cert.id() + "/contacts";

        String missing = raw(path, outsider.apiKey());
        publish(cert, contacts("SingCERT", audience(false, List.of(), List.of(named.id()), null)));
        Projections.awaitCaughtUp(projections, ProjectionReplays.CONTACTS);
        String withheld = raw(path, outsider.apiKey());

        assertThat(status(cert, named)).isEqualTo(200);
        assertThat(missing).contains("not-found");
        assertThat(withheld).isEqualTo(missing);
        assertThat(raw("/api/participants/no-such-participant/contacts", outsider.apiKey()))
                .isEqualTo(missing.replace(cert.id(), "no-such-participant"));
    }

    @Test
    void onlyTheParticipantOrAnOperatorEditsItsEntry() {
        Participant cert = register("agency", "SG");
        Participant other = register("agency", "SG");
        Participant town = register("agency", "SG");
        String pool = "pool-" + town.id();
        assertThat(exchange.post("/api/pools", OPERATOR_KEY, null, Map.of("id", pool, "name", "Towns", "sector",
                "government-local", "country", "SG", "members", List.of(town.id()))).status()).isEqualTo(201);

        assertThat(exchange.put("/api/participants/" + cert.id() + "/contacts", other.apiKey(),
                json(contacts("Not theirs", null))).status()).isEqualTo(403);
        assertThat(exchange.put("/api/participants/" + pool + "/contacts", town.apiKey(),
                json(contacts("Towns CERT", null))).status()).as("a pool's member edits not the pool's").isEqualTo(403);
        assertThat(exchange.put("/api/participants/" + pool + "/contacts", OPERATOR_KEY,
                json(contacts("Towns CERT", null))).status()).isEqualTo(200);
        assertThat(exchange.post("/api/participants/" + cert.id() + "/contacts/confirmation", other.apiKey(), null,
                Map.of()).status()).isEqualTo(403);
        assertThat(exchange.post("/api/participants/" + cert.id() + "/contacts/confirmation", cert.apiKey(), null,
                Map.of()).status()).as("nothing published to confirm").isEqualTo(404);

        Map<String, Object> bad = contacts("SingCERT", null);
        bad.put("policyUrl", "http://cert.example.sg/policy");
        Response refused = publish(cert, bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("policyUrl");
        Response unknownGroup = publish(cert, contacts("SingCERT", audience(false, List.of("no-such-group"),
                List.of(), null)));
        assertThat(unknownGroup.status()).isEqualTo(400);
        assertThat(unknownGroup.body().path("errors").get(0).path("field").asText()).isEqualTo("audience.groups");
        Response unknownParticipant = publish(cert, contacts("SingCERT", audience(false, List.of(),
                List.of("no-such-participant"), null)));
        assertThat(unknownParticipant.body().path("errors").get(0).path("field").asText())
                .isEqualTo("audience.participants");
        Response redForNoOne = publish(cert, withTlp(contacts("SingCERT", null), "RED"));
        assertThat(redForNoOne.body().path("errors").get(0).path("field").asText()).isEqualTo("audience");
        Projections.awaitCaughtUp(projections, ProjectionReplays.CONTACTS);
        assertThat(status(cert, cert)).as("nothing was recorded").isEqualTo(404);
    }

    @Test
    void theOperatorSeesStaleEntriesUntilTheyAreConfirmed() {
        Participant fresh = register("agency", "SG");
        Participant idle = register("firm", "SG");
        Participant silent = register("firm", "MY");
        publish(idle, contacts("Bank CSIRT", null));
        Response first = publish(fresh, contacts("SingCERT", null));
        assertThat(first.body().path("published").asBoolean()).isTrue();

        clock.moveOn(Duration.ofDays(91));
        Response again = publish(fresh, contacts("SingCERT", null));
        assertThat(again.body().path("published").asBoolean()).as("the same again is a confirmation").isFalse();
        Projections.awaitCaughtUp(projections, ProjectionReplays.CONTACTS);

        Response stale = exchange.get("/api/contacts/stale", OPERATOR_KEY);
        assertThat(stale.status()).isEqualTo(200);
        Map<String, Long> days = new LinkedHashMap<>();
        stale.body().path("participants").forEach(entry -> days.put(entry.path("participantId").asText(),
                entry.path("daysSince").asLong()));
        assertThat(days).containsEntry(idle.id(), 91L).containsEntry(silent.id(), 91L).doesNotContainKey(fresh.id());

        Response confirmed = exchange.post("/api/participants/" + idle.id() + "/contacts/confirmation",
                idle.apiKey(), null, Map.of());
        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
        Projections.awaitCaughtUp(projections, ProjectionReplays.CONTACTS);
        assertThat(exchange.get("/api/contacts/stale", OPERATOR_KEY).body().findValuesAsText("participantId"))
                .doesNotContain(idle.id()).contains(silent.id());
        assertThat(exchange.get("/api/contacts/stale", idle.apiKey()).status()).isEqualTo(403);
        clock.reset();
    }

    @Test
    void theDirectoryIsRebuiltFromTheEventsAsItWas() {
        Participant cert = register("agency", "SG");
        publish(cert, contacts("SingCERT", audience(false, List.of(), List.of(), "asean")));
        exchange.post("/api/participants/" + cert.id() + "/contacts/confirmation", cert.apiKey(), null, Map.of());
        Projections.awaitCaughtUp(projections, ProjectionReplays.CONTACTS);
        List<Map<String, Object>> before = jdbc.queryForList("select * from contact_entry order by participant_id");

        jdbc.update("update contact_entry set email = 'attacker@example.net' where participant_id = ?", cert.id());
        jdbc.update("delete from contact_entry where participant_id <> ?", cert.id());
        assertThat(exchange.post("/api/operations/projections/contacts/replay", OPERATOR_KEY, null, Map.of())
                .status()).isEqualTo(202);
        Projections.awaitCaughtUp(projections, ProjectionReplays.CONTACTS);

        assertThat(jdbc.queryForList("select * from contact_entry order by participant_id")).isEqualTo(before);
    }

    private Participant register(String kind, String country) {
        String id = kind + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Response response = exchange.post("/api/participants", OPERATOR_KEY, null, Map.of("id", id, "kind", kind,
                "name", "Test " + kind, "sector", kind.equals("agency") ? "government-national"
                        : "financial-services", "country", country));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return new Participant(id, response.body().path("apiKey").asText());
    }

    private void formGroup(String group, String member) {
        OffsetDateTime formed = clock.instant().minusSeconds(60).atOffset(ZoneOffset.UTC);
        jdbc.update("insert into sharing_group (group_id, name, sectors, countries, formed_by, formed_at) "
                + "values (?, ?, '', '', 'operator', ?)", group, "Finance", formed);
        jdbc.update("insert into sharing_group_member (group_id, participant_id, added_at) values (?, ?, ?)", group,
                member, formed);
    }

    private Response publish(Participant participant, Map<String, Object> body) {
        return exchange.put("/api/participants/" + participant.id() + "/contacts", participant.apiKey(), json(body));
    }

    private int status(Participant owner, Participant reader) {
        return exchange.get("/api/participants/" + owner.id() + "/contacts", reader.apiKey()).status();
    }

    private String raw(String path, String apiKey) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey))
                .andReturn().getResponse().getContentAsString();
    }

    private static List<String> ids(Response directory) {
        assertThat(directory.status()).as(directory.body().toString()).isEqualTo(200);
        return directory.body().findValuesAsText("participantId");
    }

    private static Map<String, Object> contacts(String team, Map<String, Object> audience) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("team", team);
        body.put("email", "cert@example.sg");
        body.put("phone", "+65 6211 0000");
        body.put("hours", "24/7");
        body.put("policyUrl", "https://cert.example.sg/policy");
        if (audience != null) {
            body.put("audience", audience);
        }
        return body;
    }

    private static Map<String, Object> withTlp(Map<String, Object> body, String tlp) {
        body.put("tlp", tlp);
        return body;
    }

    private static Map<String, Object> audience(boolean exchange, List<String> groups, List<String> participants,
                                                String border) {
        Map<String, Object> audience = new LinkedHashMap<>();
        audience.put("exchange", exchange);
        audience.put("groups", groups);
        audience.put("participants", participants);
        if (border != null) {
            audience.put("border", border);
        }
        return audience;
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
