package io.brief2image.testing;

import java.nio.file.Path;

/**
 * The file this test JVM logs everything to (the logging's {@code brief2image.log-file}), for tests that
 * check what was logged, e.g. that a key never was. The build's two surefire JVMs have one each
 * (target/test-N.log, set by the pom), so a check reads the whole of its own JVM's log and no
 * half-written line of the other's; failsafe's is target/test.log.
 */
public final class TestLog {

    private TestLog() {
    }

    public static Path file() {
        return Path.of(System.getProperty("brief2image.log-file", "target/test.log"));
    }
}
