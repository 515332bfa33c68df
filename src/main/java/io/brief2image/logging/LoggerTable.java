package io.brief2image.logging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/** One {@link LineLogger} per name, made on first use with the level {@link LogLevels} gives that name. */
final class LoggerTable implements ILoggerFactory {

    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final LogLevels levels;
    private final LogOutput output;

    LoggerTable(LogLevels levels, LogOutput output) {
        this.levels = levels;
        this.output = output;
    }

    @Override
    public Logger getLogger(String name) {
        Logger logger = loggers.get(name);
        return logger != null ? logger : loggers.computeIfAbsent(name, n -> new LineLogger(n, levels.thresholdOf(n), output));
    }
}
