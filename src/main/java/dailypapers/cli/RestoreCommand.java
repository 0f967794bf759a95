package dailypapers.cli;

import dailypapers.backup.Backups;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Restores a backup into the configured database, which must be empty unless --force; see docs/operations.md. */
@Command(name = "restore", description = "Restore a backup into an empty data directory or database "
        + "(stop the server first).")
final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The backup to restore.")
    Path file;

    @Option(names = "--force", description = "Drop everything in a database that is not empty before restoring.")
    boolean force;

    @Override
    public Integer call() {
        Backups.Summary summary = new Backups(Clock.systemUTC()).restore(file, main.config(Map.of()), force,
                BackupCommand.progress(spec.commandLine().getErr()));
        spec.commandLine().getOut().printf(Locale.ROOT, "restored %,d rows in %d tables (schema %d) from %s into %s "
                        + "in %.1f s; the search index is rebuilt from the stored vectors when serve starts%n",
                summary.totalRows(), summary.rows().size(), summary.schemaVersion(), summary.from(), summary.to(),
                summary.took().toMillis() / 1000.0);
        return 0;
    }
}
