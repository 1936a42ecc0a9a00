package org.reciprocity.portal.web;

import org.reciprocity.core.Text;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Instant;

/**
 * An instant in a query ({@code ?from=}, {@code ?at=}) is ISO-8601 text within the years the exchange stores, as in a
 * body. Spring would also take a number as milliseconds, and a year past 9999 fails only when the database is asked.
 */
@Configuration(proxyBeanMethods = false)
class QueryInstants implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Instant.class, text -> Text.requireStorable("instant", Instant.parse(text)));
    }
}
