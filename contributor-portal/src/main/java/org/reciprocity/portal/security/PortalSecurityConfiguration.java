package org.reciprocity.portal.security;

import jakarta.servlet.DispatcherType;
import org.reciprocity.core.registry.ParticipantDirectory;
import org.reciprocity.portal.limits.Limits;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

import java.time.Clock;

/**
 * The portal's pages: a person signs in once with a participant's API key and carries a session cookie afterwards.
 * Every form is protected against cross-site requests, and every page reaches the data through the API itself (see
 * {@code PortalApi}), so these rules only decide which pages a role is shown; the API decides what it may do.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PortalSecurityConfiguration {

    /**
     * Nothing the pages load comes from elsewhere, and no script is written into a page: the little script there is
     * comes from the jar.
     */
    static final String CONTENT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' "
            + "data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** The token every form carries, in a cookie scripts cannot read and other sites do not send. */
    private static CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName("RX_FORMS");
        tokens.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Strict"));
        return tokens;
    }

    @Bean
    @Order(1)
    SecurityFilterChain portal(HttpSecurity http, ParticipantDirectory directory, Clock clock, Limits limits)
            throws Exception {
        return http
                .securityMatcher("/sign-in", "/sign-out", "/portal", "/portal/**")
                .authenticationManager(new ProviderManager(
                        new SignInProvider(new ApiKeyAuthenticationProvider(directory, clock))))
                .formLogin(form -> form
                        .loginPage("/sign-in")
                        .usernameParameter("participant")
                        .passwordParameter("key")
                        .defaultSuccessUrl("/portal", true)
                        // A suspended participant's key is right, but refused: the page says which. Only a key
                        // that is not right counts against the address.
                        .failureHandler((request, response, failure) -> {
                            if (!(failure instanceof LockedException)) {
                                limits.failed(request);
                            }
                            response.sendRedirect(request.getContextPath() + (failure instanceof LockedException
                                    ? "/sign-in?suspended" : "/sign-in?refused"));
                        })
                        .permitAll())
                .logout(signOut -> signOut
                        .logoutUrl("/sign-out")
                        .logoutSuccessUrl("/sign-in?signed-out"))
                // A stranger costs the node no session: the forms' token travels in a cookie until sign-in, and
                // a page asked for before signing in is not remembered (each role starts on its own page).
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()))
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterBefore(limits.signInsFromEachAddress("/sign-in", "/sign-in?limited"),
                        UsernamePasswordAuthenticationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(CONTENT_POLICY)))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        // With whatever it says why the person is there (?refused, ?limited, ?suspended,
                        // ?signed-out, ?expired).
                        .requestMatchers("/sign-in").permitAll()
                        .requestMatchers("/portal/member/**").hasAnyRole("FIRM", "AGENCY")
                        .requestMatchers("/portal/audit/**").hasRole("AUDITOR")
                        .requestMatchers("/portal/operator/**").hasRole("OPERATOR")
                        .anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.accessDeniedPage("/portal/denied"))
                .build();
    }
}
