package io.brief2image.base;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a configured data file: {@code classpath:name} from the jar, anything else as a file path. */
public final class ResourceLocation {

    private ResourceLocation() {
    }

    public static InputStream open(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            String name = location.substring("classpath:".length());
            InputStream in = ResourceLocation.class.getClassLoader().getResourceAsStream(name);
            if (in == null) {
                throw new FileNotFoundException("no " + name + " on the classpath");
            }
            return in;
        }
        return Files.newInputStream(Path.of(location.startsWith("file:") ? location.substring(5) : location));
    }
}
