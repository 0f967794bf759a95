package dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dailypapers user …}: the first admin and member administration without pages. */
class UserCommandIT {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String stdin, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return Main.run(new BufferedReader(new StringReader(stdin)), new PrintWriter(out, true),
                new PrintWriter(err, true), all);
    }

    @Test
    void theFirstAdminIsCreatedWithAPasswordFromStandardInputAndListed() {
        assertThat(run(PASSWORD + "\n", "user", "create", "--email", "Ada@Example.org", "--handle", "ada",
                "--admin")).isZero();
        assertThat(out.toString()).contains("created admin ada (ada@example.org)");
        assertThat(run(PASSWORD + "\n", "user", "create", "--email", "bob@example.org", "--handle", "bob",
                "--name", "Bob B.")).isZero();

        assertThat(run("", "user", "list")).isZero();

        String[] lines = out.toString().strip().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("id\temail\thandle\trole\tstate\tcreated");
        assertThat(lines[1]).startsWith("1\tada@example.org\tada\tadmin\tactive\t");
        assertThat(lines[2]).startsWith("2\tbob@example.org\tbob\tmember\tactive\t");
        assertThat(out.toString()).doesNotContain(PASSWORD).doesNotContain("argon2");
    }

    @Test
    void withSendLinkNoPasswordIsReadAndTheMemberIsMailedALinkToChooseOne() throws IOException {
        assertThat(run("", "user", "create", "--email", "root@example.org", "--handle", "operator", "--admin",
                "--send-link")).isZero();

        assertThat(out.toString()).contains("created admin operator (root@example.org); a link to choose a password"
                + " went to root@example.org by file " + dir.resolve("outbox"));
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir.resolve("outbox"))) {
            files = listed.filter(f -> f.toString().endsWith(".eml")).toList();
        }
        assertThat(files).hasSize(1);
        String mail = Files.readString(files.get(0));
        assertThat(mail).contains("To: root@example.org", "Subject: Choose your Daily Papers password")
                .containsPattern("http://localhost:8080/reset/confirm\\?token=[A-Za-z0-9_-]{43}");
    }

    @Test
    void aRoleIsSetAndAMemberBannedByEmail() {
        run(PASSWORD + "\n", "user", "create", "--email", "bob@example.org", "--handle", "bob");

        assertThat(run("", "user", "set-role", "--email", "BOB@example.org", "--role", "moderator")).isZero();
        assertThat(out.toString()).contains("bob is now moderator");
        assertThat(run("", "user", "ban", "--email", "bob@example.org")).isZero();
        assertThat(out.toString()).contains("bob is banned");

        run("", "user", "list");
        assertThat(out.toString()).contains("bob@example.org\tbob\tmoderator\tbanned");
    }

    @Test
    void aBrokenRuleIsOneLineNamingTheRule() {
        assertThat(run("short\n", "user", "create", "--email", "ada@example.org", "--handle", "ada")).isNotZero();
        assertThat(err.toString().strip()).isEqualTo("error: a password has at least 10 characters");

        assertThat(run(PASSWORD + "\n", "user", "create", "--email", "ada@example.org", "--handle", "admin"))
                .isNotZero();
        assertThat(err.toString()).contains("error: the handle 'admin' is reserved");

        assertThat(run("", "user", "create", "--email", "ada@example.org", "--handle", "ada")).isNotZero();
        assertThat(err.toString()).contains("error: no password given");

        run(PASSWORD + "\n", "user", "create", "--email", "ada@example.org", "--handle", "ada");
        assertThat(run(PASSWORD + "\n", "user", "create", "--email", "ADA@example.org", "--handle", "ada2"))
                .isNotZero();
        assertThat(err.toString()).contains("error: a member with this email exists");

        assertThat(run("", "user", "set-role", "--email", "ada@example.org", "--role", "king")).isNotZero();
        assertThat(err.toString()).contains("error: a role is member, moderator or admin, got 'king'");
        assertThat(run("", "user", "ban", "--email", "nobody@example.org")).isNotZero();
        assertThat(err.toString()).contains("error: no member has the email nobody@example.org");
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
