package io.brief2image.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Loads, on a thread of its own, the classes a service start is known to need (the list made from
 * a start, {@value #LIST}), in the order the start needs them, while the main thread starts the
 * service. Finding, reading and defining ~6,000 classes in 114 jars was about half of the main
 * thread's time; here the second core does most of it and the main thread finds them loaded.
 * Loading only: no class is initialised, so nothing runs earlier or in another order than
 * without it. A class in the list that is no longer there (renamed, a dependency upgraded) is
 * skipped; a class missing from the list is loaded when first used, as without it.
 */
final class StartClasses {

    static final String LIST = "META-INF/brief2image/start-classes.txt";
    private static final Set<String> NOT_A_SERVICE_START = Set.of("-h", "--help", "-V", "--version", "lint", "submit", "replay");

    private StartClasses() {
    }

    /**
     * Begins loading unless the command line asks for something other than the service (help, a
     * tool), or {@code -Dbrief2image.start-classes=off} is given: to make the list again, from a start
     * that loads only what it needs.
     */
    static void beginFor(String... args) {
        if (List.of(args).stream().anyMatch(NOT_A_SERVICE_START::contains) || "off".equals(System.getProperty("brief2image.start-classes"))) {
            return;
        }
        Thread thread = new Thread(StartClasses::loadAll, "brief2image-start-classes");
        thread.setDaemon(true);
        thread.start();
    }

    /** Loads every class of the list; returns how many were found. */
    static int loadAll() {
        ClassLoader loader = StartClasses.class.getClassLoader();
        int loaded = 0;
        try (InputStream in = loader.getResourceAsStream(LIST)) {
            if (in == null) {
                return 0;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String name = lines.readLine(); name != null; name = lines.readLine()) {
                if (!name.isEmpty() && !name.startsWith("#") && load(name, loader)) {
                    loaded++;
                }
            }
        } catch (IOException e) {
            // a speed-up only: the start loads what it needs itself
        }
        return loaded;
    }

    private static boolean load(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError gone) {
            return false;
        }
    }
}
