package org.reciprocity.portal.problem;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error page answers what a filter threw as the API's handlers answer it, an error that is no exception too:
 * the container's own line for it is off, so the page is where it is logged and given a reference.
 */
class ProblemErrorControllerTest {

    private final ProblemErrorController page = new ProblemErrorController(new ProblemHandler());

    @Test
    void anErrorAFilterThrewIsAFaultWithAReference() {
        MockHttpServletRequest request = failed(new StackOverflowError("a filter recursed"));

        ResponseEntity<?> answer = (ResponseEntity<?>) page.error(request);

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getProperties()).containsKey("reference");
        assertThat(problem.getInstance()).hasToString("/api/me");
    }

    @Test
    void anExceptionAFilterThrewIsJudgedAsTheHandlersJudgeIt() {
        MockHttpServletRequest request = failed(new IllegalStateException("no key store"));

        ResponseEntity<?> answer = (ResponseEntity<?>) page.error(request);

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(((ProblemDetail) answer.getBody()).getDetail()).contains("reference");
    }

    private static MockHttpServletRequest failed(Throwable failure) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, failure);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/me");
        return request;
    }
}
