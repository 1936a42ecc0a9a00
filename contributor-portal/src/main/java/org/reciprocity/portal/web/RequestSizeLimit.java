package org.reciprocity.portal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.reciprocity.portal.problem.ProblemType;
import org.reciprocity.portal.problem.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses a body larger than the largest batch could honestly be before anything reads it into memory. The item
 * limit is checked later; this guards the heap.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final Problems problems;

    RequestSizeLimit(@Value("${exchange.http.max-request-size}") DataSize maxRequestSize, Problems problems) {
        this.maxBytes = maxRequestSize.toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE,
                    "the body has " + request.getContentLengthLong() + " bytes; at most " + maxBytes
                            + " are accepted: split the batch");
            return;
        }
        chain.doFilter(request, response);
    }
}
