package org.reciprocity.portal.misp;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.reciprocity.core.account.RequestKeys;
import org.reciprocity.core.event.FalsePositive;
import org.reciprocity.core.event.Sighting;
import org.reciprocity.core.feedback.FalsePositivesReceipt;
import org.reciprocity.core.feedback.ReportFalsePositives;
import org.reciprocity.core.feedback.ReportSightings;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.membership.PoolMemberships;
import org.reciprocity.portal.feedback.ReportedEntries;
import org.reciprocity.portal.idempotency.RequestKeyHeader;
import org.reciprocity.portal.problem.InvalidRequestException;
import org.reciprocity.portal.security.Member;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sightings as MISP sends them to {@code /sightings/add}: values seen (type 0) or found false (type 1), at a timestamp.
 * Each value's type is the one its text is of, as for a list of values contributed; the whole is one report of
 * sightings, or of false positives.
 */
@RestController
@Tag(name = "Feedback")
class MispSightingsController {

    // MISP's sighting types: 0 a sighting, 1 a false positive, 2 an expiration.
    private static final String SIGHTING = "0";
    private static final String FALSE_POSITIVE = "1";

    private final CommandGateway commands;
    private final PoolMemberships memberships;
    private final Clock clock;

    MispSightingsController(CommandGateway commands, PoolMemberships memberships, Clock clock) {
        this.commands = commands;
        this.memberships = memberships;
        this.clock = clock;
    }

    @PostMapping(path = "/misp/sightings/add", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report sightings or false positives as MISP sends them (firms and agencies)",
            description = "{\"values\": [...], \"type\": \"0\", \"timestamp\": <seconds>, \"source\": ...}, as "
                    + "MISP's /sightings/add takes them. Type 0: each value seen once at the timestamp (now when left "
                    + "out), answered as POST /api/sightings is. Type 1: each value reported as a false positive, "
                    + "with the source as its reason, answered as POST /api/false-positives is. The request key is "
                    + "the Idempotency-Key header, or else follows from the report: the same report sent again is "
                    + "counted once.")
    Object add(@AuthenticationPrincipal Member member,
               @Parameter(description = "the client's key; the report's own when left out")
               @RequestHeader(name = RequestKeyHeader.NAME, required = false) String requestKey,
               @RequestBody JsonNode body) {
        String type = body.path("type").asText(SIGHTING);
        if (FALSE_POSITIVE.equals(type)) {
            return falsePositives(member, requestKey, body);
        }
        if (!SIGHTING.equals(type)) {
            throw InvalidRequestException.of("type", "sightings (type 0) and false positives (type 1) are taken "
                    + "here; got type " + type);
        }
        Instant at = at(body);
        List<Sighting> sightings = sightings(body.path("values"), at);
        // Keyed by when the values were seen: one sent without a timestamp is seen now, each time it is sent.
        String key = requestKey != null ? requestKey : "misp-sighting:" + RequestKeys.fingerprint(
                at + "\n" + body.path("source").asText("") + "\n" + body.path("values"));
        return commands.sendAndWait(new ReportSightings(memberships.accountOf(member.participantId()),
                member.participantId(), key, sightings));
    }

    // MISP says who found the value false, not why: the source (or MISP itself) stands as the reason.
    private FalsePositivesReceipt falsePositives(Member member, String requestKey, JsonNode body) {
        String source = body.path("source").asText("").strip();
        String reason = "reported as a false positive in MISP" + (source.isEmpty() ? "" : " (" + source + ")");
        JsonNode values = body.path("values");
        List<String> reported = texts(values);
        List<FalsePositive> reports = ReportedEntries.read("values", reported, ReportFalsePositives.MAX_REPORTS,
                value -> new FalsePositive(ItemRef.normalised(ItemType.recognised(value).label(), value),
                        reason.length() > FalsePositive.MAX_REASON ? reason.substring(0, FalsePositive.MAX_REASON)
                                : reason));
        String key = requestKey != null ? requestKey : "misp-false-positive:" + RequestKeys.fingerprint(
                source + "\n" + values);
        return commands.sendAndWait(new ReportFalsePositives(memberships.accountOf(member.participantId()),
                member.participantId(), key, reports));
    }

    private Instant at(JsonNode body) {
        if (!body.has("timestamp") || body.get("timestamp").isNull()) {
            return clock.instant();
        }
        JsonNode timestamp = body.get("timestamp");
        if (!timestamp.canConvertToLong() && !timestamp.asText().matches("[0-9]{1,12}")) {
            throw InvalidRequestException.of("timestamp", "a timestamp is in seconds since 1970, as MISP writes it; "
                    + "got " + timestamp);
        }
        return Sighting.requirePast("timestamp", Instant.ofEpochSecond(timestamp.asLong()), clock.instant());
    }

    private static List<Sighting> sightings(JsonNode values, Instant at) {
        return ReportedEntries.read("values", texts(values), ReportSightings.MAX_SIGHTINGS,
                value -> Sighting.once(ItemRef.normalised(ItemType.recognised(value).label(), value), at));
    }

    private static List<String> texts(JsonNode values) {
        if (!values.isArray()) {
            throw InvalidRequestException.of("values", "the values are a list");
        }
        List<String> texts = new ArrayList<>(values.size());
        values.forEach(value -> texts.add(value.isTextual() ? value.asText().trim() : null));
        return texts;
    }
}
