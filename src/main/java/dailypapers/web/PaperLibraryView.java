package dailypapers.web;

import java.util.List;

/**
 * A member's library on a paper page: the Save toggle and the collection picker.
 *
 * @param collections every collection of the member's, checked when it holds the paper
 */
public record PaperLibraryView(SaveToggle toggle, String placeAction, String next, List<Choice> collections) {

    public PaperLibraryView {
        collections = List.copyOf(collections);
    }

    /** One checkbox of the picker. */
    public record Choice(long id, String name, boolean isChecked) {

        public String inputId() {
            return "collection-" + id;
        }
    }
}
