package org.reciprocity.portal.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.spring.JqwikSpringSupport;
import org.reciprocity.ledger.projection.ProjectionReplays;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.Projections;
import org.reciprocity.portal.support.RawHttp;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The exchange the fuzz runs against: one context for every fuzz class, on a real port (only a real socket shows what
 * the servlet container answers by itself), with a database of its own so that nothing another test left running
 * moves the store while a try is judged. Each try must be refused in the format of its path, and leave the event
 * store and every balance as they were.
 */
@JqwikSpringSupport
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class FuzzedExchange {

    static final String OPERATOR_KEY = "rx_operator-key-for-the-fuzz-suite-0001";
    /**
     * Tries per property in each build: each is a whole HTTP request and its check of the store, and the suite holds
     * some twenty properties, so this is what keeps the build's time. jqwik remembers a failing seed and tries it
     * first the next time.
     */
    static final int TRIES = 300;

    /**
     * What a malformed request may be refused with when its credentials are valid; for TAXII's add objects, whose
     * objects are each answered in its status, also the 202 of a status listing every object as a failure.
     */
    private static final Set<Integer> REFUSALS = Set.of(Defect.FAILED_IN_STATUS, 400, 404, 405, 406, 409, 413, 415,
            422);
    private static final int SHOWN_ANSWER_CHARACTERS = 1_500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static int port;
    private static JdbcTemplate jdbc;
    private static ProjectionReplays projections;
    private static Cast cast;
    private static Store last;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        TestDatabases.own(properties, "exchange_fuzz", OPERATOR_KEY);
        // Each fuzz class sends about a thousand requests as a few participants, many with a wrong key, from one
        // address: the limits would answer 429 to what the fuzz means to see refused for its own defects.
        properties.add("exchange.limits.requests-per-minute", () -> "off");
        properties.add("exchange.limits.failed-sign-ins-per-minute", () -> "off");
    }

    /**
     * The exchange, taken before each property: jqwik asks for a property's arbitraries before Spring injects the
     * test instance, and they need the port and the cast.
     */
    @BeforeProperty
    void exchangeRunning(@Autowired Environment environment, @Autowired JdbcTemplate database,
                         @Autowired ProjectionReplays replays) {
        synchronized (FuzzedExchange.class) {
            port = environment.getRequiredProperty("local.server.port", Integer.class);
            jdbc = database;
            projections = replays;
            if (cast == null) {
                Runnable settled = () -> Projections.awaitCaughtUp(projections);
                cast = Cast.gathered(ExchangeClient.over(URI.create("http://localhost:" + port), () -> OPERATOR_KEY),
                        settled);
                settled.run();
            }
        }
    }

    /** The participants and resources the valid requests name, registered once for all fuzz classes. */
    static Cast cast() {
        return cast;
    }

    /** The request each family starts from is one the exchange accepts: what the fuzz refuses is its defects'. */
    static JsonNode assertAccepted(Malformed valid) {
        RawHttp.Answer answer = new Wire(port).send(valid);
        Projections.awaitCaughtUp(projections);
        last = store();
        if (answer.status() >= 300) {
            throw new AssertionError("the valid request of a fuzz family is refused: " + valid + "answer: "
                    + answer.status() + " " + shown(answer.body()));
        }
        return json(answer.body());
    }

    /** What a GET answers, as JSON: for the valid requests that must name the exchange's state as it is now. */
    static JsonNode read(String path, String authorization) {
        return json(new Wire(port).send(new Malformed("read", "GET", path, List.of(
                new Malformed.Header("Authorization", authorization), new Malformed.Header("Accept", "application/json")),
                new byte[0], List.of())).body());
    }

    static void assertRefused(Malformed request) {
        Store before = last == null ? store() : last;
        RawHttp.Answer answer = new Wire(port).send(request);
        Store after = store();
        last = after;
        List<String> wrong = new ArrayList<>();
        judgeStatus(request, answer.status(), wrong);
        judgeFormat(request, answer, wrong);
        if (after.events() != before.events()) {
            wrong.add("the event store went from " + before.events() + " to " + after.events() + " events");
        }
        if (!after.balances().equals(before.balances())) {
            wrong.add("balances changed from [" + before.balances() + "] to [" + after.balances() + "]");
        }
        if (after.events() != before.events()) {
            // What was stored reaches the balances a moment later: the next try starts from where it has settled.
            Projections.awaitCaughtUp(projections);
            last = store();
        }
        if (!wrong.isEmpty()) {
            throw new AssertionError(String.join("; ", wrong) + "\nrequest:" + request + "answer: " + answer.status()
                    + " " + answer.contentType() + "\n  " + shown(answer.body()));
        }
    }

    private static void judgeStatus(Malformed request, int status, List<String> wrong) {
        Set<Integer> fitting = new TreeSet<>(request.fittingStatuses());
        if (!request.withWrongCredentials()) {
            fitting.retainAll(REFUSALS);
        }
        if (status >= 500) {
            wrong.add("the exchange failed with " + status);
        } else if (status < 400 && !fitting.contains(status)) {
            wrong.add("accepted with " + status);
        } else if ((status == 401 || status == 403) && !request.withWrongCredentials()) {
            wrong.add("refused with " + status + " though the credentials were valid and allowed");
        } else if (!fitting.contains(status)) {
            wrong.add("refused with " + status + " where " + fitting + " fit");
        }
    }

    private static void judgeFormat(Malformed request, RawHttp.Answer answer, List<String> wrong) {
        String contentType = answer.contentType();
        if (contentType != null && contentType.contains("html") || answer.body().stripLeading().startsWith("<")) {
            wrong.add("answered with an HTML page");
            return;
        }
        JsonNode body = json(answer.body());
        if (body == null || !body.isObject()) {
            wrong.add("the answer is not a JSON object");
            return;
        }
        if (answer.status() == Defect.FAILED_IN_STATUS) {
            judgeFailedStatus(request, body, wrong);
            return;
        }
        JsonNode errors;
        if (request.onTaxii() && !(request.requestLineUnreadable()
                && isMediaType(contentType, "application", "problem+json"))) {
            if (!isMediaType(contentType, "application", "taxii+json") || !"2.1".equals(version(contentType))) {
                wrong.add("a TAXII path answered " + contentType + ", not a TAXII 2.1 error message");
            }
            if (!body.path("title").isTextual() || !body.path("http_status").asText().equals(
                    String.valueOf(answer.status()))) {
                wrong.add("a TAXII error message has a title and its http_status");
            }
            errors = body.path("details").path("errors");
        } else {
            if (!isMediaType(contentType, "application", "problem+json")) {
                wrong.add("answered " + contentType + ", not application/problem+json");
            }
            if (!body.path("type").isTextual() || !body.path("title").isTextual()
                    || body.path("status").asInt() != answer.status() || body.path("detail").asText().isBlank()) {
                wrong.add("a problem has its type, title, status and detail");
            }
            errors = body.path("errors");
        }
        List<String> fields = request.fieldsAtFault();
        if (answer.status() == 400 && !fields.isEmpty() && !namesAnyOf(errors, fields)) {
            wrong.add("the refusal does not name " + String.join(" or ", fields) + " among its errors");
        }
    }

    /** A TAXII status that takes nothing: every object a failure, one of them naming a field at fault. */
    private static void judgeFailedStatus(Malformed request, JsonNode status, List<String> wrong) {
        if (!status.path("status").asText().equals("complete") || status.path("success_count").asInt() != 0
                || status.path("failure_count").asInt() < 1
                || status.path("failure_count").asInt() != status.path("total_count").asInt()) {
            wrong.add("a status that takes nothing is complete, with every object a failure");
        }
        List<String> fields = request.fieldsAtFault();
        boolean named = false;
        for (JsonNode failure : status.path("failures")) {
            String message = failure.path("message").asText();
            named |= fields.stream().anyMatch(field -> message.startsWith(field) || field.startsWith(
                    message.substring(0, Math.max(0, message.indexOf(':')))));
        }
        if (!fields.isEmpty() && !named) {
            wrong.add("no failure names " + String.join(" or ", fields));
        }
    }

    /**
     * Whether a refusal names a field at fault: the field itself, one inside it (a list's element), or the element
     * that holds it ({@code objects[0]} for a STIX object's property).
     */
    private static boolean namesAnyOf(JsonNode errors, List<String> fields) {
        for (JsonNode error : errors) {
            String named = error.path("field").asText();
            for (String field : fields) {
                if (named.equals(field) || named.startsWith(field + ".") || named.startsWith(field + "[")
                        || named.endsWith("]") && (field.startsWith(named + ".") || field.startsWith(named + "["))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isMediaType(String contentType, String type, String subtype) {
        try {
            MediaType media = MediaType.parseMediaType(contentType);
            return media.getType().equals(type) && media.getSubtype().equals(subtype);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String version(String contentType) {
        return MediaType.parseMediaType(contentType).getParameter("version");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static String shown(String body) {
        String visible = Malformed.visible(body);
        return visible.length() > SHOWN_ANSWER_CHARACTERS ? visible.substring(0, SHOWN_ANSWER_CHARACTERS) + "…"
                : visible;
    }

    private static Store store() {
        return jdbc.queryForObject("select (select count(*) from domain_event_entry), (select coalesce(string_agg("
                        + "account_id || '=' || balance || '/' || earned || '/' || granted || '/' || spent || '/' || "
                        + "expired || '/' || refusals, ',' order by account_id), '') from account_balance)",
                (row, number) -> new Store(row.getLong(1), row.getString(2)));
    }

    /** What a malformed request must leave as it was: the number of events, and every account's balance. */
    private record Store(long events, String balances) {
    }
}
