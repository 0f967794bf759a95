package dailypapers.cli;

import dailypapers.backup.Backups;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Copies the configured database into another, SQLite to PostgreSQL or back, then says what to change in the
 * configuration; see docs/operations.md.
 */
@Command(name = "migrate", description = "Copy everything in the database into another one (stop the server first).")
final class MigrateCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "JDBC_URL",
            description = "The database to copy into: jdbc:postgresql://HOST:PORT/DB or jdbc:sqlite:FILE.")
    String to;

    @Option(names = "--to-user", paramLabel = "USER", description = "The user of the database to copy into.")
    String toUser;

    @Option(names = "--to-password", paramLabel = "PASSWORD",
            description = "Its password (or DAILYPAPERS_MIGRATE_TO_PASSWORD, which keeps it out of the process list).")
    String toPassword;

    @Option(names = "--force", description = "Drop everything in a target that is not empty before copying.")
    boolean force;

    @Override
    public Integer call() {
        String password = toPassword != null ? toPassword : System.getenv("DAILYPAPERS_MIGRATE_TO_PASSWORD");
        PrintWriter out = spec.commandLine().getOut();
        Backups.Summary summary = new Backups(Clock.systemUTC()).copy(main.config(Map.of()), to, toUser, password,
                force, BackupCommand.progress(spec.commandLine().getErr()));
        out.printf(Locale.ROOT, "copied %,d rows in %d tables (schema %d) from %s to %s in %.1f s; every table's "
                        + "count matches%n", summary.totalRows(), summary.rows().size(), summary.schemaVersion(),
                summary.from(), summary.to(), summary.took().toMillis() / 1000.0);
        out.println("to serve from it, set in your configuration (file, environment or flags):");
        out.println("  database.url=" + to);
        if (toUser != null) {
            out.println("  database.user=" + toUser);
            out.println("  database.password=<its password>");
        }
        out.println("then start serve: it builds its search index from the stored vectors");
        return 0;
    }
}
