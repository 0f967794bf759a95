package dailypapers.cli;

import dailypapers.App;
import dailypapers.UserFacingException;
import dailypapers.mail.MailModule;
import dailypapers.mail.Message;
import dailypapers.mail.OutboxStore;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Mail by hand: {@code mail test --to ADDRESS} checks the mail settings end to end. */
@Command(name = "mail", description = "Mail commands.", subcommands = MailCommand.TestCommand.class)
final class MailCommand {

    @ParentCommand
    Main main;

    /** Queues a test message and delivers the due messages at once, under the mail job's lease. */
    @Command(name = "test", description = "Queue a test message and deliver it now (SMTP, or an .eml file).")
    static final class TestCommand implements Callable<Integer> {

        static final String SUBJECT = "Daily Papers test message";

        @ParentCommand
        MailCommand mail;

        @Spec
        CommandSpec spec;

        @Option(names = "--to", required = true, paramLabel = "ADDRESS", description = "Who gets the message.")
        String to;

        @Override
        public Integer call() {
            Message message;
            try {
                message = Message.plain(to, SUBJECT, "This message was sent by ./dailypapers mail test: the mail "
                        + "settings of this Daily Papers instance work.\n");
            } catch (IllegalArgumentException e) {
                throw new UserFacingException("--to: " + e.getMessage(), e);
            }
            PrintWriter out = spec.commandLine().getOut();
            try (App app = mail.main.openApp(Map.of())) {
                MailModule module = app.mail();
                String id = module.mailer().send(message);
                module.deliverNow().orElseThrow(() -> new UserFacingException("a server's mail job is sending right "
                        + "now; the message is queued (" + id + ") and goes with its next run"));
                OutboxStore.Outgoing outgoing = module.find(id).orElseThrow();
                if (outgoing.state() != OutboxStore.State.SENT) {
                    throw new UserFacingException("message " + id + " not delivered via " + module.transport()
                            + ": " + outgoing.lastError().orElse(outgoing.state().name().toLowerCase(
                                    Locale.ROOT)) + (outgoing.state() == OutboxStore.State.RETRY
                                            ? " (it stays queued and is retried by the server)"
                                            : " (the server refused it for good)"));
                }
                out.println("sent message " + id + " to " + message.to() + " via " + module.transport());
            }
            return 0;
        }
    }
}
