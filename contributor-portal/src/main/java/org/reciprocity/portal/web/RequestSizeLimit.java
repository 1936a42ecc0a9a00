package org.reciprocity.portal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.reciprocity.portal.problem.ProblemType;
import org.reciprocity.portal.problem.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses a body larger than the largest batch could honestly be, before it is read into memory. A declared length
 * is checked at once; a body sent without one (chunked) is counted as it is read, and reading stops at the limit.
 * The item limit is checked later; this guards the heap.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimit extends OncePerRequestFilter {

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
            problems.write(request, response, ProblemType.PAYLOAD_TOO_LARGE,
                    new TooLarge(maxBytes).getMessage());
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Counted(request, maxBytes) : request, response);
    }

    /** A body that turned out larger than the limit while it was being read. */
    public static class TooLarge extends IOException {

        TooLarge(long maxBytes) {
            super("the body is larger than the " + maxBytes + " bytes accepted: split the batch");
        }
    }

    private static final class Counted extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream counted;

        Counted(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new CountingStream(super.getInputStream(), maxBytes);
            }
            return counted;
        }
    }

    private static final class CountingStream extends WatchedBody {

        private final long maxBytes;
        private long read;

        CountingStream(ServletInputStream body, long maxBytes) {
            super(body);
            this.maxBytes = maxBytes;
        }

        @Override
        void passed(byte[] bytes, int offset, int length) throws TooLarge {
            read += length;
            if (read > maxBytes) {
                throw new TooLarge(maxBytes);
            }
        }
    }
}
