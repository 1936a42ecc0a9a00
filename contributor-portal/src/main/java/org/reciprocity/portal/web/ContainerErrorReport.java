package org.reciprocity.portal.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.reciprocity.portal.problem.ProblemType;
import org.reciprocity.portal.problem.Problems;
import org.springframework.http.HttpStatus;

import java.io.IOException;

/**
 * The answer to a request the servlet container refuses before the exchange sees it: a request line, header or path
 * it cannot parse, headers too large, a path too long. Tomcat's own answer is an HTML page; this one is the problem
 * (or TAXII error) every other refusal is. The detail is the exchange's own words: Tomcat's message may repeat the
 * refused header, and a header may hold a credential.
 */
public class ContainerErrorReport extends ErrorReportValve {

    private final Problems problems;

    ContainerErrorReport(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        HttpStatus status = HttpStatus.resolve(response.getStatus());
        if (status == null || !status.isError() || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            problems.write(request, response, Problems.of(status, ProblemType.forStatus(status),
                    detail(status, throwable)));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client went away, or the response was taken over meanwhile: there is no one left to answer.
        }
    }

    private static String detail(HttpStatus status, Throwable failure) {
        String cause = failure == null || failure.getMessage() == null ? "" : failure.getMessage();
        return switch (status.value()) {
            case 400 -> cause.contains("too large")
                    ? "the request's headers are larger than the exchange accepts; send fewer or shorter headers"
                    : "the request could not be read: its request line, a header or its path holds a character "
                    + "or sequence that is not allowed (a control character, an encoded '/' or NUL, a raw space)";
            case 408 -> "the request did not arrive in time; send it again";
            case 413 -> "the request is larger than the exchange accepts";
            case 414 -> "the request's path and query are longer than the exchange accepts";
            default -> status.is5xxServerError() ? "the exchange could not answer this request; send it again"
                    : status.getReasonPhrase();
        };
    }
}
