package org.reciprocity.portal.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reciprocity.ledger.projection.DeadLetterPage;
import org.reciprocity.ledger.projection.DeadLetterRetry;
import org.reciprocity.ledger.projection.DeadLetterSummary;
import org.reciprocity.ledger.projection.DeadLetters;
import org.reciprocity.portal.problem.InvalidRequestException;
import org.reciprocity.portal.problem.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping(path = "/api/operations/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operations")
class DeadLetterController {

    private static final int MAX_LIMIT = 1000;

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "The projections that set aside the events they cannot handle, and how many each holds")
    List<DeadLetterSummary> summary() {
        return deadLetters.summary();
    }

    @GetMapping("/{group}")
    @Operation(summary = "The events a projection set aside: type, identifier, aggregate, cause, times",
            description = "Stream by stream, each stream's events in their order.")
    DeadLetterPage page(@PathVariable String group,
                        @Parameter(description = "skip this many") @RequestParam(defaultValue = "0") int offset,
                        @Parameter(description = "1 to " + MAX_LIMIT + "; 100 when left out")
                        @RequestParam(defaultValue = "100") int limit) {
        if (offset < 0) {
            throw InvalidRequestException.of("offset", "offset is 0 or more; got " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidRequestException.of("limit", "limit is 1 to " + MAX_LIMIT + "; got " + limit);
        }
        return deadLetters.page(group, offset, limit).orElseThrow(() -> noQueue(group));
    }

    @PostMapping("/{group}/retry")
    @Operation(summary = "Hand each stream a projection set aside to it again, once the cause is mended",
            description = "Each stream is tried once, on this node, before the answer: a stream that goes through "
                    + "leaves the queue; one that fails again stays, with its new cause.")
    DeadLetterRetry retry(@PathVariable String group) {
        return deadLetters.retry(group).orElseThrow(() -> noQueue(group));
    }

    private NotFoundException noQueue(String group) {
        return new NotFoundException("'" + group + "' sets no events aside: dead letters are kept by "
                + String.join(", ", deadLetters.summary().stream().map(DeadLetterSummary::group).toList())
                + "; the other projections stop on an event they cannot handle and retry it");
    }
}
