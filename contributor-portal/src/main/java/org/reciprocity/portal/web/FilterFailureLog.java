package org.reciprocity.portal.web;

import org.apache.catalina.Container;
import org.apache.catalina.Wrapper;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * A failure a filter throws (the key's lookup finding no free database connection, say) goes to the error page,
 * which logs it as the API's handlers log theirs: at WARN when the exchange is busy, at ERROR with a reference when it
 * is a fault (see {@code ProblemErrorController}). Tomcat logs each such failure once more, at ERROR with its whole
 * stack, under a logger named after its engine, host, context and servlet; an overloaded node's log would then say
 * "failed" where it should say "busy". That one logger is turned off once the server exists, by the name Tomcat
 * gives it in this server (Spring Boot numbers the engine of a second server in the same process).
 */
@Component
class FilterFailureLog implements ApplicationListener<ServletWebServerInitializedEvent> {

    private final LoggingSystem logging;

    FilterFailureLog(LoggingSystem logging) {
        this.logging = logging;
    }

    @Override
    public void onApplicationEvent(ServletWebServerInitializedEvent event) {
        if (!(event.getWebServer() instanceof TomcatWebServer server)) {
            return;
        }
        for (Container context : server.getTomcat().getHost().findChildren()) {
            for (Container servlet : context.findChildren()) {
                if (servlet instanceof Wrapper) {
                    logging.setLogLevel(servlet.getLogName(), LogLevel.OFF);
                }
            }
        }
    }
}
