package org.reciprocity.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** The Reciprocity Exchange: one process holding the command side, the ledger and the HTTP API. */
@SpringBootApplication(scanBasePackages = "org.reciprocity")
// Checkpoints of the hash chain are signed on a schedule.
@EnableScheduling
public class ExchangeApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExchangeApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
