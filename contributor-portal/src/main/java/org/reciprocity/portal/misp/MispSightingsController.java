package org.reciprocity.portal.misp;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.reciprocity.core.account.RequestKeys;
import org.reciprocity.core.event.Sighting;
import org.reciprocity.core.feedback.ReportSightings;
import org.reciprocity.core.feedback.SightingsReceipt;
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
 * Sightings as MISP sends them to {@code /sightings/add}: values seen, of type 0 (a sighting), at a timestamp. Each
 * value's type is the one its text is of, as for a list of values contributed; the whole is one report of sightings.
 */
@RestController
@Tag(name = "Feedback")
class MispSightingsController {

    // MISP's sighting types: 0 a sighting, 1 a false positive, 2 an expiration.
    private static final String SIGHTING = "0";

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
    @Operation(summary = "Report sightings as MISP sends them (firms and agencies)",
            description = "{\"values\": [...], \"type\": \"0\", \"timestamp\": <seconds>, \"source\": ...}, as "
                    + "MISP's /sightings/add takes them: each value seen once at the timestamp (now when left out). "
                    + "The request key is the Idempotency-Key header, or else follows from the sightings: the same "
                    + "sightings sent again are counted once.")
    SightingsReceipt add(@AuthenticationPrincipal Member member,
                         @Parameter(description = "the client's key; the sightings' own when left out")
                         @RequestHeader(name = RequestKeyHeader.NAME, required = false) String requestKey,
                         @RequestBody JsonNode body) {
        String type = body.path("type").asText(SIGHTING);
        if (!SIGHTING.equals(type)) {
            throw InvalidRequestException.of("type", "only sightings (type 0) are taken here; got type " + type);
        }
        Instant at = at(body);
        List<Sighting> sightings = sightings(body.path("values"), at);
        // Keyed by when the values were seen: one sent without a timestamp is seen now, each time it is sent.
        String key = requestKey != null ? requestKey : "misp-sighting:" + RequestKeys.fingerprint(
                at + "\n" + body.path("source").asText("") + "\n" + body.path("values"));
        return commands.sendAndWait(new ReportSightings(memberships.accountOf(member.participantId()),
                member.participantId(), key, sightings));
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
        if (!values.isArray()) {
            throw InvalidRequestException.of("values", "the values seen are a list");
        }
        List<String> seen = new ArrayList<>(values.size());
        values.forEach(value -> seen.add(value.isTextual() ? value.asText().trim() : null));
        return ReportedEntries.read("values", seen, ReportSightings.MAX_SIGHTINGS,
                value -> Sighting.once(ItemRef.normalised(ItemType.recognised(value).label(), value), at));
    }
}
