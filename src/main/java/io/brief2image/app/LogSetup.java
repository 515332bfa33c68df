package io.brief2image.app;

import java.net.URI;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.AbstractConfiguration;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;

/**
 * The service's logging, set up in code (named by log4j2.component.properties) instead of read from
 * an XML file: the XML parser alone was ~180 classes of java.xml and a DOM parse at every start.
 * Plain lines by default; {@code BRIEF2IMAGE_LOG_FORMAT=json} (any case) gives one ECS JSON object
 * per line for log shippers; any other value still logs plain lines. A log4j2-test.xml on the class
 * path (the tests) or {@code -Dlog4j2.configurationFile} (an operator's own file) wins over this.
 */
public final class LogSetup extends ConfigurationFactory {

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %-24.24c{1} %msg%n";
    private static final Map<String, Level> LEVELS = Map.of(
            "org.apache.activemq", Level.WARN,
            "org.apache.camel", Level.INFO,
            "org.apache.camel.main", Level.WARN,
            "org.apache.camel.impl.engine", Level.WARN,
            "org.apache.hc", Level.WARN,
            "org.springframework", Level.WARN);

    @Override
    protected String[] getSupportedTypes() {
        return new String[] {"*"};
    }

    @Override
    public Configuration getConfiguration(LoggerContext context, String name, URI location) {
        if (location != null || LogSetup.class.getClassLoader().getResource("log4j2-test.xml") != null) {
            return null;
        }
        return new Service(context);
    }

    @Override
    public Configuration getConfiguration(LoggerContext context, ConfigurationSource source) {
        return null;
    }

    private static final class Service extends AbstractConfiguration {

        Service(LoggerContext context) {
            super(context, ConfigurationSource.NULL_SOURCE);
            setName("brief2image");
        }

        @Override
        protected void doConfigure() {
            Layout<?> layout = "json".equalsIgnoreCase(System.getenv("BRIEF2IMAGE_LOG_FORMAT"))
                    ? JsonTemplateLayout.newBuilder().setConfiguration(this).setEventTemplateUri("classpath:EcsLayout.json").build()
                    : PatternLayout.newBuilder().withConfiguration(this).withPattern(PATTERN).build();
            ConsoleAppender console = ConsoleAppender.newBuilder().setName("console").setTarget(ConsoleAppender.Target.SYSTEM_OUT)
                    .setLayout(layout).setConfiguration(this).build();
            console.start();
            addAppender(console);
            LEVELS.forEach((logger, level) -> addLogger(logger, new LoggerConfig(logger, level, true)));
            LoggerConfig root = getRootLogger();
            root.setLevel(Level.INFO);
            root.addAppender(console, null, null);
        }
    }
}
