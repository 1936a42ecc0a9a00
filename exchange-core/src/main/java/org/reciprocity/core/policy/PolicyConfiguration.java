package org.reciprocity.core.policy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    @Bean
    PolicyNotice policyNotice(@Value("${exchange.policy.notice:PT1M}") Duration notice) {
        return new PolicyNotice(notice);
    }
}
