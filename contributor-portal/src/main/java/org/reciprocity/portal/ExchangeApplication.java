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
        SpringApplication.run(ExchangeApplication.class, args);
    }
}
