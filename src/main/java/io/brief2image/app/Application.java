package io.brief2image.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.main.Main;

/**
 * Builds the Camel Main of brief2image: application.properties, the YAML routes (a routes/ folder
 * in the working directory wins over the copy in the jar) and the beans.
 */
public final class Application {

    private Application() {
    }

    public static Main create(Map<String, String> overrides) {
        Main main = new Main();
        main.configure().addConfiguration(Beans.class);
        main.configure().withRoutesIncludePattern(routesLocation());
        overrides.forEach(main::addOverrideProperty);
        // the routes name queues by placeholder; the names are constants, so no setting can change them
        io.brief2image.base.Queues.routeProperties().forEach(main::addOverrideProperty);
        return main;
    }

    static String routesLocation() {
        Path local = Path.of("routes");
        try (var files = Files.isDirectory(local) ? Files.list(local) : java.util.stream.Stream.<Path>empty()) {
            if (files.anyMatch(f -> f.toString().endsWith(".yaml"))) {
                return "file:routes/*.yaml";
            }
        } catch (java.io.IOException e) {
            // fall back to the packaged routes
        }
        return "classpath:routes/*.yaml";
    }
}
