package dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.Config;
import dailypapers.Setting;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The flags that set a setting are described by the setting itself, so the help and the README agree. */
class FlagHelpTest {

    /** The prefix of picocli's keys for --help and --version. */
    private static final String PICOCLI_OWN_KEYS = "mixinStandardHelpOptions.";

    private final CommandLine root = Main.commandLine(new PrintWriter(Writer.nullWriter()),
            new PrintWriter(Writer.nullWriter()));

    @Test
    void everySettingsFlagExistsAndShowsTheSettingsDescriptionAndDefault() {
        for (Setting<?> setting : Config.SETTINGS) {
            setting.flag().ifPresent(flag -> {
                List<String> words = List.of(flag.split(" "));
                CommandLine command = root;
                for (String subcommand : words.subList(0, words.size() - 1)) {
                    command = command.getSubcommands().get(subcommand);
                    assertThat(command).as(flag).isNotNull();
                }
                OptionSpec option = command.getCommandSpec().findOption(words.getLast());
                assertThat(option).as(flag).isNotNull();
                assertThat(option.descriptionKey()).as(flag).isEqualTo(setting.key());
                assertThat(option.description()).as(flag).containsExactly(setting.help());
            });
        }
    }

    @Test
    void everyOptionWithADescriptionKeyIsTheFlagOfThatSetting() {
        Map<String, Setting<?>> settings = Config.SETTINGS.stream()
                .collect(Collectors.toMap(Setting::key, Function.identity()));
        List<String> checked = new ArrayList<>();
        visit(root, "", (path, option) -> {
            if (!option.descriptionKey().isEmpty() && !option.descriptionKey().startsWith(PICOCLI_OWN_KEYS)) {
                Setting<?> setting = settings.get(option.descriptionKey());
                assertThat(setting).as(path + option.longestName()).isNotNull();
                assertThat(setting.flag()).contains(path + option.longestName());
                checked.add(option.longestName());
            }
        });
        assertThat(checked).hasSize((int) Config.SETTINGS.stream().filter(s -> s.flag().isPresent()).count());
    }

    @Test
    void serveUsageShowsThePortSetting() {
        String usage = root.getSubcommands().get("serve").getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertThat(usage.replaceAll("\\s+", " ")).contains(Config.HTTP_PORT.help());
    }

    private interface OptionVisitor {
        void visit(String commandPath, OptionSpec option);
    }

    private static void visit(CommandLine command, String path, OptionVisitor visitor) {
        command.getCommandSpec().options().forEach(option -> visitor.visit(path, option));
        command.getSubcommands().forEach((name, sub) -> visit(sub, path + name + " ", visitor));
    }
}
