package dailypapers.web;

import dailypapers.library.ImportReport;
import java.util.List;

/**
 * A collection's page. Its owner also gets the forms that rename it, share or unshare it, delete it, import into it
 * and take papers out of it.
 *
 * @param pager  null when it fits one page
 * @param owner  the owner's forms, or null for anyone else
 * @param report what the import just done did, or null
 */
public record CollectionView(PageFrame frame, String name, String href, boolean isPublic, String summary,
        List<CollectionCard> cards, Pager pager, List<LinkView> links, Owner owner, ImportReport report) {

    public CollectionView {
        cards = List.copyOf(cards);
        links = List.copyOf(links);
    }

    /**
     * A paper of the collection, with its owner's form that takes it out (null for anyone else).
     */
    public record CollectionCard(PaperCard card, String removeAction) {
    }

    /**
     * The owner's forms.
     *
     * @param importError the message for the file field of the import form, or null
     */
    public record Owner(String settingsAction, LibraryView.CollectionForm form, String deleteAction,
            String importAction, String importError, String removeAction, int maxImportKib, int maxImportEntries) {
    }
}
