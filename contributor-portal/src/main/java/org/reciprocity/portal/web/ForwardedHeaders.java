package org.reciprocity.portal.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Which connections may say, in X-Forwarded-For, -Proto and -Host, whom and over what they forward: those from the
 * proxies in EXCHANGE_TRUSTED_PROXIES, and no other. Tomcat's RemoteIpValve reads the headers (application.yml turns
 * it on); left to its default, it would trust every private and loopback address, so any client on the same network,
 * or on the node itself through the portal's loopback connector, could claim another address or HTTPS. The list is
 * always set here, empty when no proxy is named.
 */
class ForwardedHeaders implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String proxies = ProxyAddresses.regex(environment.getProperty("exchange.http.trusted-proxies", ""));
        environment.getPropertySources().addFirst(new MapPropertySource("exchangeTrustedProxies", Map.of(
                "server.tomcat.remoteip.internal-proxies", proxies,
                "server.tomcat.remoteip.trusted-proxies", "")));
    }
}
