package dailypapers.cli;

import dailypapers.App;
import dailypapers.UserFacingException;
import dailypapers.account.AccountService;
import dailypapers.account.Member;
import dailypapers.account.Role;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Members from the command line, for the first admin and for an operator without pages: {@code user create},
 * {@code list}, {@code set-role}, {@code ban}. A password is read from standard input (typed without echo at a
 * terminal), never from a flag, so it stays out of the shell history and the process list; or, with
 * {@code --send-link}, the member is mailed a link to choose one.
 */
@Command(name = "user", description = "Create, list, promote and ban members.",
        subcommands = {UserCommand.Create.class, UserCommand.ListMembers.class, UserCommand.SetRole.class,
                UserCommand.Ban.class})
final class UserCommand {

    @ParentCommand
    Main main;

    private int withAccounts(Work work) {
        try (App app = main.openApp(Map.of())) {
            return work.run(app.accounts().service());
        }
    }

    private int withApp(Function<App, Integer> work) {
        try (App app = main.openApp(Map.of())) {
            return work.apply(app);
        }
    }

    private interface Work {
        int run(AccountService accounts);
    }

    private static Member member(AccountService accounts, String email) {
        return accounts.member(email).orElseThrow(() -> new UserFacingException("no member has the email " + email));
    }

    @Command(name = "create", description = "Create a member; the password is read from standard input, or with"
            + " --send-link chosen by the member through a mailed link.")
    static final class Create implements Callable<Integer> {

        @ParentCommand
        UserCommand user;

        @Spec
        CommandSpec spec;

        @Option(names = "--email", required = true, paramLabel = "EMAIL")
        String email;

        @Option(names = "--handle", required = true, paramLabel = "HANDLE",
                description = "3 to 30 characters: a-z, 0-9, '_' and '-'.")
        String handle;

        @Option(names = "--name", paramLabel = "NAME", description = "Display name (default: the handle).")
        String displayName;

        @Option(names = "--admin", description = "Make the member an admin.")
        boolean admin;

        @Option(names = "--send-link", description = "Mail the member a link to choose a password (valid as long as"
                + " an address confirmation, account.link.verify.hours) instead of reading one.")
        boolean sendLink;

        @Override
        public Integer call() {
            Role role = admin ? Role.ADMIN : Role.MEMBER;
            if (sendLink) {
                return user.withApp(app -> {
                    Member created = app.accounts().service().createWithLink(email, handle, displayName, role);
                    // Without a server running, nothing else would deliver it; with one, its mail job will.
                    app.mail().deliverNow();
                    spec.commandLine().getOut().printf("created %s %s (%s); a link to choose a password went to %s"
                            + " by %s%n", created.role().key(), created.handle(), created.email(), created.email(),
                            app.mail().transport());
                    return 0;
                });
            }
            String password = readPassword();
            return user.withAccounts(accounts -> {
                Member created = accounts.create(email, handle, displayName, password, role);
                spec.commandLine().getOut().printf("created %s %s (%s)%n", created.role().key(), created.handle(),
                        created.email());
                return 0;
            });
        }

        private String readPassword() {
            Console console = System.console();
            if (user.main.input == null && console != null) {
                char[] typed = console.readPassword("password for %s: ", email);
                if (typed == null) {
                    throw new UserFacingException("no password given");
                }
                return new String(typed);
            }
            BufferedReader in = user.main.input != null ? user.main.input
                    : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            try {
                String line = in.readLine();
                if (line == null) {
                    throw new UserFacingException("no password given: write it to standard input, one line");
                }
                return line;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Command(name = "list", description = "List members, oldest first.")
    static final class ListMembers implements Callable<Integer> {

        @ParentCommand
        UserCommand user;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return user.withAccounts(accounts -> {
                PrintWriter out = spec.commandLine().getOut();
                out.println("id\temail\thandle\trole\tstate\tcreated");
                for (Member member : accounts.members()) {
                    out.printf("%d\t%s\t%s\t%s\t%s\t%s%n", member.id(), member.email(), member.handle(),
                            member.role().key(), member.state().key(), member.createdAt());
                }
                return 0;
            });
        }
    }

    @Command(name = "set-role", description = "Set a member's role: member, moderator or admin.")
    static final class SetRole implements Callable<Integer> {

        @ParentCommand
        UserCommand user;

        @Spec
        CommandSpec spec;

        @Option(names = "--email", required = true, paramLabel = "EMAIL")
        String email;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "member, moderator or admin.")
        String role;

        @Override
        public Integer call() {
            Role chosen = Role.of(role);
            return user.withAccounts(accounts -> {
                Member member = member(accounts, email);
                accounts.setRole(member.id(), chosen);
                spec.commandLine().getOut().printf("%s is now %s%n", member.handle(), chosen.key());
                return 0;
            });
        }
    }

    @Command(name = "ban", description = "Ban a member and end their sessions.")
    static final class Ban implements Callable<Integer> {

        @ParentCommand
        UserCommand user;

        @Spec
        CommandSpec spec;

        @Option(names = "--email", required = true, paramLabel = "EMAIL")
        String email;

        @Override
        public Integer call() {
            return user.withAccounts(accounts -> {
                Member member = member(accounts, email);
                accounts.ban(member.id());
                spec.commandLine().getOut().printf("%s is banned%n", member.handle());
                return 0;
            });
        }
    }
}
