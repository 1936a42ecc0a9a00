package org.reciprocity.portal.support;

import org.reciprocity.portal.ExchangeApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;

/** A node of an exchange of several on one PostgreSQL database, started in this process as a deployment runs it. */
public final class ClusterNode {

    private ClusterNode() {
    }

    /**
     * @param sources the exchange's configuration and any a test adds
     */
    public static ConfigurableApplicationContext start(String database, String node, String operatorKey,
                                                       Class<?>... sources) {
        Class<?>[] all = new Class<?>[sources.length + 1];
        all[0] = ExchangeApplication.class;
        System.arraycopy(sources, 0, all, 1, sources.length);
        // As command-line arguments: they outrank application.yml, as a deployment's settings would.
        return new SpringApplicationBuilder(all).run(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + TestDatabases.postgresUser(),
                "--exchange.data-dir=" + TestDatabases.dataDir(node),
                "--exchange.node-id=" + node,
                "--exchange.operator.initial-key=" + operatorKey,
                // Many clients as one participant make more requests a minute than its allowance, on purpose.
                "--exchange.limits.requests-per-minute=off");
    }

    public static URI uri(ConfigurableApplicationContext node) {
        return URI.create("http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort());
    }
}
