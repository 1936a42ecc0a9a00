package org.reciprocity.portal.security;

import jakarta.servlet.DispatcherType;
import org.reciprocity.core.registry.ParticipantDirectory;
import org.reciprocity.portal.limits.Limits;
import org.reciprocity.portal.problem.ProblemType;
import org.reciprocity.portal.problem.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.time.Clock;

/**
 * Every API call is authenticated by an API key and authorised by the kind of participant it belongs to. Open
 * without a key: the liveness and readiness probes, and the API's own description (OpenAPI and Swagger UI), which
 * hold no data. Whether a participant acts only as itself is checked where the participant is named (see
 * {@code AccountController}).
 */
@Configuration(proxyBeanMethods = false)
// Only a web server has requests to secure: not the audit command line.
@ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ParticipantDirectory directory, Clock clock, Problems problems,
                            UnservedRequests unserved, Limits limits) throws Exception {
        AuthenticationFilter apiKeys = new AuthenticationFilter(
                new ProviderManager(new ApiKeyAuthenticationProvider(directory, clock)),
                new ApiKeyCredentialsConverter());
        apiKeys.setSuccessHandler((request, response, authentication) -> {
            // Carry on down the chain to the API itself; nothing to redirect to.
        });
        // A suspended participant's key is known, so it is told why it is refused (403) rather than challenged (401),
        // and it is no guess to count against its address.
        apiKeys.setFailureHandler((request, response, failure) -> {
            boolean suspended = failure instanceof LockedException;
            if (!suspended) {
                limits.failed(request);
            }
            problems.write(request, response, suspended ? ProblemType.PARTICIPANT_SUSPENDED
                    : ProblemType.UNAUTHENTICATED, failure.getMessage());
        });
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(apiKeys, AuthorizationFilter.class)
                // Before any filter that checks a key; and once the rules let a request through, its participant is
                // known and it takes one of its allowance.
                .addFilterBefore(limits.authenticationsFromEachAddress(), AuthenticationFilter.class)
                .addFilterAfter(limits.requestsOfEachParticipant(), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // The servlet container's own error page, for failures outside the API's handlers.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // The landing page says what the exchange is, to anyone, and holds no data.
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/portal.css", "/portal.js").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/participants", "/api/participants/*/key",
                                "/api/participants/*/suspension", "/api/pools", "/api/pools/*/members",
                                "/api/sharing-groups", "/api/sharing-groups/*/members", "/api/accounts/*/grants",
                                "/api/policy", "/api/policy/previews")
                        .hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.DELETE, "/api/participants/*/key",
                                "/api/participants/*/suspension", "/api/pools/*/members/*",
                                "/api/sharing-groups/*/members/*")
                        .hasRole("OPERATOR")
                        // A participant's named keys are the operators' to see and change, as its default key is.
                        .requestMatchers("/api/participants/*/keys", "/api/participants/*/keys/**")
                        .hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.GET, "/api/participants", "/api/pools", "/api/quality")
                        .hasAnyRole("OPERATOR", "AUDITOR")
                        .requestMatchers("/api/contributions/**", "/api/withdrawals/**", "/api/acted-on",
                                "/api/sightings", "/api/false-positives", "/api/retractions", "/api/me/disclosure")
                        .hasAnyRole("FIRM", "AGENCY")
                        // TAXII and the MISP feed serve the pool to those who contribute to it and draw from it.
                        .requestMatchers("/taxii2", "/taxii2/**", "/misp/**").hasAnyRole("FIRM", "AGENCY")
                        // Anyone may check a checkpoint's signature.
                        .requestMatchers(HttpMethod.GET, "/api/audit/public-key").permitAll()
                        .requestMatchers("/api/audit/**").hasRole("AUDITOR")
                        .requestMatchers("/api/operations/**", "/actuator/**").hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.GET, "/api/me", "/api/participants/*", "/api/accounts/**",
                                "/api/pools/*", "/api/policy", "/api/sharing-groups", "/api/sharing-groups/*")
                        .authenticated()
                        // The contact directory: who may edit or see an entry is the entry's own rule.
                        .requestMatchers(HttpMethod.GET, "/api/contacts/stale").hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.GET, "/api/contacts", "/api/participants/*/contacts")
                        .authenticated()
                        .requestMatchers(HttpMethod.PUT, "/api/participants/*/contacts").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/participants/*/contacts/confirmation").authenticated()
                        .anyRequest().denyAll())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, failure) -> problems.write(request, response,
                                ProblemType.UNAUTHENTICATED,
                                "send the participant's API key as 'Authorization: Bearer <key>', or as HTTP Basic "
                                        + "with the participant's id as the user and the key as the password"))
                        .accessDeniedHandler((request, response, denied) -> unserved.answer(request, response)))
                .build();
    }

    /**
     * The firewall as it comes, but for the methods it knows: every method reaches the rules above, which deny what
     * the API does not serve and tell the caller the methods the path does answer (see {@link UnservedRequests}).
     */
    @Bean
    HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setUnsafeAllowAnyHttpMethod(true);
        return firewall;
    }

    /**
     * Spring Security's firewall refuses paths that could be read two ways ({@code //}, {@code ;}, an encoded
     * {@code /} or {@code %}); the refusal is a problem like any other, and does not repeat what was refused.
     */
    @Bean
    RequestRejectedHandler requestRejected(Problems problems) {
        return (request, response, rejected) -> problems.write(request, response, ProblemType.INVALID_REQUEST,
                "the path holds a sequence that could be read two ways (an empty segment, ';', '..', or an "
                        + "encoded '/', '\\' or '%'); send the path as plain segments");
    }
}
