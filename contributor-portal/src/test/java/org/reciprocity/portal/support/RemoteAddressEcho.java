package org.reciprocity.portal.support;

import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * A path that answers with the client's address as the exchange sees it, for tests of forwarded headers: the API
 * shows the address nowhere. Not a component, so that no other test's context scans it in; a test names it as a
 * source of the application it starts.
 */
public class RemoteAddressEcho {

    public static final String PATH = "/test/remote-address";

    @Bean
    FilterRegistrationBean<Filter> remoteAddressFilter() {
        FilterRegistrationBean<Filter> echo = new FilterRegistrationBean<>((request, response, chain) -> {
            response.setContentType("text/plain");
            response.getWriter().write(request.getRemoteAddr());
        });
        echo.addUrlPatterns(PATH);
        echo.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return echo;
    }
}
