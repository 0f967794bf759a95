package dailypapers.cli;

import dailypapers.AppVersion;
import dailypapers.store.DatabaseConfig;
import dailypapers.store.DatabaseException;
import dailypapers.store.SchemaVersions;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Prints this build's version and schema version, and the configured database's, without migrating it. */
@Command(name = "version", description = "Print the version, its schema version and the database's.")
final class VersionCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Daily Papers " + AppVersion.current() + ", schema " + SchemaVersions.LATEST);
        DatabaseConfig database = main.config(Map.of()).database();
        String state;
        try {
            Optional<Integer> applied = SchemaVersions.of(database);
            state = applied.map(VersionCommand::describe).orElse("no schema yet (serve creates it)");
        } catch (DatabaseException e) {
            state = e.getMessage();
        }
        out.println("database " + database.description() + ": " + state);
        return 0;
    }

    private static String describe(int applied) {
        if (applied == SchemaVersions.LATEST) {
            return "schema " + applied + ", up to date";
        }
        if (applied < SchemaVersions.LATEST) {
            return "schema " + applied + ", older: serve backs it up, then migrates it to " + SchemaVersions.LATEST;
        }
        return "schema " + applied + ", newer than this version knows: serve refuses it";
    }
}
