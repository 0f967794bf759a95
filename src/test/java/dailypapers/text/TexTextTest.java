package dailypapers.text;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.text.TexText.Part;
import org.junit.jupiter.api.Test;

class TexTextTest {

    @Test
    void proseIsCleanedAndFormulasBecomeMathMl() {
        TexText text = TexText.of("PanGu-$\\pi$: 97.3\\% -- \\textbf{fast}");

        assertThat(text.parts()).containsExactly(new Part("PanGu-", null),
                new Part("π", "<math><mi>π</mi></math>"), new Part(": 97.3% – fast", null));
    }

    @Test
    void plainTextReadsSimpleMathAndKeepsTheSourceOfTheRest() {
        assertThat(TexText.plain("$\\alpha$-ECLIPSE beats $\\mathcal{C}_h$ by 3\\% --- at $5 and $10"))
                .isEqualTo("α-ECLIPSE beats \\mathcal{C}_h by 3% — at $5 and $10");
        assertThat(TexText.plain("``quoted'' and \\href{https://x.org}{a link}")).isEqualTo("“quoted” and a link");
    }

    @Test
    void textWithoutTexIsUnchanged() {
        String text = "Attention Is All You Need: 8 GPUs, ~3.5 days.";

        assertThat(TexText.plain(text)).isEqualTo(text);
        assertThat(TexText.of(text).parts()).containsExactly(new Part(text, null));
    }

    @Test
    void formulaTooDeepToRenderStaysSourceText() {
        String deep = "$" + "{".repeat(100) + "x$";

        assertThat(TexText.of(deep).parts()).containsExactly(new Part("{".repeat(100) + "x", null));
    }
}
