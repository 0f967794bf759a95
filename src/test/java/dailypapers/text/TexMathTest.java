package dailypapers.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TexMathTest {

    private static String mathMl(String tex) {
        return TexMath.parse(tex).orElseThrow().toMathMl();
    }

    @Test
    void scriptsFontsAndGreekBecomeMathMl() {
        assertThat(mathMl("\\mathcal{C}_h")).isEqualTo("<math><msub><mi>𝒞</mi><mi>h</mi></msub></math>");
        assertThat(mathMl("\\alpha^2")).isEqualTo("<math><msup><mi>α</mi><mn>2</mn></msup></math>");
        assertThat(mathMl("\\mathbb{R}^{d}")).isEqualTo("<math><msup><mi>ℝ</mi><mi>d</mi></msup></math>");
        assertThat(mathMl("x_i^{2}")).isEqualTo("<math><msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup></math>");
    }

    @Test
    void fractionsRootsAccentsAndFunctions() {
        assertThat(mathMl("\\frac{1}{2}")).isEqualTo("<math><mfrac><mn>1</mn><mn>2</mn></mfrac></math>");
        assertThat(mathMl("\\sqrt{n}")).isEqualTo("<math><msqrt><mi>n</mi></msqrt></math>");
        assertThat(mathMl("\\hat{y}"))
                .isEqualTo("<math><mover accent=\"true\"><mi>y</mi><mo>^</mo></mover></math>");
        assertThat(mathMl("\\log n")).isEqualTo(
                "<math><mrow><mi mathvariant=\"normal\">log</mi><mi>n</mi></mrow></math>");
    }

    @Test
    void numbersOperatorsAndText() {
        assertThat(mathMl("97.3\\%")).isEqualTo("<math><mrow><mn>97.3</mn><mo>%</mo></mrow></math>");
        assertThat(mathMl("3\\times")).isEqualTo("<math><mrow><mn>3</mn><mo>×</mo></mrow></math>");
        assertThat(mathMl("\\text{GPT-4}")).isEqualTo("<math><mtext>GPT-4</mtext></math>");
        assertThat(mathMl("\\unicode{x1F600}")).isEqualTo("<math><mtext>😀</mtext></math>");
    }

    @Test
    void noBidiOverrideOrControlCharacterReachesTheMarkup() {
        assertThat(mathMl("\\unicode{x202E}")).isEqualTo("<math><mtext>?</mtext></math>");
        assertThat(mathMl("\\unicode{x2066}")).isEqualTo("<math><mtext>?</mtext></math>");
        assertThat(mathMl("\\unicode{8238}")).as("U+202E by decimal").isEqualTo("<math><mtext>?</mtext></math>");
        assertThat(mathMl("\\text{a\u202Eb}")).isEqualTo("<math><mtext>ab</mtext></math>");
        assertThat(mathMl("x\u0000\u0007")).doesNotContain("\u0000", "\u0007");
    }

    @Test
    void unknownCommandsShowTheirNameAndSizingIsIgnored() {
        assertThat(mathMl("\\modelname")).isEqualTo("<math><mtext>\\modelname</mtext></math>");
        assertThat(mathMl("\\left( x \\right)"))
                .isEqualTo("<math><mrow><mo>(</mo><mi>x</mi><mo>)</mo></mrow></math>");
    }

    @Test
    void markupInTheSourceIsEscapedNeverPassedThrough() {
        String out = mathMl("<img src=x onerror=alert(1)>\\text{</math><script>alert(2)</script>\"'&}");

        assertThat(out).doesNotContain("<img").doesNotContain("<script").doesNotContain("</math><")
                .startsWith("<math><mrow><mo>&lt;</mo><mi>i</mi>")
                .contains("<mtext>&lt;/math&gt;&lt;script&gt;alert(2)&lt;/script&gt;&quot;&#39;&amp;</mtext>");
        assertThat(out.indexOf("</math>")).isEqualTo(out.length() - "</math>".length());
    }

    @Test
    void unbalancedBracesAndDanglingScriptsStillParse() {
        assertThat(mathMl("{x")).isEqualTo("<math><mi>x</mi></math>");
        assertThat(mathMl("x}")).isEqualTo("<math><mrow><mi>x</mi><mo>}</mo></mrow></math>");
        assertThat(mathMl("x^")).isEqualTo("<math><msup><mi>x</mi><mrow></mrow></msup></math>");
        assertThat(mathMl("\\frac")).isEqualTo("<math><mfrac><mrow></mrow><mrow></mrow></mfrac></math>");
        assertThat(mathMl("\\")).isEqualTo("<math><mo>\\</mo></math>");
    }

    @Test
    void nestingTooDeepIsRefusedRatherThanOverflowingTheStack() {
        assertThat(TexMath.parse("{".repeat(10_000) + "x")).isEmpty();
        assertThat(TexMath.parse("x" + "^{a".repeat(TexMath.MAX_DEPTH + 1))).isEmpty();
        assertThat(TexMath.parse("\\hat".repeat(2_000) + "x")).isEmpty();
    }

    @Test
    void plainTextWhenSimpleEmptyOtherwise() {
        assertThat(TexMath.parse("\\alpha").orElseThrow().toPlainText()).contains("α");
        assertThat(TexMath.parse("97.3\\%").orElseThrow().toPlainText()).contains("97.3%");
        assertThat(TexMath.parse("\\mathcal{C}").orElseThrow().toPlainText()).contains("𝒞");
        assertThat(TexMath.parse("x^2").orElseThrow().toPlainText()).isEmpty();
    }

    @Test
    void plainTextKeepsTheSpacesOfTheSourceWhichMathMlLeavesToTheRenderer() {
        TexMath math = TexMath.parse("a \\leq b").orElseThrow();

        assertThat(math.toPlainText()).contains("a ≤ b");
        assertThat(math.toMathMl()).isEqualTo("<math><mrow><mi>a</mi><mo>≤</mo><mi>b</mi></mrow></math>");
    }
}
