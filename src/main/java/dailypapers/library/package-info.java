/**
 * Members' libraries: the papers a member saved ({@link dailypapers.library.LibraryService}, start there), named
 * collections of them, private or public ({@link dailypapers.library.PaperCollection}), and their exchange with
 * reference managers: BibTeX and RIS out ({@link dailypapers.library.BibtexWriter},
 * {@link dailypapers.library.RisWriter}), BibTeX of arXiv papers in ({@link dailypapers.library.BibtexReader},
 * {@link dailypapers.library.ArxivReference}, {@link dailypapers.library.ImportReport}).
 */
package dailypapers.library;
