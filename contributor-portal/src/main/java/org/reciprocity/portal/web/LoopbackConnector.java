package org.reciprocity.portal.web;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.net.URI;

/**
 * A connector of the node's own, on the loopback address only, through which the portal's pages call the API. It has
 * threads of its own: a page holds a thread of the public connector while it waits for the API, and if the API's
 * calls had to wait for threads of that same connector, enough pages at once would leave none to answer them. It
 * speaks plain HTTP whatever the public connector speaks, and never leaves the machine.
 */
@Component
public class LoopbackConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    /** How many of the API's calls from pages are served at once; pages beyond wait for one. */
    static final int THREADS = 32;

    private final Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);

    LoopbackConnector() {
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
            protocol.setMaxThreads(THREADS);
        }
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addAdditionalTomcatConnectors(connector);
    }

    /** Whether the request came in through this connector: a call a portal page made. */
    public boolean received(HttpServletRequest request) {
        return request.getLocalPort() == connector.getLocalPort();
    }

    /** Where the API answers the pages; known once the server has started. */
    public URI base() {
        int port = connector.getLocalPort();
        if (port <= 0) {
            throw new IllegalStateException("the exchange's server has not started: the portal has no API to call");
        }
        return URI.create("http://127.0.0.1:" + port);
    }
}
