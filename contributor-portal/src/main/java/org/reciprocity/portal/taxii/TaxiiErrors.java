package org.reciprocity.portal.taxii;

import jakarta.servlet.RequestDispatcher;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every error the exchange answers on the TAXII server, as a TAXII error message rather than problem+json: the same
 * refusals (invalid STIX, over quota, not allowed) in the form TAXII clients read.
 */
@RestControllerAdvice
public class TaxiiErrors implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
                                  Class<? extends HttpMessageConverter<?>> selectedConverterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (!(body instanceof ProblemDetail problem) || !Taxii.serves(askedFor(request))) {
            return body;
        }
        response.getHeaders().setContentType(Taxii.MEDIA);
        return of(problem);
    }

    /** The path the client asked for: on the container's error page, the one that failed, not the page's own. */
    private static String askedFor(ServerHttpRequest request) {
        if (request instanceof ServletServerHttpRequest servlet
                && servlet.getServletRequest().getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed) {
            return failed;
        }
        return request.getURI().getPath();
    }

    /** A TAXII 2.1 error message with what the problem said: its title, detail, status, type and properties. */
    public static Map<String, Object> of(ProblemDetail problem) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("title", problem.getTitle());
        error.put("description", problem.getDetail());
        error.put("http_status", String.valueOf(problem.getStatus()));
        if (problem.getType() != null) {
            error.put("error_code", problem.getType().toString().replace("urn:reciprocity-exchange:problem:", ""));
            error.put("external_details", problem.getType().toString());
        }
        if (problem.getProperties() != null && !problem.getProperties().isEmpty()) {
            error.put("details", problem.getProperties());
            Object reference = problem.getProperties().get("reference");
            if (reference != null) {
                error.put("error_id", reference.toString());
            }
        }
        return error;
    }
}
