/**
 * The service's logging: a small SLF4J 2 provider of its own ({@link io.brief2image.logging.LogProvider},
 * registered in {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider}), in place of Log4j, whose
 * start loaded ~575 classes and cost 0.5–0.85 CPU-s (BENCHMARKS.md, Start time, fifth pass). Every
 * library that logs through SLF4J (Camel, ActiveMQ, HikariCP, Flyway, Vert.x and Netty, which detect
 * SLF4J, Spring through spring-jcl) ends up here.
 *
 * <p>Each event is one line on standard output, written and flushed at once under one lock, so
 * nothing is buffered at exit: plain {@code HH:mm:ss.SSS LEVEL logger message} lines
 * ({@code PlainLine}), or with {@code BRIEF2IMAGE_LOG_FORMAT=json} one ECS JSON object per line
 * ({@code EcsJsonLine}, the field names of Log4j's EcsLayout). Levels per logger name prefix
 * ({@code LogLevels}) come from {@code levels.properties} next to these classes, then
 * {@code -Dbrief2image.log-levels}, then {@code BRIEF2IMAGE_LOG_LEVELS}. {@code -Dbrief2image.log-file=path}
 * also appends every line, with the full logger name, to a file (the tests' {@code target/test.log}).
 *
 * <p>Uses nothing of the project (it starts before anything else and is found by SLF4J, not wired).
 */
package io.brief2image.logging;
