package dailypapers.web;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed ({@code
 * http.trusted.proxies}): addresses or CIDR ranges. Headers from any other peer are ignored, since any client can
 * send them; with none configured (the default) nothing forwarded is believed.
 */
public final class TrustedProxies {

    /** A literal IPv4 or IPv6 address, so that parsing it never asks DNS. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final List<Range> ranges;
    private final String text;

    private TrustedProxies(List<Range> ranges, String text) {
        this.ranges = List.copyOf(ranges);
        this.text = text;
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of(), "");
    }

    /**
     * Parses a comma-separated list such as {@code 127.0.0.1, 10.0.0.0/8, ::1}; throws
     * {@link IllegalArgumentException} naming a bad entry.
     */
    public static TrustedProxies parse(String text) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : text.split(",")) {
            String item = entry.strip();
            if (!item.isEmpty()) {
                ranges.add(Range.parse(item));
            }
        }
        return new TrustedProxies(ranges, text.strip());
    }

    /** Whether a peer at this address (as Jetty reports it) is a trusted proxy. */
    public boolean isTrusted(String address) {
        return address(address).map(a -> ranges.stream().anyMatch(r -> r.contains(a))).orElse(false);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    @Override
    public String toString() {
        return text;
    }

    static java.util.Optional<InetAddress> address(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (literal.isEmpty() || !IP_LITERAL.matcher(literal).matches()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return java.util.Optional.empty();
        }
    }

    private record Range(byte[] network, int prefix) {

        static Range parse(String item) {
            int slash = item.indexOf('/');
            String host = slash < 0 ? item : item.substring(0, slash);
            InetAddress address = address(host).orElseThrow(() -> new IllegalArgumentException(
                    "must list IP addresses or CIDR ranges, got '" + item + "'"));
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(item.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("a CIDR prefix is 0 to " + bits + ", got '" + item + "'");
                }
            }
            return new Range(address.getAddress(), prefix);
        }

        boolean contains(InetAddress candidate) {
            byte[] bytes = candidate.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int shift = bytes.length * 8 - prefix;
            return shift == bytes.length * 8
                    || new BigInteger(1, bytes).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Range r && Arrays.equals(network, r.network) && prefix == r.prefix;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(network) * 31 + prefix;
        }

        @Override
        public String toString() {
            return Arrays.toString(network) + "/" + prefix;
        }
    }
}
