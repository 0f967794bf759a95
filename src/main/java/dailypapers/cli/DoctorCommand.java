package dailypapers.cli;

import dailypapers.App;
import dailypapers.Config;
import dailypapers.UserFacingException;
import dailypapers.mail.Message;
import dailypapers.ops.Doctor;
import dailypapers.ops.Finding;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code doctor}: one line per check, {@code ok}, {@code warn} or {@code fail}, each warning and failure followed by
 * what to do. Exits {@value #EXIT_FAILED} when a check failed; warnings alone exit 0. Safe beside a running server.
 */
@Command(name = "doctor", description = "Check the settings, database, disk, search index and mail, and say what to"
        + " fix; exits 1 when a check fails. Changes nothing, and runs beside a server.")
final class DoctorCommand implements Callable<Integer> {

    static final int EXIT_FAILED = 1;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--send-test-mail", paramLabel = "ADDRESS", description = "Also send one test message to"
            + " ADDRESS through the configured SMTP server (an .eml file in the outbox without one).")
    String testMailTo;

    @Override
    public Integer call() {
        Optional<Message> testMail;
        try {
            testMail = Optional.ofNullable(testMailTo).map(Doctor::testMail);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("--send-test-mail: " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        Config config;
        try {
            config = main.config(Map.of());
        } catch (UserFacingException e) {
            print(out, Finding.fail("config", e.getMessage(), "correct that setting in the config file, the"
                    + " environment (DAILYPAPERS_…) or the flags"));
            return EXIT_FAILED;
        }
        print(out, Finding.ok("config", "loaded from " + (main.configFile == null ? "defaults and the environment"
                : main.configFile + ", the environment and flags")));
        List<Finding> findings = App.doctor(config).examine(testMail);
        findings.forEach(finding -> print(out, finding));
        long failed = findings.stream().filter(f -> f.level() == Finding.Level.FAIL).count();
        long warned = findings.stream().filter(f -> f.level() == Finding.Level.WARN).count();
        out.printf(Locale.ROOT, "%d failed, %d warnings%n", failed, warned);
        return failed > 0 ? EXIT_FAILED : 0;
    }

    private static void print(PrintWriter out, Finding finding) {
        out.printf(Locale.ROOT, "%-4s  %-8s  %s%n", finding.level().key(), finding.check(), finding.message());
        finding.fix().ifPresent(fix -> out.printf(Locale.ROOT, "%-4s  %-8s  fix: %s%n", "", "", fix));
    }
}
