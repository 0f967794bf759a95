package dailypapers.cli;

import dailypapers.backup.Backups;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Writes a consistent backup of the database while the server keeps serving; see docs/operations.md. */
@Command(name = "backup", description = "Back the database up to FILE (a zip with a manifest), while serving.")
final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The backup to write; it must not exist yet.")
    Path file;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Backups.Summary summary = new Backups(Clock.systemUTC()).backup(main.config(Map.of()), file, progress(err));
        spec.commandLine().getOut().printf(Locale.ROOT, "backed up %,d rows in %d tables (schema %d) from %s to %s "
                        + "(%s) in %.1f s%n", summary.totalRows(), summary.rows().size(), summary.schemaVersion(),
                summary.from(), summary.to(), size(file), summary.took().toMillis() / 1000.0);
        return 0;
    }

    /** One line per table on standard error, as each is done. */
    static Backups.Progress progress(PrintWriter err) {
        return (table, rows) -> {
            err.printf(Locale.ROOT, "  %-24s %,12d rows%n", table, rows);
            err.flush();
        };
    }

    private static String size(Path file) {
        try {
            return String.format(Locale.ROOT, "%.1f MB", Files.size(file) / 1e6);
        } catch (java.io.IOException e) {
            return "size unknown";
        }
    }
}
