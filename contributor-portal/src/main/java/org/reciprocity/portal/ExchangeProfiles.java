package org.reciprocity.portal;

/** The profiles the exchange runs under. */
public final class ExchangeProfiles {

    /** The audit command line: reads the history, writes nothing (see application-audit-cli.yml). */
    public static final String AUDIT_CLI = "audit-cli";
    /** Every profile but the audit command line: the exchange serving its participants. */
    public static final String SERVING = "!" + AUDIT_CLI;

    private ExchangeProfiles() {
    }
}
