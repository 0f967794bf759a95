package dailypapers.cli;

import dailypapers.App;
import dailypapers.AppVersion;
import dailypapers.Config;
import dailypapers.UserFacingException;
import java.io.PrintWriter;
import java.util.Map;
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
        out.println("Daily Papers " + AppVersion.current() + ", schema " + App.SCHEMA_VERSION);
        Config config = main.config(Map.of());
        try {
            App.DatabaseSchema database = App.databaseSchema(config);
            out.println("database " + database.database() + ": "
                    + database.version().map(VersionCommand::describe).orElse("no schema yet (serve creates it)"));
        } catch (UserFacingException e) {
            out.println("database: " + e.getMessage());
        }
        return 0;
    }

    private static String describe(int applied) {
        if (applied == App.SCHEMA_VERSION) {
            return "schema " + applied + ", up to date";
        }
        if (applied < App.SCHEMA_VERSION) {
            return "schema " + applied + ", older: serve backs it up, then migrates it to " + App.SCHEMA_VERSION;
        }
        return "schema " + applied + ", newer than this version knows: serve refuses it";
    }
}
