package dailypapers.cli;

import dailypapers.App;
import dailypapers.UserFacingException;
import dailypapers.digest.DigestModule;
import dailypapers.digest.DigestService;
import dailypapers.digest.SubscriptionException;
import dailypapers.digest.SubscriptionService;
import dailypapers.mail.EmlFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Digests by hand: {@code digest preview} writes the digest one subscriber would get, {@code digest send} queues
 * and delivers the due digests (or everyone's) now. A server does both on its own schedule; these are for
 * operators. Both need the search index (topics are searches), as {@code import} does.
 */
@Command(name = "digest", description = "Email digest commands.",
        subcommands = {DigestCommand.PreviewCommand.class, DigestCommand.SendCommand.class})
final class DigestCommand {

    @ParentCommand
    Main main;

    @Command(name = "preview", description = "Write the digest one subscriber would get on a day, as .eml and .html"
            + " files; nothing is stored or sent.")
    static final class PreviewCommand implements Callable<Integer> {

        @ParentCommand
        DigestCommand digest;

        @Spec
        CommandSpec spec;

        @Option(names = "--email", required = true, paramLabel = "ADDRESS", description = "The subscriber.")
        String email;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The digest's day (default: today, UTC).")
        String date;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
                description = "Where to write the files (default: the current directory).")
        Path out;

        @Override
        public Integer call() throws IOException {
            LocalDate day = day(date);
            String address;
            try {
                address = SubscriptionService.address(email);
            } catch (SubscriptionException e) {
                throw new UserFacingException("--email: " + e.getMessage() + ", got '" + email + "'", e);
            }
            PrintWriter printed = spec.commandLine().getOut();
            try (App app = digest.main.openApp(Map.of())) {
                requireIndex(app);
                DigestModule digests = app.digests();
                Instant now = Instant.now();
                DigestService.Preview preview = digests.service().preview(address, day, now)
                        .orElseThrow(() -> new UserFacingException("no subscription for " + address));
                if (!preview.subscription().isConfirmed()) {
                    printed.println("note: " + address + " is " + preview.subscription().state().key()
                            + "; it gets no digest until it is confirmed");
                }
                if (preview.digest().isEmpty()) {
                    printed.println("the digest of " + address + " for " + day + " is empty: it would not be sent");
                    return 0;
                }
                Files.createDirectories(out);
                String name = "digest-" + address + "-" + day;
                Path eml = out.resolve(name + ".eml");
                Path html = out.resolve(name + ".html");
                EmlFiles.write(eml, "preview-" + preview.digest().id(),
                        digests.mail().message(preview.subscription(), preview.digest()), app.config().mail().from());
                Files.writeString(html, digests.mail().html(preview.subscription(), preview.digest()));
                int papers = preview.digest().items().size();
                printed.println(papers + (papers == 1 ? " paper" : " papers") + " for " + address + " on " + day);
                printed.println(eml);
                printed.println(html);
            }
            return 0;
        }

        private static LocalDate day(String text) {
            if (text == null) {
                return LocalDate.now(ZoneOffset.UTC);
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeException e) {
                throw new UserFacingException("--date: expected a day as YYYY-MM-DD, got '" + text + "'", e);
            }
        }
    }

    @Command(name = "send", description = "Compose the digests due now (or everyone's) and deliver them now, under"
            + " the mail job's lease.")
    static final class SendCommand implements Callable<Integer> {

        @ParentCommand
        DigestCommand digest;

        @Spec
        CommandSpec spec;

        @Option(names = "--all", description = "Every confirmed subscriber now, whatever their cadence and time"
                + " zone, with what is new for them since their last digest; their next due time stays.")
        boolean all;

        @Option(names = "--dry-run", description = "Compose in memory and print what would be sent; store and"
                + " send nothing.")
        boolean dryRun;

        @Override
        public Integer call() {
            PrintWriter printed = spec.commandLine().getOut();
            try (App app = digest.main.openApp(Map.of())) {
                requireIndex(app);
                if (dryRun) {
                    DigestService.Run run = app.digests().service().dryRun(all, Instant.now());
                    printed.println("dry run: " + run.subscribers() + " subscribers, " + run.digests()
                            + " digests would be sent with " + run.papers() + " papers, "
                            + (run.subscribers() - run.digests()) + " empty; nothing stored or sent");
                    return 0;
                }
                DigestService.Run run = app.digests().composeNow(all).orElseThrow(() -> new UserFacingException(
                        "a server's digest job is composing right now; it queues the due digests itself"));
                printed.println("composed: " + run.subscribers() + " subscribers, " + run.digests()
                        + " digests queued with " + run.papers() + " papers, "
                        + (run.subscribers() - run.digests() - run.failed()) + " empty, " + run.failed() + " failed");
                int sent = app.mail().deliverNow().orElseThrow(() -> new UserFacingException("a server's mail job"
                        + " is sending right now; the digests are queued and go with its next run"));
                printed.println("delivered: " + sent + " messages via " + app.mail().transport());
                return run.failed() > 0 ? 1 : 0;
            }
        }
    }

    private static void requireIndex(App app) {
        if (!app.hasIndex()) {
            throw new UserFacingException("the search index is held by a running server, and digest topics are"
                    + " searches: the server composes and sends digests on its own schedule, or stop it to run"
                    + " this command");
        }
    }
}
