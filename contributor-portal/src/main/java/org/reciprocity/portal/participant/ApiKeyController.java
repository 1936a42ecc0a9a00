package org.reciprocity.portal.participant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.reciprocity.core.participant.ApiKeys;
import org.reciprocity.core.participant.IssueApiKey;
import org.reciprocity.core.participant.ReissueApiKey;
import org.reciprocity.core.participant.RevokeApiKey;
import org.reciprocity.core.participant.UnknownApiKeyException;
import org.reciprocity.core.registry.ParticipantDirectory;
import org.reciprocity.portal.problem.NotFoundException;
import org.reciprocity.portal.security.Member;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A participant's keys by name, one per system or person, each issued, rotated and revoked alone (operators only, as
 * the single-key endpoints are). The key a participant is registered with is its {@value ApiKeys#DEFAULT_NAME} one.
 */
@RestController
@RequestMapping(path = "/api/participants/{participantId}/keys", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Participants")
class ApiKeyController {

    private final CommandGateway commands;
    private final ParticipantDirectory directory;
    private final Clock clock;

    ApiKeyController(CommandGateway commands, ParticipantDirectory directory, Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "List a participant's keys by name (operators only)",
            description = "Names, when each was issued and last rotated, and until when it works: never a key or "
                    + "its hash.")
    List<KeyView> list(@PathVariable String participantId) {
        requireRegistered(participantId);
        return directory.keys(participantId).stream().map(KeyView::of).toList();
    }

    @PostMapping
    @Operation(summary = "Issue a participant one more key, under a name of its own (operators only)",
            description = "Answers with the key, shown this once: the exchange keeps only its hash. A name one of "
                    + "its keys has already: 409 key-name-taken.")
    ResponseEntity<IssuedNamedKey> issue(@AuthenticationPrincipal Member operator,
                                         @PathVariable String participantId, @RequestBody KeyRequest request) {
        Instant expiresAt = request.expiry().expiry(clock);
        String name = ApiKeys.requireName(request.name());
        requireRegistered(participantId);
        String apiKey = ApiKeys.generate();
        commands.sendAndWait(new IssueApiKey(participantId, name, ApiKeys.hash(apiKey), expiresAt,
                operator.participantId()));
        return ResponseEntity.created(URI.create("/api/participants/" + participantId + "/keys/" + name))
                .body(new IssuedNamedKey(held(participantId, name), apiKey));
    }

    @PostMapping("/{keyName}/rotation")
    @Operation(summary = "Replace one of a participant's keys under the same name (operators only)",
            description = "As POST /api/participants/{id}/key does for the default key: without a body the old key "
                    + "stops at once; with expiresAt the new one stops then; with graceSeconds (up to a week) the "
                    + "old one keeps working that long beside the new.")
    IssuedNamedKey rotate(@AuthenticationPrincipal Member operator, @PathVariable String participantId,
                          @PathVariable String keyName, @RequestBody(required = false) KeyRotation rotation) {
        KeyRotation asked = rotation == null ? KeyRotation.AT_ONCE : rotation;
        Instant expiresAt = asked.expiry(clock);
        Instant previousKeyWorksUntil = asked.previousKeyWorksUntil(clock);
        requireKey(participantId, keyName);
        String apiKey = ApiKeys.generate();
        commands.sendAndWait(new ReissueApiKey(participantId, keyName, ApiKeys.hash(apiKey),
                operator.participantId(), expiresAt, previousKeyWorksUntil));
        return new IssuedNamedKey(held(participantId, keyName), apiKey);
    }

    @DeleteMapping("/{keyName}")
    @Operation(summary = "Revoke one of a participant's keys (operators only)",
            description = "It stops working at once, on every node; the participant's other keys keep working. "
                    + "An operator cannot revoke its own keys: another operator may.")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal Member operator, @PathVariable String participantId,
                                @PathVariable String keyName) {
        requireKey(participantId, keyName);
        commands.sendAndWait(new RevokeApiKey(participantId, keyName, operator.participantId()));
        return ResponseEntity.noContent().build();
    }

    private void requireRegistered(String participantId) {
        if (directory.find(participantId).isEmpty()) {
            throw new NotFoundException("no participant '" + participantId + "' is registered");
        }
    }

    // A name no key can have finds no key, and never reaches the participant's stream. Whether the participant holds
    // it is the participant's own decision, so that two requests racing are decided in its stream's order.
    private void requireKey(String participantId, String keyName) {
        requireRegistered(participantId);
        if (!ApiKeys.isName(keyName)) {
            throw new UnknownApiKeyException(participantId, keyName);
        }
    }

    private KeyView held(String participantId, String keyName) {
        return directory.keys(participantId).stream().filter(key -> key.name().equals(keyName)).findFirst()
                .map(KeyView::of).orElseThrow();
    }
}
