/**
 * Measuring search quality on BEIR-format test collections: {@link dailypapers.eval.BeirDataset} loads one,
 * {@link dailypapers.eval.Evaluation} scores any {@link dailypapers.eval.Retriever} by nDCG@10 and Recall@100 with
 * trec_eval's rules, and {@link dailypapers.eval.DenseRetriever} is the exact dense baseline and the reference for
 * approximate search.
 */
package dailypapers.eval;
