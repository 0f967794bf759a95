package dailypapers.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.joran.util.ConfigurationWatchListUtil;
import ch.qos.logback.core.util.StatusPrinter2;
import java.net.URL;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * How log lines are written to standard error: {@code text} for people, {@code json} (one object per line, from
 * logback's {@code JsonEncoder}) for a log collector.
 *
 * <p>Logback configures itself from {@code logback.xml} when the first logger is made, before the settings are read;
 * the file picks the appender from {@value #PROPERTY} (a system property, e.g. {@code java -D...}) or else the
 * environment's {@code DAILYPAPERS_LOG_FORMAT}. A format set only in the config file or a flag is applied by
 * {@link #apply()} once the settings are loaded, which reads the same file again with the property set: the lines
 * logged before that are text.
 */
public enum LogFormat {
    TEXT, JSON;

    /** The logging context property that {@code logback.xml} reads first. */
    static final String PROPERTY = "dailypapers.log.format";
    /** The property {@code logback.xml} records its choice in, so that a format in force is not set again. */
    static final String CHOSEN = "DAILYPAPERS_LOG_FORMAT_CHOSEN";

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code key}; empty for any other text. */
    public static Optional<LogFormat> parse(String key) {
        return Arrays.stream(values()).filter(format -> format.key().equals(key)).findFirst();
    }

    /**
     * Switches the process's logging to this format, re-reading its configuration file; nothing when it is in force
     * (a configuration that chose none, as the tests' own, writes text).
     */
    public void apply() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && !key().equals(Optional.ofNullable(context.getProperty(CHOSEN)).orElse(TEXT.key()))) {
            URL file = ConfigurationWatchListUtil.getMainWatchURL(context);
            if (file != null) {
                configure(context, file);
            }
        }
    }

    /** Reads the logging configuration {@code file} into {@code context} with this format. */
    void configure(LoggerContext context, URL file) {
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        context.reset();
        context.putProperty(PROPERTY, key());
        try {
            configurator.doConfigure(file);
        } catch (JoranException e) {
            new StatusPrinter2().printInCaseOfErrorsOrWarnings(context);
            throw new IllegalStateException("cannot read the logging configuration " + file, e);
        }
    }
}
