package dailypapers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** This build's version, from {@code dailypapers/version.properties}, which Maven fills in from the pom. */
public final class AppVersion {

    private static final String VERSION = load();

    private AppVersion() {
    }

    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = AppVersion.class.getResourceAsStream("/dailypapers/version.properties")) {
            if (in == null) {
                throw new IllegalStateException("dailypapers/version.properties is missing from the build");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
