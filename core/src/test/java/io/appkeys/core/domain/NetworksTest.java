package io.appkeys.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses, CIDR ranges, a key's networks and the trusted-proxy rules, IPv4 and IPv6 alike. */
class NetworksTest {

    @Test
    void addresses_areReadFromLiteralsOnly_inCanonicalForm() {
        assertEquals("192.0.2.1", IpAddress.parse("192.0.2.1").toString());
        assertEquals("2001:db8::1", IpAddress.parse("2001:DB8::1").toString());
        assertEquals(IpAddress.parse("192.0.2.1"), IpAddress.parse("::ffff:192.0.2.1"), "a mapped IPv4 address");
        assertEquals(
                IpAddress.parse("192.0.2.1"),
                IpAddress.of(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, -64, 0, 2, 1}));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "localhost",
                "example.com",
                "1.2.3",
                "1.2.3.4.5",
                "256.1.1.1",
                "01.2.3.4",
                "1.2.3.-4",
                "1.2.3.4 ",
                "fe80::1%eth0",
                "2001:db8::g",
                ":::",
                "1:2:3:4:5:6:7:8:9",
                "\u0661.2.3.4"
            })
    void anythingElse_isNotAnAddress(String text) {
        assertEquals(Optional.empty(), IpAddress.read(text));
        assertThrows(InvalidInputException.class, () -> IpAddress.parse(text));
    }

    @Test
    void anIpv4Range_containsExactlyItsAddresses() {
        IpRange range = IpRange.parse("203.0.113.0/24");

        assertTrue(range.contains(IpAddress.parse("203.0.113.0")));
        assertTrue(range.contains(IpAddress.parse("203.0.113.255")));
        assertFalse(range.contains(IpAddress.parse("203.0.114.0")));
        assertFalse(range.contains(IpAddress.parse("203.0.112.255")));
        assertTrue(IpRange.parse("10.0.0.0/9").contains(IpAddress.parse("10.127.255.255")));
        assertFalse(IpRange.parse("10.0.0.0/9").contains(IpAddress.parse("10.128.0.0")));
        assertTrue(IpRange.parse("0.0.0.0/0").contains(IpAddress.parse("198.51.100.1")));
        assertEquals("198.51.100.7/32", IpRange.parse("198.51.100.7").toString());
    }

    @Test
    void anIpv6Range_containsExactlyItsAddresses_andNeverAnIpv4One() {
        IpRange range = IpRange.parse("2001:db8:abcd:12::/63");

        assertTrue(range.contains(IpAddress.parse("2001:db8:abcd:12::1")));
        assertTrue(range.contains(IpAddress.parse("2001:db8:abcd:13:ffff:ffff:ffff:ffff")));
        assertFalse(range.contains(IpAddress.parse("2001:db8:abcd:14::")));
        assertFalse(range.contains(IpAddress.parse("2001:db8:abcd:11:ffff:ffff:ffff:ffff")));
        assertFalse(IpRange.parse("::/0").contains(IpAddress.parse("192.0.2.1")));
        assertFalse(IpRange.parse("0.0.0.0/0").contains(IpAddress.parse("2001:db8::1")));
        assertEquals("2001:db8::1/128", IpRange.parse("2001:db8::1").toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "203.0.113.1/24",
                "203.0.113.0/33",
                "2001:db8::/129",
                "203.0.113.0/",
                "203.0.113.0/-1",
                "203.0.113.0/24/8",
                "example.com/24",
                "203.0.113.0/0x18",
                "2001:db8::1/64"
            })
    void aBadRange_isRefusedWithAClearMessage(String text) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> IpRange.parse(text));
        assertTrue(
                refused.getMessage().contains(text.length() > 20 ? text.substring(0, 10) : text), refused::getMessage);
    }

    @Test
    void networks_allowAnywhereByDefault_andOnlyTheirRangesOtherwise_neverAnUnknownAddress() {
        AllowedNetworks networks = AllowedNetworks.parse("203.0.113.0/24 2001:db8::/32,198.51.100.7");

        assertTrue(AllowedNetworks.ANYWHERE.allows(Optional.empty()));
        assertTrue(networks.allows(Optional.of(IpAddress.parse("203.0.113.9"))));
        assertTrue(networks.allows(Optional.of(IpAddress.parse("2001:db8:1::9"))));
        assertTrue(networks.allows(Optional.of(IpAddress.parse("::ffff:198.51.100.7"))));
        assertFalse(networks.allows(Optional.of(IpAddress.parse("198.51.100.8"))));
        assertFalse(networks.allows(Optional.of(IpAddress.parse("2001:db9::1"))));
        assertFalse(networks.allows(Optional.empty()), "an unknown address is outside every range");
        assertEquals("203.0.113.0/24,2001:db8::/32,198.51.100.7/32", networks.toString());
        assertEquals(networks, AllowedNetworks.parse(networks.toString()));
        assertEquals(AllowedNetworks.ANYWHERE, AllowedNetworks.parse(" "));
    }

    @Test
    void aKeyNamesAtMostFiftyRanges() {
        StringBuilder ranges = new StringBuilder();
        for (int i = 0; i <= AllowedNetworks.MAX_RANGES; i++) {
            ranges.append("10.0.").append(i).append(".0/24,");
        }
        assertThrows(InvalidInputException.class, () -> AllowedNetworks.parse(ranges.toString()));
    }

    @Test
    void withoutTrustedProxies_theClientIsThePeer_whateverTheHeaderSays() {
        IpAddress peer = IpAddress.parse("198.51.100.20");

        assertEquals(peer, TrustedProxies.NONE.clientOf(peer, List.of("203.0.113.9")));
    }

    @Test
    void aSpoofedHeader_fromAnUntrustedPeer_isIgnored() {
        TrustedProxies proxies = TrustedProxies.of(AllowedNetworks.parse("10.0.0.0/8"));
        IpAddress client = IpAddress.parse("198.51.100.20");

        assertEquals(client, proxies.clientOf(client, List.of("203.0.113.9, 10.0.0.5")));
    }

    @Test
    void behindTrustedProxies_theClientIsTheHopJustBeforeThem() {
        TrustedProxies proxies = TrustedProxies.of(AllowedNetworks.parse("10.0.0.0/8, fd00::/8"));
        IpAddress balancer = IpAddress.parse("10.0.0.2");

        assertEquals(
                IpAddress.parse("198.51.100.20"),
                proxies.clientOf(balancer, List.of("203.0.113.9, 198.51.100.20, 10.0.0.7")),
                "the client's own claim (203.0.113.9) is left of the hop the proxies saw");
        assertEquals(
                IpAddress.parse("2001:db8::20"),
                proxies.clientOf(IpAddress.parse("fd00::1"), List.of("2001:db8::20", "fd00::9")),
                "header lines are read as one list, the last nearest");
        assertEquals(balancer, proxies.clientOf(balancer, List.of()), "no header: the proxy itself");
        assertEquals(
                IpAddress.parse("10.0.0.7"),
                proxies.clientOf(balancer, List.of("bogus, 10.0.0.7")),
                "a hop that is not an address ends the reading at the last proxy");
        assertEquals(
                IpAddress.parse("10.0.0.9"),
                proxies.clientOf(balancer, List.of("10.0.0.9, 10.0.0.7")),
                "all proxies: the farthest");
    }
}
