package org.reciprocity.portal.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code exchange.limits}: how many requests a participant may make a minute, and how many failed authentications an
 * address may make a minute. Each is a whole number, or {@code 0} or {@code off} for no limit.
 */
@ConfigurationProperties("exchange.limits")
final class LimitSettings {

    private final long requestsPerMinute;
    private final long failedSignInsPerMinute;

    LimitSettings(String requestsPerMinute, String failedSignInsPerMinute) {
        this.requestsPerMinute = perMinute("exchange.limits.requests-per-minute (EXCHANGE_LIMIT_REQUESTS_PER_MINUTE)",
                requestsPerMinute);
        this.failedSignInsPerMinute = perMinute("exchange.limits.failed-sign-ins-per-minute "
                + "(EXCHANGE_LIMIT_FAILED_SIGN_INS_PER_MINUTE)", failedSignInsPerMinute);
    }

    long requestsPerMinute() {
        return requestsPerMinute;
    }

    long failedSignInsPerMinute() {
        return failedSignInsPerMinute;
    }

    /** A count a minute; 0 for none at all. */
    private static long perMinute(String setting, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(setting + " is empty: give a whole number a minute, or 'off'");
        }
        String given = value.strip();
        if (given.equalsIgnoreCase("off")) {
            return 0;
        }
        try {
            long count = Long.parseLong(given);
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException notANumber) {
            // Answered below, with what the setting takes.
        }
        throw new IllegalArgumentException(setting + " is '" + given + "': give a whole number a minute (0 or "
                + "more), or 'off'");
    }
}
