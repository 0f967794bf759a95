package dailypapers.cli;

import dailypapers.App;
import dailypapers.AppVersion;
import dailypapers.Config;
import dailypapers.Setting;
import dailypapers.UserFacingException;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.ListResourceBundle;
import java.util.Map;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The one executable: {@code dailypapers serve|import|export|ingest|reindex|embed|eval|mail|user|digest|backup|
 * restore|migrate|version|doctor …}.
 */
@Command(name = "dailypapers", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Self-hostable research-paper discovery service.",
        subcommands = {ServeCommand.class, ImportCommand.class, ExportCommand.class, IngestCommand.class,
                ReindexCommand.class, EmbedCommand.class, EvalCommand.class, MailCommand.class, UserCommand.class,
                DigestCommand.class, BackupCommand.class, RestoreCommand.class, MigrateCommand.class,
                VersionCommand.class, DoctorCommand.class})
public final class Main {

    static final int EXIT_STARTUP_FAILED = 1;

    /** {@code --version}: the build's version, as {@code dailypapers version} prints it first. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Daily Papers " + AppVersion.current() + ", schema " + App.SCHEMA_VERSION};
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with settings (keys as in the README's Configuration table).")
    Path configFile;

    @Option(names = "--data-dir", paramLabel = "DIR", descriptionKey = "data.dir")
    String dataDir;

    @Option(names = "--database-url", paramLabel = "JDBC_URL", descriptionKey = "database.url")
    String databaseUrl;

    @Option(names = "--database-user", paramLabel = "USER", descriptionKey = "database.user")
    String databaseUser;

    @Option(names = "--database-password", paramLabel = "PASSWORD", descriptionKey = "database.password")
    String databasePassword;

    /** Where {@code user create} reads a password; null for the terminal or standard input. */
    BufferedReader input;

    public static void main(String[] args) {
        // Lucene and others log through java.util.logging, which would print its own two-line format on stderr,
        // outside log.format.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs one command. A failure the operator can fix prints one "error: …" line; any other failure is a defect: its
     * trace goes to the log and the line names its type. Either gives a non-zero code.
     */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err).execute(args);
    }

    /** The command tree, its flags described by {@link Config#SETTINGS}. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(null, out, err);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)}, reading what a command asks for from {@code in}. */
    static int run(BufferedReader in, PrintWriter out, PrintWriter err, String... args) {
        return commandLine(in, out, err).execute(args);
    }

    private static CommandLine commandLine(BufferedReader in, PrintWriter out, PrintWriter err) {
        Main main = new Main();
        main.input = in;
        CommandLine commandLine = new CommandLine(main)
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((e, failed, parseResult) -> {
                    failed.getErr().println("error: " + describe(e));
                    return EXIT_STARTUP_FAILED;
                })
                // A wrong argument is an operator's mistake too: one "error:" line, then how the command is used.
                .setParameterExceptionHandler((e, args) -> {
                    CommandLine failed = e.getCommandLine();
                    failed.getErr().println("error: " + e.getMessage());
                    failed.usage(failed.getErr());
                    return failed.getCommandSpec().exitCodeOnInvalidInput();
                });
        commandLine.setResourceBundle(flagDescriptions());
        return commandLine;
    }

    private static String describe(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UserFacingException) {
                return cause.getMessage();
            }
        }
        log.error("unexpected failure", failure);
        return "unexpected " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()) + " (details in the log above)";
    }

    /** Each flag's help, by its {@code descriptionKey}: the setting it sets. */
    private static ResourceBundle flagDescriptions() {
        Object[][] entries = Config.SETTINGS.stream().filter(setting -> setting.flag().isPresent())
                .map(setting -> new Object[] {setting.key(), setting.help()}).toArray(Object[][]::new);
        return new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return entries;
            }
        };
    }

    /** Settings from the file, the environment and these flags plus the subcommand's own. */
    Config config(Map<String, String> commandFlags) {
        Map<String, String> flags = new HashMap<>(commandFlags);
        putIfSet(flags, Config.DATA_DIR, dataDir);
        putIfSet(flags, Config.DATABASE_URL, databaseUrl);
        putIfSet(flags, Config.DATABASE_USER, databaseUser);
        putIfSet(flags, Config.DATABASE_PASSWORD, databasePassword);
        Config config = Config.load(configFile, System.getenv(), flags);
        // Logging started before the settings were read; a format from the file takes over from here.
        config.logFormat().apply();
        return config;
    }

    App openApp(Map<String, String> commandFlags) {
        Config config = config(commandFlags);
        return App.open(config, Clock.systemUTC(), config.search().encoder(1));
    }

    static void putIfSet(Map<String, String> flags, Setting<?> setting, Object value) {
        if (value != null) {
            flags.put(setting.key(), value.toString());
        }
    }
}
