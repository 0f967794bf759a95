package dailypapers.web;

import dailypapers.paper.Category;

/**
 * An arXiv category as a link to its page, labelled by name with the code beside it.
 *
 * @param name arXiv's name for the code ("Computation and Language"), or null for a code the taxonomy lacks
 */
public record CategoryChip(String code, String name, String href) {

    static CategoryChip of(String code) {
        return new CategoryChip(code, Category.nameOf(code).orElse(null), Links.category(code));
    }

    /** "Computation and Language (cs.CL)", or the bare code when it has no name. */
    public String label() {
        return name == null ? code : name + " (" + code + ")";
    }
}
