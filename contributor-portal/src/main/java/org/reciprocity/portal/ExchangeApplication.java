package org.reciprocity.portal;

import org.reciprocity.portal.cli.AuditCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Arrays;

/** The Reciprocity Exchange: one process holding the command side, the ledger and the HTTP API. */
@SpringBootApplication(scanBasePackages = "org.reciprocity")
public class ExchangeApplication {

    /** The exchange; or, with {@code audit} first, the auditor's command line (see docs/audit.md). */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("audit")) {
            System.exit(AuditCommandLine.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        try {
            SpringApplication.run(ExchangeApplication.class, args);
        } catch (RuntimeException failedStart) {
            // Spring Boot has logged why and closed what it had started. Returning would not end the process: Axon's
            // timeout janitor is a thread nothing stops before Axon 4.13.1, and it would keep the JVM up, serving
            // nothing, until someone noticed. A supervisor must see the failure in the exit status instead.
            System.exit(1);
        }
    }
}
