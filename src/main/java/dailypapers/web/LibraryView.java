package dailypapers.web;

import dailypapers.library.CollectionName;
import dailypapers.library.PaperCollection;
import java.util.List;

/**
 * A member's library page: their collections, the form that makes one, and their saved papers, last saved first.
 *
 * @param pager null when the library fits one page
 */
public record LibraryView(PageFrame frame, String summary, List<CollectionItem> collections, CollectionForm form,
        List<SavedCard> cards, Pager pager, List<LinkView> exports) {

    public LibraryView {
        collections = List.copyOf(collections);
        cards = List.copyOf(cards);
        exports = List.copyOf(exports);
    }

    /** A collection in a list: its name and link, how many papers, who may read it. */
    public record CollectionItem(String name, String href, String detail, boolean isPublic) {

        static CollectionItem of(PaperCollection collection) {
            return new CollectionItem(collection.name().value(), LibraryLinks.collection(collection),
                    PaperCard.count(collection.papers(), "paper"), collection.isPublic());
        }
    }

    /**
     * The fields of a collection form as typed, and what was wrong with them.
     *
     * @param error the message for the name field, or null
     */
    public record CollectionForm(String name, boolean isPublic, String error) {

        static final CollectionForm EMPTY = new CollectionForm("", false, null);

        public int maxLength() {
            return CollectionName.MAX_LENGTH;
        }
    }

    /** A saved paper's card with the form that takes it out of the library. */
    public record SavedCard(PaperCard card, SaveToggle toggle) {
    }
}
