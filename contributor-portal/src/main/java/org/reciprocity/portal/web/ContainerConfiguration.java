package org.reciprocity.portal.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ContainerErrorReport} where Tomcat answers the requests it refuses itself. It runs after Spring Boot's
 * own customizer, which adds Tomcat's HTML report, and takes that report's place.
 */
@Component
class ContainerConfiguration implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            // Tomcat adds a report of this class at start unless the pipeline holds one already.
            host.setErrorReportValveClass(ContainerErrorReport.class.getName());
            host.getPipeline().addValve(new ContainerErrorReport());
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
