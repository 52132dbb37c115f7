package org.callisto.planet.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.callisto.planet.fetch.AddressPolicy.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressPolicyTest {

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal); // literals only: no lookup happens
    }

    /** Builds an IPv6 address from 16 bytes without Java folding mapped forms into IPv4. */
    private static InetAddress v6(String literal) throws UnknownHostException {
        byte[] bytes = InetAddress.getByName(literal).getAddress();
        if (bytes.length == 4) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            bytes = mapped;
        }
        return java.net.Inet6Address.getByAddress(null, bytes, -1);
    }

    @ParameterizedTest
    @CsvSource({
        "93.184.216.34, PUBLIC",
        "8.8.8.8, PUBLIC",
        "127.0.0.1, LOOPBACK",
        "127.255.0.9, LOOPBACK",
        "10.0.0.1, PRIVATE",
        "172.16.0.1, PRIVATE",
        "172.31.255.255, PRIVATE",
        "172.32.0.1, PUBLIC",
        "192.168.1.1, PRIVATE",
        "169.254.1.1, LINK_LOCAL",
        "169.254.169.254, METADATA",
        "100.64.0.1, SHARED",
        "100.127.255.255, SHARED",
        "100.128.0.1, PUBLIC",
        "0.0.0.0, UNSPECIFIED",
        "0.1.2.3, UNSPECIFIED",
        "224.0.0.1, MULTICAST",
        "255.255.255.255, RESERVED",
        "::1, LOOPBACK",
        "::, UNSPECIFIED",
        "fc00::1, PRIVATE",
        "fd12:3456::1, PRIVATE",
        "fd00:ec2::254, METADATA",
        "fe80::1, LINK_LOCAL",
        "ff02::1, MULTICAST",
        "2001:db8::1, RESERVED",
        "2606:4700:4700::1111, PUBLIC",
        "64:ff9b::7f00:1, LOOPBACK",
        "2002:0a00:0001::1, PRIVATE"
    })
    void classifiesAddresses(String literal, Kind expected) throws UnknownHostException {
        assertThat(AddressPolicy.classify(ip(literal))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, LOOPBACK",
        "10.1.2.3, PRIVATE",
        "169.254.169.254, METADATA",
        "0.0.0.0, UNSPECIFIED",
        "8.8.8.8, PUBLIC"
    })
    void ipv4MappedIpv6IsJudgedByItsIpv4Address(String v4, Kind expected) throws UnknownHostException {
        InetAddress mapped = v6(v4);
        assertThat(mapped.getAddress()).hasSize(16);

        assertThat(AddressPolicy.classify(mapped)).isEqualTo(expected);
    }

    @Test
    void defaultPolicyAllowsOnlyPublicAddresses() throws UnknownHostException {
        AddressPolicy strict = new AddressPolicy(false, false);

        assertThat(strict.allows(ip("93.184.216.34"))).isTrue();
        assertThat(strict.allows(ip("127.0.0.1"))).isFalse();
        assertThat(strict.allows(ip("192.168.0.10"))).isFalse();
        assertThat(strict.allows(ip("fe80::1"))).isFalse();
    }

    @Test
    void allowLoopbackPermitsOnlyLoopback() throws UnknownHostException {
        AddressPolicy loopback = new AddressPolicy(true, false);

        assertThat(loopback.allows(ip("127.0.0.1"))).isTrue();
        assertThat(loopback.allows(ip("::1"))).isTrue();
        assertThat(loopback.allows(ip("10.0.0.1"))).isFalse();
        assertThat(loopback.allows(ip("169.254.169.254"))).isFalse();
    }

    @Test
    void allowPrivatePermitsPrivateAndLinkLocalButNotMetadataOrLoopback() throws UnknownHostException {
        AddressPolicy lan = new AddressPolicy(false, true);

        assertThat(lan.allows(ip("10.0.0.1"))).isTrue();
        assertThat(lan.allows(ip("fd00::1"))).isTrue();
        assertThat(lan.allows(ip("169.254.10.10"))).isTrue();
        assertThat(lan.allows(ip("169.254.169.254"))).isFalse();
        assertThat(lan.allows(ip("127.0.0.1"))).isFalse();
    }

    @Test
    void nothingAllowsUnspecifiedOrMulticast() throws UnknownHostException {
        AddressPolicy lax = new AddressPolicy(true, true);

        assertThat(lax.allows(ip("0.0.0.0"))).isFalse();
        assertThat(lax.allows(ip("::"))).isFalse();
        assertThat(lax.allows(ip("239.1.1.1"))).isFalse();
    }
}
