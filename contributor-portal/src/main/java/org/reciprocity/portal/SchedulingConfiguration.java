package org.reciprocity.portal;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduled work (the signing of checkpoints) runs in the serving exchange, never in the audit command line. */
@Configuration(proxyBeanMethods = false)
@Profile(ExchangeProfiles.SERVING)
@EnableScheduling
class SchedulingConfiguration {
}
