package io.spate.cluster.rest;

import io.spate.api.execution.RestOptions;

/**
 * The ports a server may bind to, tried in order: one port ({@code 8081}), a range ({@code
 * 8081-8090}) or {@code 0} for any free port.
 */
record PortRange(int first, int last) {

    PortRange {
        if (first < 0 || last > 65535 || first > last || (first == 0 && last != 0)) {
            throw new IllegalArgumentException("Not a port range: " + first + "-" + last);
        }
    }

    /** Reads {@code 8081}, {@code 8081-8090} or {@code 0}; the error names the option. */
    static PortRange parse(String text) {
        String s = text.strip();
        int dash = s.indexOf('-');
        try {
            int first = port(dash < 0 ? s : s.substring(0, dash).strip());
            int last = dash < 0 ? first : port(s.substring(dash + 1).strip());
            if (first > last) {
                throw new IllegalArgumentException("the range is empty (its first port is higher)");
            }
            if (first == 0 && last != 0) {
                throw new IllegalArgumentException("0 (any free port) cannot start a range");
            }
            return new PortRange(first, last);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Invalid value '"
                            + text
                            + "' for option '"
                            + RestOptions.PORT.key()
                            + "': "
                            + e.getMessage()
                            + "; expected a port (8081), a range (8081-8090) or 0 for any free"
                            + " port",
                    e);
        }
    }

    private static int port(String s) {
        if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9') || s.length() > 5) {
            throw new IllegalArgumentException("'" + s + "' is not a port number");
        }
        int port = Integer.parseInt(s);
        if (port > 65535) {
            throw new IllegalArgumentException(port + " is above the highest port, 65535");
        }
        return port;
    }

    boolean anyFreePort() {
        return first == 0;
    }

    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
