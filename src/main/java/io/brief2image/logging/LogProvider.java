package io.brief2image.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J 2 provider SLF4J finds through {@code META-INF/services}: reads the format
 * ({@code BRIEF2IMAGE_LOG_FORMAT}), the levels ({@code levels.properties}, {@code -Dbrief2image.log-levels},
 * {@code BRIEF2IMAGE_LOG_LEVELS}) and the optional file ({@code -Dbrief2image.log-file}) once, when
 * SLF4J starts, before any setting of the service is read.
 */
public final class LogProvider implements SLF4JServiceProvider {

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new BasicMDCAdapter();
    private ILoggerFactory loggers;

    @Override
    public void initialize() {
        LogLevels levels = LogLevels.of(System.getProperty("brief2image.log-levels"), System.getenv("BRIEF2IMAGE_LOG_LEVELS"), System.err);
        LogOutput output = LogOutput.of(System.getenv("BRIEF2IMAGE_LOG_FORMAT"), System.getProperty("brief2image.log-file"), System.out);
        loggers = new LoggerTable(levels, output);
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }
}
