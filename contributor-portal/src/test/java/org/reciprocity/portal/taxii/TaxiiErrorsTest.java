package org.reciprocity.portal.taxii;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which answers become TAXII error messages: those to requests for the TAXII server, however they are answered. */
class TaxiiErrorsTest {

    private final TaxiiErrors errors = new TaxiiErrors();

    @Test
    void aProblemOnTheContainersErrorPageForATaxiiRequestIsATaxiiError() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/taxii2/pool/");

        assertThat(answer(request)).isInstanceOfSatisfying(Map.class,
                error -> assertThat(error).containsEntry("http_status", "400"));
    }

    @Test
    void aProblemOnTheContainersErrorPageForAnApiRequestStaysAProblem() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/me");

        assertThat(answer(request)).isInstanceOf(ProblemDetail.class);
    }

    private Object answer(MockHttpServletRequest request) {
        return errors.beforeBodyWrite(ProblemDetail.forStatus(HttpStatus.BAD_REQUEST), null,
                MediaType.APPLICATION_PROBLEM_JSON, null, new ServletServerHttpRequest(request),
                new ServletServerHttpResponse(new MockHttpServletResponse()));
    }
}
