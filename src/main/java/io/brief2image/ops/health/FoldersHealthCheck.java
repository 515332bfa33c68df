package io.brief2image.ops.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * UP when every folder takes a new file. A probe file is written and removed, because permission
 * bits alone miss a full disk or a read-only mount. Its name starts with a dot, which the inbox and
 * the dead-letter listing ignore.
 */
public final class FoldersHealthCheck extends ReadinessCheck {

    private final Map<String, Path> folders;

    public FoldersHealthCheck(Map<String, Path> folders) {
        super("folders");
        this.folders = new LinkedHashMap<>(folders);
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        List<String> broken = new ArrayList<>();
        folders.forEach((name, dir) -> {
            boolean writable = writable(dir);
            builder.detail(name, writable ? "writable" : "NOT writable");
            if (!writable) {
                broken.add(name);
            }
        });
        if (broken.isEmpty()) {
            builder.message("writable: " + String.join(", ", folders.keySet())).up();
        } else {
            builder.message("not writable: " + String.join(", ", broken)).down();
        }
    }

    private static boolean writable(Path dir) {
        try {
            Path probe = Files.createTempFile(dir, ".health-", ".probe");
            Files.delete(probe);
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
