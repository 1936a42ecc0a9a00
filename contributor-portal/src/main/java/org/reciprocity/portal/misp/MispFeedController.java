package org.reciprocity.portal.misp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reciprocity.portal.problem.NotFoundException;
import org.reciprocity.portal.security.Member;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The MISP feed: a MISP instance adds {@code <exchange>/misp/feed} as a feed of the "MISP Feed" format, with the
 * member's key in an {@code Authorization} header (see docs/taxii.md).
 */
@RestController
@Tag(name = "MISP feed", description = "The shared pool as a MISP feed (firms and agencies)")
class MispFeedController {

    private final MispFeed feed;

    MispFeedController(MispFeed feed) {
        this.feed = feed;
    }

    @GetMapping(path = "/misp/feed/manifest.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The feed's events, without their values: not charged")
    ObjectNode manifest(@AuthenticationPrincipal Member member) {
        return feed.manifest(member);
    }

    @GetMapping(path = "/misp/feed/{uuid}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One event: a withdrawal of its items, delivered whole or refused (409)")
    ObjectNode event(@AuthenticationPrincipal Member member, @PathVariable String uuid) {
        return feed.event(member, uuid).orElseThrow(() -> new NotFoundException("no event " + uuid + " in the feed: "
                + "its events are those manifest.json lists"));
    }

    @GetMapping(path = "/misp/feed/hashes.csv", produces = "text/csv")
    @Operation(summary = "md5(value),event uuid of each item you received or contributed: not charged")
    String hashes(@AuthenticationPrincipal Member member) {
        return feed.hashes(member);
    }
}
