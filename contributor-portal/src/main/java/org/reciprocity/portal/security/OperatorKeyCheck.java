package org.reciprocity.portal.security;

import org.reciprocity.core.participant.ApiKeys;
import org.reciprocity.portal.ExchangeProfiles;
import org.reciprocity.portal.StartRefusedException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Refuses an {@code EXCHANGE_OPERATOR_KEY} that could never be the first operator's key before anything starts: the
 * mistake is in the set-up, so the operator hears of it in a second, not after the database, the event processors and
 * the web server have started only to be stopped again. The check holds on every start, not only the first, which is
 * the only one that registers the key: a value that could never be presented is a mistake wherever it stands.
 */
class OperatorKeyCheck implements EnvironmentPostProcessor {

    private static final Pattern PRESENTABLE = Pattern.compile("[\\x21-\\x7e]+");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String key = environment.getProperty("exchange.operator.initial-key", "");
        if (key.isBlank() || !environment.acceptsProfiles(Profiles.of(ExchangeProfiles.SERVING))) {
            return;
        }
        Path keyFile = Path.of(environment.getProperty("exchange.data-dir", "."))
                .resolve(OperatorBootstrap.KEY_FILE).toAbsolutePath();
        if (key.length() < ApiKeys.MIN_LENGTH) {
            throw new StartRefusedException("EXCHANGE_OPERATOR_KEY must be at least " + ApiKeys.MIN_LENGTH
                    + " characters long; it has " + key.length(), "Set EXCHANGE_OPERATOR_KEY to a key of "
                    + ApiKeys.MIN_LENGTH + " characters or more, or leave it unset to have one generated into "
                    + keyFile);
        }
        if (!PRESENTABLE.matcher(key).matches()) {
            // A header's value loses its surrounding spaces in transit: such a key would be registered, and could
            // never be presented, and the first start is the only one that reads it.
            throw new StartRefusedException("EXCHANGE_OPERATOR_KEY holds a space or another character that an "
                    + "Authorization header cannot carry as it is", "Set EXCHANGE_OPERATOR_KEY to visible ASCII "
                    + "characters only, without spaces (look for one at its end), or leave it unset to have one "
                    + "generated into " + keyFile);
        }
    }
}
