package org.reciprocity.portal.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reciprocity.ledger.projection.ProjectionReplays;
import org.reciprocity.ledger.projection.ProjectionStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping(path = "/api/operations/projections", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operations", description = "The read side's state, and rebuilding it from the events (operators only)")
class ProjectionController {

    private final ProjectionReplays replays;

    ProjectionController(ProjectionReplays replays) {
        this.replays = replays;
    }

    @GetMapping
    @Operation(summary = "How far each projection is behind the event store")
    List<ProjectionStatus> status() {
        return replays.status();
    }

    @PostMapping("/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild a projection from the start of the event store",
            description = "Answers at once; follow the progress with GET /api/operations/projections. On several "
                    + "nodes, stop the projection's processor on the others first.")
    ProjectionStatus replay(@PathVariable String name) {
        replays.replay(name);
        return replays.status(name);
    }
}
