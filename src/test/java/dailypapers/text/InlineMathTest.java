package dailypapers.text;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.text.InlineMath.Span;
import org.junit.jupiter.api.Test;

class InlineMathTest {

    @Test
    void dollarDelimitedTexIsMath() {
        assertThat(InlineMath.split("On $\\mathcal{C}_h$ graphs")).containsExactly(
                new Span("On ", false), new Span("\\mathcal{C}_h", true), new Span(" graphs", false));
    }

    @Test
    void parenthesisAndDoubleDollarDelimitersAreMathToo() {
        assertThat(InlineMath.split("\\(x\\) and $$y$$")).containsExactly(
                new Span("x", true), new Span(" and ", false), new Span("y", true));
    }

    @Test
    void dollarsUsedAsMoneyStayText() {
        assertThat(InlineMath.split("It costs $5 and $10 a month")).containsExactly(
                new Span("It costs $5 and $10 a month", false));
        assertThat(InlineMath.split("from $5 to $10, not $x$")).containsExactly(
                new Span("from $5 to $10, not ", false), new Span("x", true));
        assertThat(InlineMath.split("between $ 3 $ and $4$5")).containsExactly(
                new Span("between $ 3 $ and $4$5", false));
    }

    @Test
    void escapedDollarAndUnclosedDelimitersStayText() {
        assertThat(InlineMath.split("\\$5 and $x")).containsExactly(new Span("\\$5 and $x", false));
        assertThat(InlineMath.split("open \\( only")).containsExactly(new Span("open \\( only", false));
        assertThat(InlineMath.split("$$ never closed")).containsExactly(new Span("$$ never closed", false));
    }

    @Test
    void overlongMathStaysText() {
        String huge = "$" + "x".repeat(InlineMath.MAX_MATH_CHARS + 1) + "$";

        assertThat(InlineMath.split(huge)).containsExactly(new Span(huge, false));
    }
}
