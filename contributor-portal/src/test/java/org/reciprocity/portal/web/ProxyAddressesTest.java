package org.reciprocity.portal.web;

import org.junit.jupiter.api.Test;
import org.reciprocity.portal.StartRefusedException;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProxyAddressesTest {

    @Test
    void anEmptyListTrustsNothing() {
        assertThat(ProxyAddresses.regex("")).isEmpty();
        assertThat(ProxyAddresses.regex(" , ")).isEmpty();
    }

    @Test
    void anAddressMatchesItselfOnly() {
        Pattern trusted = Pattern.compile(ProxyAddresses.regex("10.0.0.5"));
        assertThat(trusted.matcher("10.0.0.5").matches()).isTrue();
        assertThat(trusted.matcher("10.0.0.50").matches()).isFalse();
        assertThat(trusted.matcher("10.0.0.5x").matches()).isFalse();
        assertThat(trusted.matcher("10a0.0.5").matches()).as("a dot is a dot").isFalse();
    }

    @Test
    void aRangeMatchesItsAddressesAndNoneBeside() {
        Pattern trusted = Pattern.compile(ProxyAddresses.regex("192.168.16.0/20, 172.16.0.0/12"));
        assertThat(trusted.matcher("192.168.16.0").matches()).isTrue();
        assertThat(trusted.matcher("192.168.31.255").matches()).isTrue();
        assertThat(trusted.matcher("192.168.32.1").matches()).isFalse();
        assertThat(trusted.matcher("192.168.15.255").matches()).isFalse();
        assertThat(trusted.matcher("172.31.4.4").matches()).isTrue();
        assertThat(trusted.matcher("172.32.4.4").matches()).isFalse();
        assertThat(Pattern.matches(ProxyAddresses.regex("0.0.0.0/0"), "203.0.113.9")).isTrue();
    }

    @Test
    void ipv6IsMatchedAsTomcatWritesIt() {
        Pattern trusted = Pattern.compile(ProxyAddresses.regex("::1, 2001:db8:7::/48"));
        assertThat(trusted.matcher("0:0:0:0:0:0:0:1").matches()).isTrue();
        assertThat(trusted.matcher("2001:db8:7:1:0:0:0:a").matches()).isTrue();
        assertThat(trusted.matcher("2001:db8:8:1:0:0:0:a").matches()).isFalse();
    }

    @Test
    void whatIsNotAnAddressOrRangeIsRefused() {
        assertThatThrownBy(() -> ProxyAddresses.regex("proxy.example")).isInstanceOf(StartRefusedException.class)
                .hasMessageContaining("'proxy.example', which is neither an IPv4 nor an IPv6 address");
        assertThatThrownBy(() -> ProxyAddresses.regex("10.0.0.0/33")).hasMessageContaining("prefix length");
        assertThatThrownBy(() -> ProxyAddresses.regex("10.0.0.1/24")).hasMessageContaining("beyond its prefix");
        assertThatThrownBy(() -> ProxyAddresses.regex("256.0.0.1")).hasMessageContaining("not an IPv4 address");
        assertThatThrownBy(() -> ProxyAddresses.regex("2001:db8::/56")).hasMessageContaining("multiple of 16");
    }
}
