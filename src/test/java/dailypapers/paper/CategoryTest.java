package dailypapers.paper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CategoryTest {

    @Test
    void knownCodesHaveArxivNames() {
        assertThat(Category.nameOf("cs.CL")).contains("Computation and Language");
        assertThat(Category.nameOf("hep-th")).contains("High Energy Physics - Theory");
        assertThat(Category.nameOf("q-bio.NC")).contains("Neurons and Cognition");
        assertThat(Category.nameOf("stat.ML")).contains("Machine Learning");
    }

    @Test
    void unknownOrMiscasedCodesHaveNoName() {
        assertThat(Category.nameOf("cs.ZZ")).isEmpty();
        assertThat(Category.nameOf("CS.CL")).isEmpty();
        assertThat(Category.nameOf("")).isEmpty();
    }
}
