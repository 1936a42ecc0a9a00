package org.reciprocity.portal.pages;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** The API refused what a page asked of it: the page shows the problem as the API stated it. */
public class ApiRefusal extends RuntimeException {

    private final int status;
    private final transient JsonNode problem;

    ApiRefusal(int status, JsonNode problem) {
        super(problem.path("detail").asText(problem.path("title").asText("the exchange refused the request")));
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    public String title() {
        return problem.path("title").asText("Refused");
    }

    /** Each invalid field with what is wrong with it, as {@code field: message}. */
    public List<String> fieldErrors() {
        List<String> errors = new ArrayList<>();
        problem.path("errors").forEach(error -> errors.add(error.path("field").asText() + ": "
                + error.path("message").asText()));
        return errors;
    }

    public JsonNode problem() {
        return problem;
    }

    /** The key the session was opened with no longer works: revoked, or replaced by a new one. */
    boolean keyNoLongerWorks() {
        return status == 401;
    }

    /** The participant the session acts for was suspended: its key works for nothing until it is reinstated. */
    boolean participantSuspended() {
        return problem.path("type").asText().equals("urn:reciprocity-exchange:problem:participant-suspended");
    }
}
