package org.reciprocity.portal.limits;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.reciprocity.portal.problem.ProblemType;
import org.reciprocity.portal.problem.Problems;
import org.reciprocity.portal.web.LoopbackConnector;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The exchange's limits: so many requests a minute for each participant, counted once its key is recognised, and so
 * many failed authentications a minute from each address, API keys and portal sign-ins alike, beyond which no key
 * from that address is checked until the allowance comes back. The security filter chains place the filters.
 */
@Component
@EnableConfigurationProperties(LimitSettings.class)
public class Limits {

    private final Allowance requests;
    private final Allowance failures;
    private final Problems problems;
    private final LoopbackConnector loopback;

    Limits(LimitSettings settings, Problems problems, LoopbackConnector loopback) {
        this.requests = new Allowance(settings.requestsPerMinute());
        this.failures = new Allowance(settings.failedSignInsPerMinute());
        this.problems = problems;
        this.loopback = loopback;
    }

    /** For the API, once the key is checked: each request takes one of its participant's allowance. */
    public Filter requestsOfEachParticipant() {
        return new ParticipantRequests();
    }

    /** For the API, before the key is checked: a key from an address over its failures is not looked at. */
    public Filter authenticationsFromEachAddress() {
        return new ApiAuthentications();
    }

    /**
     * For the portal, before the sign-in form is checked: a person at an address over its failures is sent to
     * {@code limitedPage}, which says why, and the key is not looked at.
     */
    public Filter signInsFromEachAddress(String signInPath, String limitedPage) {
        return new SignIns(signInPath, limitedPage);
    }

    /**
     * An authentication from the request's address failed. Not the portal's own calls: they carry keys checked when
     * their person signed in (where failures count, from the person's address), and a key reissued or revoked
     * since fails once and ends that session; counted against the loopback address, a wave of rotations would lock
     * every signed-in person out of every page.
     */
    public void failed(HttpServletRequest request) {
        if (!loopback.received(request)) {
            failures.take(address(request));
        }
    }

    @Scheduled(fixedDelay = 1, timeUnit = TimeUnit.MINUTES)
    void forgetRefilled() {
        requests.forgetRefilled();
        failures.forgetRefilled();
    }

    /** As the servlet container sees it: a proxy's forwarded headers are the container's to apply. */
    private static String address(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    /** Whole seconds, rounded up: a client that waits that long finds the use back. */
    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long seconds, String detail)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(request, response, ProblemType.RATE_LIMITED, detail);
    }

    private static String secondsText(long seconds) {
        return seconds + (seconds == 1 ? " second" : " seconds");
    }

    private final class ParticipantRequests extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            if (who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken)) {
                Optional<Duration> wait = requests.take(who.getName());
                if (wait.isPresent()) {
                    long seconds = seconds(wait.get());
                    refuse(request, response, seconds, "'" + who.getName() + "' has made the "
                            + requests.perMinute() + " requests a minute it may make: retry after "
                            + secondsText(seconds) + " (Retry-After); the allowance comes back evenly through the "
                            + "minute, so requests spread over it are not refused");
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }

    private final class ApiAuthentications extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Optional<Duration> wait = request.getHeader(HttpHeaders.AUTHORIZATION) == null || loopback.received(request)
                    ? Optional.empty() : failures.waitFor(address(request));
            if (wait.isPresent()) {
                long seconds = seconds(wait.get());
                refuse(request, response, seconds, "this address has failed to authenticate "
                        + failures.perMinute() + " times within a minute: no key sent from it is checked for "
                        + secondsText(seconds) + " (Retry-After); make sure of the key before sending it again");
                return;
            }
            chain.doFilter(request, response);
        }
    }

    private final class SignIns extends OncePerRequestFilter {

        private final String signInPath;
        private final String limitedPage;

        SignIns(String signInPath, String limitedPage) {
            this.signInPath = signInPath;
            this.limitedPage = limitedPage;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (HttpMethod.POST.matches(request.getMethod()) && signInPath.equals(request.getServletPath())) {
                Optional<Duration> wait = failures.waitFor(address(request));
                if (wait.isPresent()) {
                    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds(wait.get())));
                    response.sendRedirect(request.getContextPath() + limitedPage);
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }
}
