package io.brief2image.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar's Class-Path lists the jars a start loads most classes from first: the JVM looks
 * for each class in every jar of the Class-Path in turn, so a start-heavy jar near the end (H2 was
 * 110th of 117) costs a look-up in each jar before it for every one of its classes. Counted over
 * the classes a service start loads (the start-classes list in the jar).
 */
class ClassPathOrderIT {

    @Test
    void theJarsAStartLoadsMostFromComeFirst() throws IOException {
        Path jar = Path.of("target/brief2image.jar");
        List<String> classes;
        List<String> classPath = new ArrayList<>(List.of(jar.toString()));
        try (JarFile main = new JarFile(jar.toFile())) {
            for (String entry : main.getManifest().getMainAttributes().getValue("Class-Path").split(" ")) {
                classPath.add(jar.resolveSibling(entry).toString());
            }
            try (InputStream in = main.getInputStream(main.getEntry(StartClasses.LIST))) {
                classes = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
            }
        }
        Map<String, Integer> found = new LinkedHashMap<>();
        List<JarFile> jars = new ArrayList<>();
        try {
            for (String path : classPath) {
                jars.add(new JarFile(path));
            }
            for (String name : classes) {
                String entry = name.replace('.', '/') + ".class";
                for (JarFile each : jars) {
                    if (each.getEntry(entry) != null) {
                        found.merge(each.getName(), 1, Integer::sum);
                        break;
                    }
                }
            }
        } finally {
            for (JarFile each : jars) {
                each.close();
            }
        }
        long lookups = 0;
        for (int i = 0; i < classPath.size(); i++) {
            lookups += (long) (i + 1) * found.getOrDefault(classPath.get(i), 0);
        }
        List<Integer> mostFirst = new ArrayList<>(found.values());
        mostFirst.sort(Comparator.reverseOrder());
        long fewest = 0;
        for (int i = 0; i < mostFirst.size(); i++) {
            fewest += (long) (i + 1) * mostFirst.get(i);
        }
        assertThat(found.values().stream().mapToInt(Integer::intValue).sum()).as("start classes found in the jars").isGreaterThan(4_000);
        assertThat(lookups).as("jar look-ups for the start's classes (%d in the best order); order the pom's dependencies by the classes a start loads from them", fewest)
                .isLessThan(fewest * 5 / 2);
    }
}
