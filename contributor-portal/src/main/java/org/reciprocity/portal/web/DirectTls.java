package org.reciprocity.portal.web;

import org.reciprocity.portal.StartRefusedException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * HTTPS on the public connector when, and only when, a certificate is given: a PKCS#12 keystore, or a PEM certificate
 * and its private key. The certificate becomes Spring Boot's SSL bundle {@value #BUNDLE} and the server uses it;
 * without one, no {@code server.ssl} property exists and the exchange speaks plain HTTP. A set-up that names half a
 * certificate, both kinds, or a file that is not there is refused at start: served over plain HTTP instead, the
 * exchange would send keys in the clear to clients that believe they speak TLS.
 */
class DirectTls implements EnvironmentPostProcessor {

    static final String BUNDLE = "exchange";

    private static final String ACTION = "Give either EXCHANGE_TLS_PKCS12 (with EXCHANGE_TLS_PKCS12_PASSWORD), or "
            + "EXCHANGE_TLS_CERTIFICATE and EXCHANGE_TLS_PRIVATE_KEY (PEM files, with EXCHANGE_TLS_PRIVATE_KEY_PASSWORD "
            + "when the key is encrypted), or none of them for plain HTTP.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Setting pkcs12 = Setting.of(environment, "exchange.tls.pkcs12", "EXCHANGE_TLS_PKCS12");
        Setting pkcs12Password = Setting.of(environment, "exchange.tls.pkcs12-password",
                "EXCHANGE_TLS_PKCS12_PASSWORD");
        Setting certificate = Setting.of(environment, "exchange.tls.certificate", "EXCHANGE_TLS_CERTIFICATE");
        Setting privateKey = Setting.of(environment, "exchange.tls.private-key", "EXCHANGE_TLS_PRIVATE_KEY");
        Setting keyPassword = Setting.of(environment, "exchange.tls.private-key-password",
                "EXCHANGE_TLS_PRIVATE_KEY_PASSWORD");
        boolean pem = certificate.given() || privateKey.given() || keyPassword.given();
        if (pkcs12.given() && pem) {
            throw refused("Both a PKCS#12 keystore (EXCHANGE_TLS_PKCS12) and PEM files (EXCHANGE_TLS_CERTIFICATE, "
                    + "EXCHANGE_TLS_PRIVATE_KEY) are given; the exchange would not know which certificate to use.");
        }
        Map<String, Object> properties = new HashMap<>();
        if (pkcs12.given() || pkcs12Password.given()) {
            String prefix = "spring.ssl.bundle.jks." + BUNDLE + ".keystore.";
            properties.put(prefix + "location", pkcs12.file());
            properties.put(prefix + "password", pkcs12Password.value());
            properties.put(prefix + "type", "PKCS12");
        } else if (pem) {
            String prefix = "spring.ssl.bundle.pem." + BUNDLE + ".keystore.";
            properties.put(prefix + "certificate", certificate.file());
            properties.put(prefix + "private-key", privateKey.file());
            if (keyPassword.given()) {
                properties.put(prefix + "private-key-password", keyPassword.value());
            }
        } else {
            return;
        }
        properties.put("server.ssl.bundle", BUNDLE);
        environment.getPropertySources().addFirst(new MapPropertySource("exchangeTls", properties));
    }

    private static StartRefusedException refused(String reason) {
        return new StartRefusedException(reason, ACTION);
    }

    /** One of the variables, read through the property application.yml gives it. */
    private record Setting(String variable, String value) {

        static Setting of(ConfigurableEnvironment environment, String property, String variable) {
            return new Setting(variable, environment.getProperty(property, ""));
        }

        boolean given() {
            return StringUtils.hasText(value);
        }

        /** The file the variable names, as a resource location; refused when it is not set or not readable. */
        String file() {
            if (!given()) {
                throw refused(variable + " is not set, but the rest of its TLS set-up is.");
            }
            Path path = Path.of(value);
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw refused(variable + " names " + path.toAbsolutePath() + ", which is not a file the exchange "
                        + "can read.");
            }
            return "file:" + path.toAbsolutePath();
        }
    }
}
