package io.brief2image.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The service's own command line ({@code --once}, {@code --set KEY=VALUE}, {@code --inbox},
 * {@code --outbox}, or nothing), read without picocli: building picocli's model of the command and
 * its four tools is ~0.15 s of the main thread before the service can begin to start, at every
 * start. Anything else (a tool, help, a mistake) returns empty and goes to picocli, which reads the
 * same options the same way (ServiceArgsTest holds the two to the same settings) and says what is
 * wrong.
 */
record ServiceArgs(boolean once, List<String> pairs, String inbox, String outbox) {

    /** The options that take a value, given as {@code --name value} or {@code --name=value}. */
    private static final Set<String> WITH_VALUE = Set.of("--set", "--inbox", "--outbox");

    /** The arguments as a service start, or empty when picocli must read them. */
    static Optional<ServiceArgs> read(String... args) {
        boolean once = false;
        List<String> pairs = new ArrayList<>();
        String inbox = null;
        String outbox = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            String value;
            if (name.equals(arg)) {
                if (arg.equals("--once") && !once) {
                    once = true;
                    continue;
                }
                if (!WITH_VALUE.contains(arg) || i + 1 == args.length || args[i + 1].startsWith("-")) {
                    return Optional.empty();
                }
                value = args[++i];
            } else {
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--set" -> {
                    if (value.indexOf('=') <= 0) {
                        return Optional.empty();
                    }
                    pairs.add(value);
                }
                case "--inbox" -> {
                    if (inbox != null) {
                        return Optional.empty();
                    }
                    inbox = value;
                }
                case "--outbox" -> {
                    if (outbox != null) {
                        return Optional.empty();
                    }
                    outbox = value;
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new ServiceArgs(once, List.copyOf(pairs), inbox, outbox));
    }
}
