package org.reciprocity.portal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.reciprocity.portal.problem.ProblemType;
import org.reciprocity.portal.problem.Problems;
import org.reciprocity.portal.taxii.Taxii;
import org.reciprocity.portal.taxii.TaxiiErrors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to a request the servlet container refuses before the exchange sees it: a request line, header or path
 * it cannot parse, headers too large, a path too long. Tomcat's own answer is an HTML page; this one is the problem
 * (or TAXII error) every other refusal is. The detail is the exchange's own words: Tomcat's message may repeat the
 * refused header, and a header may hold a credential.
 */
public class ContainerErrorReport extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        HttpStatus status = HttpStatus.resolve(response.getStatus());
        if (status == null || !status.isError() || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ProblemDetail problem = Problems.of(status, ProblemType.forStatus(status), detail(status, throwable));
        String path = request.getRequestURI();
        boolean taxii = Taxii.serves(path);
        try {
            response.setContentType(taxii ? Taxii.MEDIA_TYPE : MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(taxii ? TaxiiErrors.of(problem) : problemJson(problem)));
                response.finishResponse();
            }
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

    private static Map<String, Object> problemJson(ProblemDetail problem) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", problem.getType().toString());
        json.put("title", problem.getTitle());
        json.put("status", problem.getStatus());
        json.put("detail", problem.getDetail());
        return json;
    }
}
