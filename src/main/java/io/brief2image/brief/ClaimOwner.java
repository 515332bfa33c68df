package io.brief2image.brief;

import java.util.Optional;

/**
 * The instance holding a claim, as written in the claim: its id, host and process id, so that a
 * claim left by a process of this host that no longer runs (a kill -9, then a restart) is free at
 * once instead of after the lease.
 */
public record ClaimOwner(String instanceId, String host, long pid) {

    public static ClaimOwner thisProcess(String instanceId) {
        return new ClaimOwner(instanceId, hostName(), ProcessHandle.current().pid());
    }

    /** "id host pid" */
    public String line() {
        return instanceId + " " + host + " " + pid;
    }

    public static Optional<ClaimOwner> parse(String line) {
        String[] parts = line.trim().split(" ");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ClaimOwner(parts[0], parts[1], Long.parseLong(parts[2])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** True when the owner is a process of this host that has ended. */
    public boolean goneFromThisHost() {
        return host.equals(hostName()) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    public static String hostName() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                name = "localhost";
            }
        }
        return name.replace(' ', '_');
    }
}
