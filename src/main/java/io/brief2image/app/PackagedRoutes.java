package io.brief2image.app;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the routes come from: a routes/ folder in the working directory wins (an operator's own
 * routes, checked at start by {@link RouteRefs}); otherwise the routes shipped in the jar, named one
 * by one. Named, because a wildcard ({@code classpath:routes/*.yaml}) makes Camel look for a routes/
 * folder in every jar on the class path and then inflate the whole jar that has it to list its
 * entries: ~0.1 CPU-s at every start for a list fixed when the jar was built. The shipped routes'
 * bean references are checked when the jar is built (RouteRefsTest), so the start does not parse
 * them a second time to check them again.
 */
final class PackagedRoutes {

    static final String WILDCARD = "classpath:routes/*.yaml";

    private PackagedRoutes() {
    }

    /** The location Camel Main loads the routes from: {@code file:routes/*.yaml} or the shipped files by name. */
    static String location() {
        Path local = Path.of("routes");
        try (Stream<Path> files = Files.isDirectory(local) ? Files.list(local) : Stream.empty()) {
            if (files.anyMatch(f -> f.toString().endsWith(".yaml"))) {
                return "file:routes/*.yaml";
            }
        } catch (IOException e) {
            // fall back to the shipped routes
        }
        return Shipped.LOCATION;
    }

    /** True for the shipped routes, named or by wildcard: their references were checked at build time. */
    static boolean isShipped(String location) {
        return location.equals(WILDCARD) || location.equals(Shipped.LOCATION);
    }

    private static final class Shipped {
        static final String LOCATION = shipped();
    }

    /**
     * The shipped route files by name, read from the jar's (or the classes folder's) own listing; the
     * wildcard when that listing cannot be read (an unusual class loader), which Camel resolves itself.
     */
    private static String shipped() {
        List<String> names = shippedNames();
        return names.isEmpty() ? WILDCARD : names.stream().map(n -> "classpath:routes/" + n).collect(Collectors.joining(","));
    }

    private static List<String> shippedNames() {
        try {
            Path source = Path.of(PackagedRoutes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.list(source.resolve("routes"))) {
                    return files.map(f -> f.getFileName().toString()).filter(PackagedRoutes::isRoute).sorted().toList();
                }
            }
            // the central directory only: no entry is inflated
            try (JarFile jar = new JarFile(source.toFile(), false)) {
                return jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("routes/") && n.indexOf('/', 7) < 0)
                        .map(n -> n.substring(7)).filter(PackagedRoutes::isRoute).sorted().toList();
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return List.of();
        }
    }

    private static boolean isRoute(String name) {
        return name.endsWith(".yaml");
    }
}
