package org.reciprocity.portal.security;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.reciprocity.core.Refusal;
import org.reciprocity.core.policy.ChangePolicy;
import org.reciprocity.core.policy.PolicyBook;
import org.reciprocity.core.policy.PolicyRules;
import org.reciprocity.portal.ExchangeProfiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Adopts the exchange's first reciprocity policy, in force from the beginning of time, on the first start: every
 * credit and debit then records a version that exists as an event, for auditors to recompute with.
 */
@Component
@Profile(ExchangeProfiles.SERVING)
@Order(0)
class PolicyBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PolicyBootstrap.class);

    private final PolicyBook policies;
    private final CommandGateway commands;

    PolicyBootstrap(PolicyBook policies, CommandGateway commands) {
        this.policies = policies;
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (policies.latest().isPresent()) {
            return;
        }
        try {
            commands.sendAndWait(new ChangePolicy(0, PolicyRules.DEFAULT, Instant.EPOCH, "exchange-bootstrap",
                    "the exchange's initial policy"));
            log.info("Adopted the initial reciprocity policy (version 1)");
        } catch (Refusal e) {
            // By its reason: adopted on another node, the refusal arrives over the bus without its type.
            if (e.reason() != Refusal.Reason.POLICY_CHANGE_REFUSED) {
                throw e;
            }
            log.info("The initial reciprocity policy was adopted by another node");
        }
    }
}
