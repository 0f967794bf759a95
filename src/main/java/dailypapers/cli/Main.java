package dailypapers.cli;

import dailypapers.App;
import dailypapers.Config;
import dailypapers.embedding.LazyEncoder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The one executable: {@code dailypapers serve|import|ingest|reindex|embed|eval …}. */
@Command(name = "dailypapers", mixinStandardHelpOptions = true, version = "Daily Papers 0.1.0",
        description = "Self-hostable research-paper discovery service.",
        subcommands = {ServeCommand.class, ImportCommand.class, IngestCommand.class, ReindexCommand.class,
                EmbedCommand.class, EvalCommand.class})
public final class Main {

    static final int EXIT_STARTUP_FAILED = 1;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with settings (keys as in the README's Configuration table).")
    Path configFile;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the embedded database and index live (default: ./data).")
    String dataDir;

    @Option(names = "--database-url", paramLabel = "JDBC_URL", description = "jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB.")
    String databaseUrl;

    @Option(names = "--database-user", paramLabel = "USER")
    String databaseUser;

    @Option(names = "--database-password", paramLabel = "PASSWORD")
    String databasePassword;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command; failures print one "error: …" line, never a stack trace, and give a non-zero code. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    commandLine.getErr().println("error: " + e.getMessage());
                    return EXIT_STARTUP_FAILED;
                }).execute(args);
    }

    /** Settings from the file, the environment and these flags plus the subcommand's own. */
    Config config(Map<String, String> commandFlags) {
        Map<String, String> flags = new HashMap<>(commandFlags);
        putIfSet(flags, Config.DATA_DIR, dataDir);
        putIfSet(flags, Config.DATABASE_URL, databaseUrl);
        putIfSet(flags, Config.DATABASE_USER, databaseUser);
        putIfSet(flags, Config.DATABASE_PASSWORD, databasePassword);
        return Config.load(configFile, System.getenv(), flags);
    }

    App openApp(Map<String, String> commandFlags) {
        Config config = config(commandFlags);
        return App.open(config, Clock.systemUTC(), config.searchModel().map(model -> new LazyEncoder(model, 1)));
    }

    static void putIfSet(Map<String, String> flags, String key, Object value) {
        if (value != null) {
            flags.put(key, value.toString());
        }
    }
}
